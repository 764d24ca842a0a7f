package dev.byline.migrate;

import dev.byline.content.InvalidInput;
import dev.byline.content.Section;
import dev.byline.content.Slugs;
import dev.byline.content.TopicType;
import dev.byline.redirect.LegacyPath;
import dev.byline.redirect.LegacyUrl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sections, topics and authors an import files posts under, made before the first post: a
 * section for each top-level category posts use, a topic for every other category and tag they
 * use, an author for each writer. Existing ones with the same slug (sections) or name (topics,
 * authors) are reused. Their old addresses ({@code /category/…}, {@code /tag/…}, {@code
 * /author/…} and the {@code ?cat=} forms) are recorded. Memory grows with the number of terms
 * and writers, never with the number of posts.
 */
final class Catalog {
  private final Migrations m;
  private final WxrScan scan;
  private final ImportReport report;
  private final boolean dryRun;
  private final Map<String, Long> sections = new HashMap<>();
  private final Map<String, Long> topics = new HashMap<>();
  private final Map<String, Long> authors = new HashMap<>();
  private Long defaultSection;

  Catalog(Migrations m, WxrScan scan, MigrationOptions options, ImportReport report) {
    this.m = m;
    this.scan = scan;
    this.report = report;
    this.dryRun = options.dryRun();
    this.defaultSection = defaultSection(options.section());
  }

  Long section(Taxonomy.TermRef ref) {
    return ref == null ? defaultSection : sections.getOrDefault(ref.slug(), defaultSection);
  }

  /** True when the category gave a section (published posts are filed under it). */
  boolean hasSection(Taxonomy.TermRef ref) {
    return ref != null && sections.containsKey(ref.slug());
  }

  Long topic(Taxonomy.TermRef ref) {
    return topics.get(ref.key());
  }

  Long author(String login) {
    return authors.get(login);
  }

  void prepare() {
    makeSections();
    makeTopics();
    makeAuthors();
  }

  private Long defaultSection(String wanted) {
    return sectionNamed(m.sections(), wanted);
  }

  /** The section given as {@code --section} (by slug or name), or null when none is given. */
  static Long sectionNamed(dev.byline.content.SectionStore sections, String wanted) {
    if (wanted.isEmpty()) return null;
    for (var s : sections.all())
      if (s.slug().equals(wanted) || s.name().equalsIgnoreCase(wanted)) return s.id();
    throw new InvalidInput("section", "\"" + wanted + "\" is not a section of this site");
  }

  private void makeSections() {
    int position = m.sections().all().stream().mapToInt(Section::position).max().orElse(0);
    var legacy = new ArrayList<LegacyUrl>();
    for (var slug : scan.sectionSlugs) {
      var name = Words.cut(scan.taxonomy.categoryName(slug, slug), 80);
      var wanted = sectionSlug(slug, name);
      var existing = m.sections().bySlug(wanted);
      long id;
      if (dryRun) id = existing.map(Section::id).orElse(0L);
      else id = m.sections().ensure(wanted, name, describe(slug), ++position).id();
      sections.put(slug, id);
      report.mapping(
          "Sections (from top-level categories)",
          "category " + slug + " → section /" + wanted + " \"" + name + "\""
              + (existing.isPresent() ? " (already there, reused)" : "")
              + (wanted.equals(slug) ? "" : " (slug changed)"));
      for (var path : categoryPaths(slug)) legacy(legacy, path, "/" + wanted);
    }
    if (!dryRun) store(legacy);
  }

  private String describe(String slug) {
    var term = scan.taxonomy.category(slug);
    return term == null ? "" : Words.cut(Taxonomy.name(term.description(), ""), 500);
  }

  private void makeTopics() {
    var legacy = new ArrayList<LegacyUrl>();
    var refs = new ArrayList<>(scan.topics.values());
    for (var ref : scan.categoriesOfUnpublishedOnly())
      if (!scan.topics.containsKey(ref.key())) refs.add(ref);
    for (int from = 0; from < refs.size(); from += 500) {
      var chunk = refs.subList(from, Math.min(refs.size(), from + 500));
      var made = dryRun
          ? Map.<String, dev.byline.content.Topic>of()
          : m.db().inTransaction(tx -> {
            var out = new HashMap<String, dev.byline.content.Topic>();
            for (var ref : chunk)
              out.put(
                  ref.key(), m.topics().ensure(tx, Words.cut(ref.name(), 120), TopicType.SUBJECT));
            return out;
          });
      for (var ref : chunk) mapTopic(ref, made.get(ref.key()), legacy);
    }
    if (!dryRun) store(legacy);
  }

  /** Records what a term became, and its old addresses when published posts use it. */
  private void mapTopic(
      Taxonomy.TermRef ref, dev.byline.content.Topic topic, List<LegacyUrl> legacy) {
    topics.put(ref.key(), topic == null ? 0L : topic.id());
    var target = topic == null ? "/topic/" + Slugs.from(ref.name()) : topic.path();
    boolean category = ref.taxonomy().equals("category");
    report.mapping(
        category ? "Topics (from nested and further categories)" : "Topics (from tags)",
        (category ? "category " + scan.taxonomy.categoryPath(ref.slug()) : "tag " + ref.slug())
            + " → topic " + target + " \"" + ref.name() + "\"");
    // A term only unpublished posts use had no page on WordPress; Byline points to none either.
    if (!scan.publicTopics.contains(ref.key())) return;
    if (category) {
      if (!scan.sectionSlugs.contains(ref.slug()))
        for (var path : categoryPaths(ref.slug())) legacy(legacy, path, target);
    } else {
      legacy(legacy, normal("/tag/" + ref.slug()), target);
      legacy(legacy, normal("/?tag=" + ref.slug()), target);
    }
  }

  private void makeAuthors() {
    var legacy = new ArrayList<LegacyUrl>();
    for (var login : scan.authorLogins) {
      var wp = scan.authors.get(login);
      var name = Words.cut(wp == null ? login : wp.name(), 120);
      long id = 0;
      String path = "/author/" + Slugs.from(name);
      if (!dryRun) {
        var author = m.db().inTransaction(tx -> m.authors().ensure(tx, name));
        id = author.id();
        path = author.path();
      }
      authors.put(login, id);
      report.mapping(
          "Authors (from WordPress users; e-mail addresses are not kept)",
          login + " → " + path + " \"" + name + "\"");
      if (!scan.publicAuthors.contains(login)) continue; // WordPress had no page for them either
      legacy(legacy, normal("/author/" + nicename(login)), path);
      if (wp != null && wp.id() > 0) legacy(legacy, normal("/?author=" + wp.id()), path);
    }
    if (!dryRun) store(legacy);
  }

  /** {@code /category/parent/child} and {@code /?cat=ID} for a category. */
  private List<String> categoryPaths(String slug) {
    var out = new ArrayList<String>();
    out.add(normal("/category/" + scan.taxonomy.categoryPath(slug)));
    var term = scan.taxonomy.category(slug);
    if (term != null && term.id() > 0) out.add(normal("/?cat=" + term.id()));
    return out;
  }

  private void legacy(List<LegacyUrl> out, String path, String target) {
    if (!path.equals(target)) out.add(LegacyUrl.toPath(path, target, scan.origin));
  }

  private void store(List<LegacyUrl> urls) {
    var counts = m.redirects().putAll(urls, false);
    int other = counts.getOrDefault(dev.byline.redirect.RedirectStore.Stored.KEPT_OTHER, 0);
    if (other > 0)
      report.line(
          "Note: " + other
              + " old address(es) of sections, topics or authors already led elsewhere and were kept as they were.");
  }

  /** A valid section slug for a category: its own when it can be, never one the site reserves. */
  static String sectionSlug(String nicename, String name) {
    var decoded = decode(nicename);
    var slug = Slugs.isValid(decoded) ? decoded : Slugs.from(decoded.isEmpty() ? name : decoded);
    if (slug.isEmpty()) slug = Slugs.from(name);
    if (slug.isEmpty()) slug = "section";
    if (Section.RESERVED_SLUGS.contains(slug)) slug = slug + "-section";
    return slug;
  }

  /** WordPress's user "nicename" as it makes it from a login: its {@code /author/…} slug. */
  static String nicename(String login) {
    var s = Normalizer.normalize(login, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
    s = s.replace('.', '-')
        .replaceAll("[^a-z0-9 _-]", "")
        .replaceAll("[\\s]+", "-")
        .replaceAll("-+", "-");
    return s.replaceAll("^-|-$", "");
  }

  static String normal(String path) {
    return LegacyPath.of(path).orElse(path);
  }

  static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
