package dev.byline.site;

import dev.byline.web.BadRequest;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** Query parameters the public pages read, checked at the edge. */
final class Params {
  /** Deep enough for years of a busy section; beyond it readers use search or the archive. */
  static final int MAX_PAGE = 1000;

  private Params() {}

  static int page(Context ctx) {
    String raw;
    try {
      raw = ctx.queryParam("page");
    } catch (RuntimeException e) {
      throw new BadRequest("the query string is not properly encoded");
    }
    if (raw == null || raw.isEmpty()) return 1;
    if (raw.length() > 6 || !raw.chars().allMatch(Character::isDigit)) {
      throw new BadRequest("page must be a whole number from 1 to " + MAX_PAGE);
    }
    int n = Integer.parseInt(raw);
    if (n < 1) throw new BadRequest("page must be a whole number from 1 to " + MAX_PAGE);
    if (n > MAX_PAGE) throw new NotFoundResponse("there is no page " + n);
    return n;
  }

  static String cacheKey(String path, int page) {
    return page <= 1 ? path : path + "?page=" + page;
  }
}
