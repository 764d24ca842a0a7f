package dev.byline.migrate;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One {@code <item>} of a WordPress export: a post, a page, an attachment, or anything else a
 * plugin stored as a post. Fields are as WordPress wrote them; nothing is interpreted here.
 *
 * @param line where the item starts in its file, for the report
 * @param terms its categories, tags and other terms, in the export's order
 */
record WxrItem(
    long postId,
    String type,
    String status,
    String title,
    String link,
    String creator,
    String content,
    String excerpt,
    String postDate,
    String postDateGmt,
    String modifiedGmt,
    String postName,
    long parent,
    String password,
    String attachmentUrl,
    List<Term> terms,
    List<Meta> meta,
    List<Comment> comments,
    int line) {

  WxrItem {
    terms = List.copyOf(terms);
    meta = List.copyOf(meta);
    comments = List.copyOf(comments);
  }

  /** A term the item is filed under: {@code domain} is the taxonomy ("category", "post_tag"). */
  record Term(String domain, String slug, String name) {}

  record Meta(String key, String value) {}

  /** A comment as exported; {@code approved} is "1", "0", "spam" or "trash". */
  record Comment(
      long id,
      String author,
      String email,
      String url,
      String date,
      String dateGmt,
      String content,
      String approved,
      String type,
      long parent) {}

  /** The first value of a meta key, or empty. */
  String meta(String key) {
    for (var m : meta) if (m.key().equals(key)) return m.value();
    return "";
  }

  /** Every value of a meta key, in order (e.g. each old slug a post had). */
  List<String> metas(String key) {
    return meta.stream().filter(m -> m.key().equals(key)).map(Meta::value).toList();
  }

  /** Terms of one taxonomy, in the export's order. */
  List<Term> terms(String domain) {
    return terms.stream().filter(t -> t.domain().equals(domain)).toList();
  }

  private static final DateTimeFormatter WP_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /**
   * When the post was (or is to be) published: its GMT date, else its local date read in the
   * site's zone (drafts have no GMT date). Null when neither is a date.
   */
  Instant date(ZoneId zone) {
    var gmt = parse(postDateGmt, java.time.ZoneOffset.UTC);
    return gmt != null ? gmt : parse(postDate, zone);
  }

  Instant modified() {
    return parse(modifiedGmt, java.time.ZoneOffset.UTC);
  }

  static Instant parse(String wpDate, ZoneId zone) {
    if (wpDate == null || wpDate.isBlank() || wpDate.startsWith("0000")) return null;
    try {
      return LocalDateTime.parse(wpDate.strip(), WP_DATE).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
