package dev.byline.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.content.PublishedArchive;
import dev.byline.testing.Eventually;
import dev.byline.testing.Fixtures;
import dev.byline.testing.TestSite;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

/**
 * Sitemaps, the news sitemap and robots.txt over real HTTP, on the demo newsroom with a small
 * per-file limit (7 URLs) so that months split into parts, and with summary-only feeds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitemapsHttpTest {
  static final int PER_FILE = 7;

  @TempDir
  static Path dir;

  TestSite site;
  Schema urlsetSchema;
  Schema indexSchema;
  String base;

  @BeforeAll
  void start() throws Exception {
    site = TestSite.demo(
        dir,
        Map.of(
            "sitemaps.urls.per.file",
            "" + PER_FILE,
            "feeds.fulltext",
            "false",
            "news.publication.name",
            "The Courier"));
    base = site.byline().config().baseUrl();
    var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    var xsd = Fixtures.path("sitemaps");
    urlsetSchema = factory.newSchema(new Source[] {
      new StreamSource(xsd.resolve("sitemap.xsd").toFile()),
      new StreamSource(xsd.resolve("sitemap-image.xsd").toFile()),
      new StreamSource(xsd.resolve("sitemap-news.xsd").toFile())
    });
    indexSchema = factory.newSchema(xsd.resolve("siteindex.xsd").toFile());
  }

  @AfterAll
  void stop() {
    site.close();
  }

  String fetch(String path) {
    var r = site.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .as(path)
        .startsWith("application/xml");
    return r.body();
  }

  void validate(Schema schema, String what, String xml) {
    try {
      schema
          .newValidator()
          .validate(
              new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    } catch (Exception e) {
      throw new AssertionError(what + " is not valid: " + e.getMessage(), e);
    }
  }

  static List<String> all(String xml, String regex) {
    var m = Pattern.compile(regex).matcher(xml);
    var out = new ArrayList<String>();
    while (m.find()) out.add(m.group(1));
    return out;
  }

  /** Every sitemap the index lists, by URL path. */
  List<String> listed() {
    return all(fetch("/sitemap.xml"), "<sitemap><loc>([^<]+)</loc>").stream()
        .map(u -> u.substring(base.length()))
        .toList();
  }

  @Test
  void the_index_and_every_sitemap_it_lists_are_valid_against_the_sitemap_schemas() {
    validate(indexSchema, "/sitemap.xml", fetch("/sitemap.xml"));
    var listed = listed();
    assertThat(listed)
        .contains("/sitemaps/pages.xml", "/sitemaps/news.xml")
        .anyMatch(p -> p.matches("/sitemaps/articles-\\d{4}-\\d\\d-2\\.xml"));
    for (var path : listed) {
      var xml = fetch(path);
      validate(urlsetSchema, path, xml);
      int limit = path.endsWith("/news.xml") ? Sitemaps.NEWS_MAX : PER_FILE;
      assertThat(all(xml, "<url>(<loc>)")).as(path).hasSizeBetween(1, limit);
    }
  }

  @Test
  void the_schema_check_can_fail() {
    var bad = fetch("/sitemaps/pages.xml")
        .replaceFirst("<lastmod>[^<]+</lastmod>", "<lastmod>yesterday</lastmod>");
    assertThatThrownBy(() -> validate(urlsetSchema, "bad", bad))
        .hasCauseInstanceOf(SAXException.class);
    var news = fetch("/sitemaps/news.xml")
        .replaceFirst(
            "<news:language>en</news:language>", "<news:language>English</news:language>");
    assertThatThrownBy(() -> validate(urlsetSchema, "bad news", news))
        .hasCauseInstanceOf(SAXException.class);
  }

  @Test
  void
      every_published_story_is_listed_once_in_the_sitemap_of_its_month_with_its_lastmod_and_lead_image() {
    var seen = new HashMap<String, String>();
    for (var path : listed().stream().filter(p -> p.contains("/articles-")).toList()) {
      var month = path.replaceAll(".*/articles-(\\d{4}-\\d\\d).*", "$1");
      for (var loc : all(fetch(path), "<loc>([^<]+)</loc>")) {
        if (loc.contains("/media/")) continue;
        assertThat(seen.put(loc, month)).as(loc + " listed twice").isNull();
      }
    }
    var archive = site.newsroom().published().archive();
    int published = site.newsroom().published().countPublished();
    assertThat(seen).hasSize(published);
    for (var s : site.newsroom().published().latest(1, 200).items()) {
      var a = site.newsroom().articles().byId(s.id()).orElseThrow();
      assertThat(seen.get(base + a.path()))
          .as(a.path())
          .isEqualTo(PublishedArchive.monthOf(a.firstPublishedAt()).toString());
    }
    // An updated story's lastmod is its update time; a story with a lead image lists it.
    var updated = site.newsroom().published().latest(1, 200).items().stream()
        .map(s -> site.newsroom().articles().byId(s.id()).orElseThrow())
        .filter(a -> a.isUpdated() && a.featuredImage().isPresent())
        .findFirst()
        .orElseThrow();
    var file = "/sitemaps/articles-" + PublishedArchive.monthOf(updated.firstPublishedAt());
    var entry = listed().stream()
        .filter(p -> p.startsWith(file))
        .map(this::fetch)
        .flatMap(x ->
            all(x, "(<url><loc>" + Pattern.quote(base + updated.path()) + "</loc>.*?</url>)")
                .stream())
        .findFirst()
        .orElseThrow();
    assertThat(entry)
        .contains("<lastmod>" + FeedDates.rfc3339(updated.updatedAt()) + "</lastmod>")
        .contains(
            "<image:loc>" + base + updated.featuredImage().get().largest().url() + "</image:loc>");
    assertThat(archive.months()).isNotEmpty();
  }

  @Test
  void list_pages_are_listed_with_when_their_newest_story_appeared() {
    var locs = new HashSet<String>();
    for (var path : listed().stream().filter(p -> p.contains("/pages")).toList())
      locs.addAll(all(fetch(path), "<loc>([^<]+)</loc>"));
    assertThat(locs).contains(base + "/");
    site.newsroom().sections().all().forEach(s -> assertThat(locs).contains(base + s.path()));
    site.newsroom().authors().all().forEach(a -> assertThat(locs).contains(base + a.path()));
    assertThat(locs).anyMatch(l -> l.startsWith(base + "/topic/"));
    var newest = site.newsroom().published().archive().newest().orElseThrow();
    assertThat(fetch("/sitemaps/pages.xml"))
        .contains(
            "<url><loc>" + base + "/</loc><lastmod>" + FeedDates.rfc3339(newest) + "</lastmod>");
  }

  @Test
  void the_news_sitemap_holds_the_last_48_hours_with_publication_name_and_language() {
    var xml = fetch("/sitemaps/news.xml");
    var cutoff = Instant.now().minus(Sitemaps.NEWS_WINDOW);
    var expected = site.newsroom().published().latest(1, 1000).items().stream()
        .filter(a -> a.firstPublishedAt().isAfter(cutoff))
        .map(a -> base + a.path())
        .toList();
    assertThat(expected).isNotEmpty();
    assertThat(all(xml, "<url><loc>([^<]+)</loc><news:news>")).containsExactlyElementsOf(expected);
    assertThat(all(xml, "<news:name>([^<]+)</news:name>"))
        .hasSize(expected.size())
        .containsOnly("The Courier");
    assertThat(all(xml, "<news:language>([^<]+)</news:language>")).containsOnly("en");
    for (var d : all(xml, "<news:publication_date>([^<]+)</news:publication_date>")) {
      assertThat(Instant.parse(d)).isAfter(cutoff);
    }
  }

  @Test
  void robots_txt_points_to_the_sitemaps() {
    var r = site.get("/robots.txt");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(r.body())
        .startsWith("User-agent: *\n")
        .contains("Disallow: /admin/\n")
        // Search result pages say for themselves whether they may be indexed.
        .doesNotContain("Disallow: /search")
        .contains(
            "Sitemap: " + base + "/sitemap.xml\n", "Sitemap: " + base + "/sitemaps/news.xml\n");
  }

  @Test
  void sitemaps_are_served_from_the_cache_and_an_unpublished_story_leaves_them_at_once() {
    var articles = site.newsroom().articles();
    var story = articles
        .byId(site.newsroom().published().latest(1, 1).items().get(0).id())
        .orElseThrow();
    var url = base + story.path();
    var month = "/sitemaps/articles-" + PublishedArchive.monthOf(story.firstPublishedAt());
    var files = listed().stream().filter(p -> p.startsWith(month)).toList();
    files.forEach(this::fetch);
    fetch("/sitemaps/news.xml");
    long renders = site.byline().pageCache().renderCount();
    files.forEach(this::fetch);
    assertThat(site.byline().pageCache().renderCount())
        .as("served from the cache")
        .isEqualTo(renders);
    assertThat(files.stream().map(this::fetch).anyMatch(x -> x.contains(url))).isTrue();
    assertThat(fetch("/sitemaps/news.xml")).contains(url);

    articles.unpublish(story.id());
    Eventually.await(
        "the story leaves its month's sitemap and the news sitemap",
        Duration.ofSeconds(5),
        () -> listed().stream()
                .filter(p -> p.startsWith(month))
                .map(this::fetch)
                .noneMatch(x -> x.contains(url))
            && !fetch("/sitemaps/news.xml").contains(url));
    var indexLastmod = all(
        fetch("/sitemap.xml"),
        "<loc>" + Pattern.quote(base + month) + "\\.xml</loc><lastmod>([^<]+)</lastmod>");
    var unpublishedAt = articles.byId(story.id()).orElseThrow().modifiedAt();
    assertThat(Instant.parse(indexLastmod.get(0)))
        .as("the month's lastmod moves with the removal")
        .isEqualTo(unpublishedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  @Test
  void unknown_sitemaps_are_404() {
    for (var path : List.of(
        "/sitemaps/articles-1999-01.xml",
        "/sitemaps/articles-2026-13.xml",
        "/sitemaps/pages-99.xml",
        "/sitemaps/articles-2026-11-1.xml",
        "/sitemaps/other.xml")) {
      assertThat(site.get(path).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Test
  void summary_only_feeds_carry_no_full_text() throws Exception {
    var rss = site.getBytes("/feed/rss.xml").body();
    FeedChecks.checkRss("summary rss", rss);
    var doc = FeedRules.parse(rss);
    assertThat(doc.getElementsByTagNameNS(RssWriter.CONTENT, "encoded").getLength())
        .isZero();
    assertThat(FeedRules.texts(doc, "item", "description"))
        .isNotEmpty()
        .allMatch(d -> !d.isBlank() && !d.contains("<p>"));
    var json =
        FeedChecks.checkJson("summary json", site.getBytes("/feed/feed.json").body());
    for (var item : json.path("items")) {
      assertThat(item.has("content_html")).isFalse();
      assertThat(item.path("content_text").asText()).isNotBlank();
    }
    var atom =
        FeedChecks.checkAtom("summary atom", site.getBytes("/feed/atom.xml").body());
    assertThat(atom.getElementsByTagNameNS(FeedRules.ATOM, "content").getLength())
        .isZero();
  }
}
