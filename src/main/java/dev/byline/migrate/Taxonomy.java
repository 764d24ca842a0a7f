package dev.byline.migrate;

import dev.byline.content.Html;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A WordPress site's categories and tags, and how a post is filed under them in Byline. Byline
 * has flat sections and topics, so the category tree is flattened: a post's section is the
 * top-level category above its primary category, and every other category and every tag it has
 * becomes a topic. "Uncategorized" gives no section.
 */
final class Taxonomy {
  /** WordPress's default category; filing under it says nothing. */
  static final String UNCATEGORIZED = "uncategorized";

  private final Map<String, WxrSite.WpTerm> categories = new HashMap<>();
  private final Map<Long, String> categorySlugById = new HashMap<>();

  /** A term a post is filed under, by taxonomy and slug, with the name readers see. */
  record TermRef(String taxonomy, String slug, String name) {
    String key() {
      return taxonomy + ":" + slug;
    }
  }

  /** Where a post goes: the top-level category giving its section (null for none), and its topics. */
  record Filing(TermRef section, List<TermRef> topics) {}

  void add(WxrSite site) {
    for (var c : site.categories()) {
      categories.putIfAbsent(c.slug(), c);
      if (c.id() > 0) categorySlugById.putIfAbsent(c.id(), c.slug());
    }
  }

  /** The category's ancestors' slugs and its own, top first: "news/world/europe". */
  String categoryPath(String slug) {
    var parts = new ArrayList<String>();
    var seen = new LinkedHashSet<String>();
    var s = slug;
    while (s != null && !s.isEmpty() && seen.add(s)) {
      parts.add(0, s);
      var term = categories.get(s);
      s = term == null ? null : term.parent();
    }
    return String.join("/", parts);
  }

  String topLevel(String slug) {
    var path = categoryPath(slug);
    int slash = path.indexOf('/');
    return slash < 0 ? path : path.substring(0, slash);
  }

  String categoryName(String slug, String fallback) {
    var t = categories.get(slug);
    return name(t == null || t.name().isBlank() ? fallback : t.name(), slug);
  }

  java.util.Collection<WxrSite.WpTerm> categories() {
    return categories.values();
  }

  WxrSite.WpTerm category(String slug) {
    return categories.get(slug);
  }

  Filing fileOf(WxrItem item) {
    var cats = item.terms("category").stream()
        .filter(t -> !t.slug().isEmpty())
        .map(t -> new TermRef("category", t.slug(), categoryName(t.slug(), t.name())))
        .toList();
    var primary = primary(item, cats);
    TermRef section = null;
    if (primary != null && !isUncategorized(primary.slug())) {
      var top = topLevel(primary.slug());
      section = new TermRef("category", top, categoryName(top, top));
    }
    var topics = new ArrayList<TermRef>();
    for (var c : cats) {
      if (isUncategorized(c.slug()) || section != null && c.slug().equals(section.slug())) continue;
      topics.add(c);
    }
    for (var t : item.terms("post_tag")) {
      if (!t.slug().isEmpty() || !t.name().isBlank())
        topics.add(new TermRef(
            "post_tag", t.slug().isEmpty() ? t.name() : t.slug(), name(t.name(), t.slug())));
    }
    return new Filing(section, topics);
  }

  /** The category SEO plugins mark primary (Yoast, Rank Math), else the first one. */
  private TermRef primary(WxrItem item, List<TermRef> cats) {
    for (var key : List.of("_yoast_wpseo_primary_category", "rank_math_primary_category")) {
      var id = WxrFields.number(item.meta(key));
      var slug = categorySlugById.get(id);
      if (slug != null) for (var c : cats) if (c.slug().equals(slug)) return c;
    }
    for (var c : cats) if (!isUncategorized(c.slug())) return c;
    return cats.isEmpty() ? null : cats.get(0);
  }

  static boolean isUncategorized(String slug) {
    return slug.toLowerCase(Locale.ROOT).equals(UNCATEGORIZED);
  }

  /** A term's name as readers see it: entities decoded, tags gone, white space collapsed. */
  static String name(String raw, String fallback) {
    var n = Html.toText(raw == null ? "" : raw);
    return n.isEmpty() ? Html.toText(fallback) : n;
  }
}
