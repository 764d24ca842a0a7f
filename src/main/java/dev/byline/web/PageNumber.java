package dev.byline.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * Which page of a list a request asks for ({@code ?page=N}, counted from 1): one reading and one
 * limit for every paged list, the public site's and the newsroom's alike.
 *
 * <pre>{@code
 * int page = PageNumber.of(ctx).value();
 * }</pre>
 */
public record PageNumber(int value) {
  /**
   * Deep enough for years of a busy section (20 stories a page) and of the newsroom's lists;
   * deeper, readers and editors search or filter, and a crawler following numbers stops here.
   */
  public static final int MAX = 1000;

  public static final PageNumber FIRST = new PageNumber(1);

  public PageNumber {
    if (value < 1 || value > MAX)
      throw new IllegalArgumentException("page must be from 1 to " + MAX + ", not " + value);
  }

  /** The request's {@code page} parameter; see {@link #parse}. */
  public static PageNumber of(Context ctx) {
    String raw;
    try {
      raw = ctx.queryParam("page");
    } catch (RuntimeException e) {
      throw new BadRequest("the query string is not properly encoded");
    }
    return parse(raw);
  }

  /**
   * Absent or blank is the first page. Anything but a whole number from 1 is a 400 naming the
   * parameter; a number past {@link #MAX} is a page that does not exist, a 404.
   */
  public static PageNumber parse(String raw) {
    var text = raw == null ? "" : raw.strip();
    if (text.isEmpty()) return FIRST;
    if (!text.chars().allMatch(c -> c >= '0' && c <= '9'))
      throw new BadRequest("page must be a whole number from 1 to " + MAX);
    // Past nine digits the number cannot be a page, and must not overflow an int.
    int n = text.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(text);
    if (n < 1) throw new BadRequest("page must be a whole number from 1 to " + MAX);
    if (n > MAX) throw new NotFoundResponse("there is no page " + text);
    return new PageNumber(n);
  }
}
