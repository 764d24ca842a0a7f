package dev.byline.redirect;

import dev.byline.content.InvalidInput;

/**
 * An old address and where it leads: to an article (only while published), or to a path on this
 * site. When both are given the article gates the path: an image file of a story leads to the
 * image once the story is out, never before.
 *
 * @param path the normalised old address ({@link LegacyPath})
 * @param articleId the article it stands for, or null
 * @param target the path to send readers to; empty means the article's own page
 * @param origin where the row came from ("https://old.example", "csv"), for the operator
 */
public record LegacyUrl(String path, Long articleId, String target, String origin) {
  public LegacyUrl {
    if (path == null || !path.startsWith("/") || path.length() > LegacyPath.MAX_LENGTH)
      throw new InvalidInput("old address", "must be a path starting with /, not \"" + path + "\"");
    target = target == null ? "" : target.strip();
    if (!target.isEmpty() && (!target.startsWith("/") || target.startsWith("//")))
      throw new InvalidInput("new address", "must be a path on this site, not \"" + target + "\"");
    // Browsers read "/\\host" as "//host": a backslash, a space or a control character would
    // turn a path on this site into another site, or split the Location header.
    if (target.chars().anyMatch(c -> c == '\\' || c <= ' ' || c == 0x7f))
      throw new InvalidInput(
          "new address",
          "may not hold a backslash, a space or a control character: \"" + target + "\"");
    if (target.length() > LegacyPath.MAX_LENGTH)
      throw new InvalidInput(
          "new address", "is longer than " + LegacyPath.MAX_LENGTH + " characters");
    if (articleId == null && target.isEmpty()) throw new InvalidInput("new address", "is empty");
    if (target.equals(path)) throw new InvalidInput("new address", "is the old address itself");
    origin = origin == null ? "" : origin.strip();
  }

  public static LegacyUrl toArticle(String path, long articleId, String origin) {
    return new LegacyUrl(path, articleId, "", origin);
  }

  public static LegacyUrl toPath(String path, String target, String origin) {
    return new LegacyUrl(path, null, target, origin);
  }

  /** True when it leads to a list page (section, topic, author) that may be paged or have feeds. */
  public boolean leadsToList() {
    return articleId == null
        && (target.startsWith("/topic/")
            || target.startsWith("/author/")
            || target.indexOf('/', 1) < 0)
        && !target.equals("/");
  }
}
