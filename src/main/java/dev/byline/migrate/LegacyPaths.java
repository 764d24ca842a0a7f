package dev.byline.migrate;

import dev.byline.redirect.LegacyPath;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The addresses a WordPress post, page or attachment answered at: its permalink as the export
 * gives it, {@code /?p=ID} (which every WordPress site answers whatever its permalinks), the
 * "day and name" form {@code /2024/04/08/slug/} (WordPress's default, which sites that changed
 * their permalinks still have links to), and the same with each old slug WordPress remembered.
 */
final class LegacyPaths {
  private static final DateTimeFormatter WP_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private LegacyPaths() {}

  static List<String> post(WxrItem item, String origin) {
    var out = new LinkedHashSet<String>();
    var link = Origins.pathOf(item.link(), origin);
    add(out, link);
    add(out, "/?p=" + item.postId());
    if (item.type().equals("page")) add(out, "/?page_id=" + item.postId());
    var slugs = new ArrayList<String>();
    if (!item.postName().isEmpty()) slugs.add(item.postName());
    slugs.addAll(item.metas("_wp_old_slug"));
    var day = day(item.postDate());
    for (var slug : slugs) {
      if (slug.isBlank()) continue;
      if (item.type().equals("post") && !day.isEmpty()) add(out, day + slug);
      if (!slug.equals(item.postName()) && link.length() > 1 && !link.contains("?"))
        add(out, link.replaceFirst("[^/]+/?$", "") + slug);
    }
    return List.copyOf(out);
  }

  /** The attachment's own page and its file (the full-size upload). */
  static List<String> attachmentPages(WxrItem item, String origin) {
    var out = new LinkedHashSet<String>();
    add(out, Origins.pathOf(item.link(), origin));
    add(out, "/?attachment_id=" + item.postId());
    return List.copyOf(out);
  }

  static String attachmentFile(WxrItem item, String origin) {
    var path = Origins.pathOf(item.attachmentUrl(), origin);
    return path.isEmpty() ? "" : LegacyPath.of(path).orElse("");
  }

  /** "/2024/04/08/" from WordPress's local post date, or empty. */
  private static String day(String postDate) {
    try {
      var d = LocalDateTime.parse(postDate, WP_DATE);
      return String.format(
          Locale.ROOT, "/%04d/%02d/%02d/", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    } catch (DateTimeParseException e) {
      return "";
    }
  }

  private static void add(java.util.Set<String> out, String path) {
    if (path == null || path.isEmpty()) return;
    LegacyPath.of(path).filter(p -> !p.equals("/")).ifPresent(out::add);
  }
}
