package dev.byline.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming writers on their own: ill-formed text, size bounds, names and dates. */
class WritersTest {
  static final Instant T = Instant.parse("2026-11-01T09:05:03.250Z");

  @Test
  void characters_xml_cannot_carry_are_dropped_and_the_rest_survive() throws Exception {
    var text = "bell\u0007 nul\u0000 lone\uD800 fffe\uFFFE ok: é 漢 🙂 \t\n";
    assertThat(XmlOut.clean(text)).isEqualTo("bell nul lone fffe ok: é 漢 🙂 \t\n");
    var item = new FeedItem(
        "tag:example.org,2026-11-01:article:1",
        "https://example.org/a",
        text,
        text,
        "",
        T,
        null,
        List.of(),
        List.of(text),
        null,
        null);
    var channel = new FeedChannel(
        "t",
        "d",
        "https://example.org/",
        "https://example.org/feed/",
        "en",
        "P",
        "",
        "",
        T,
        List.of(item));
    for (var f : List.of(FeedFormat.RSS, FeedFormat.ATOM)) {
      var out = new ByteArrayOutputStream();
      FeedWriter.write(f, channel, out);
      var doc = FeedRules.parse(out.toByteArray()); // well-formed, or this throws
      assertThat(doc.getDocumentElement()).isNotNull();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("ok: é 漢 🙂");
    }
  }

  @Test
  void dates_are_rfc_822_and_rfc_3339_in_utc_to_the_second() {
    assertThat(FeedDates.rfc822(T)).isEqualTo("Sun, 01 Nov 2026 09:05:03 +0000");
    assertThat(FeedRules.rfc822(FeedDates.rfc822(T))).isEqualTo(FeedRules.Verdict.VALID);
    assertThat(FeedDates.rfc3339(T)).isEqualTo("2026-11-01T09:05:03Z");
    assertThat(FeedRules.rfc3339(FeedDates.rfc3339(T))).isTrue();
  }

  @Test
  void sitemap_names_parse_back_and_odd_names_do_not() {
    for (var s : List.of(
        new Sitemap.Pages(1),
        new Sitemap.Pages(3),
        new Sitemap.News(),
        new Sitemap.ArticleMonth(java.time.YearMonth.of(2026, 11), 1),
        new Sitemap.ArticleMonth(java.time.YearMonth.of(1999, 1), 12))) {
      assertThat(Sitemap.parse(s.fileName())).contains(s);
    }
    for (var bad : List.of(
        "pages-1.xml",
        "pages-0.xml",
        "articles-2026-13.xml",
        "articles-2026-1.xml",
        "articles-2026-11-1.xml",
        "articles-2026-11-01.xml",
        "news.XML",
        "../etc/passwd",
        "")) {
      assertThat(Sitemap.parse(bad)).as(bad).isEmpty();
    }
  }

  @Test
  void a_full_file_of_the_largest_possible_entries_stays_under_50_megabytes() {
    var base = "https://news.example.org";
    var slug = "a".repeat(dev.byline.content.Slugs.MAX_LENGTH);
    var image = base + "/media/" + "k".repeat(Sitemaps.MAX_IMAGE_URL - base.length() - 7);
    assertThat(Sitemaps.escapedBytes(image)).isEqualTo(Sitemaps.MAX_IMAGE_URL);
    var one = new ByteArrayOutputStream();
    var empty = new ByteArrayOutputStream();
    try (var w = UrlsetWriter.urlset(empty, false)) {
      // nothing: the envelope alone
    }
    try (var w = UrlsetWriter.urlset(one, false)) {
      w.url(base + "/" + slug + "/" + slug, T, image);
    }
    long entry = one.size() - empty.size();
    assertThat(entry).isLessThanOrEqualTo(Sitemaps.worstEntryBytes(base));
    var sitemaps = new Sitemaps(
        base, "P", "en", articlesStub(), Sitemaps.MAX_URLS, java.time.Clock.systemUTC());
    assertThat((long) sitemaps.urlsPerFile() * Sitemaps.worstEntryBytes(base) + empty.size())
        .isLessThanOrEqualTo(Sitemaps.MAX_BYTES);
    assertThat(sitemaps.urlsPerFile()).isEqualTo(Sitemaps.MAX_URLS);
    var ampersands = "https://news.example.org/?" + "a=1&".repeat(2000);
    var crowded = new Sitemaps(
        ampersands, "P", "en", articlesStub(), Sitemaps.MAX_URLS, java.time.Clock.systemUTC());
    assertThat(crowded.urlsPerFile())
        .as("a long base URL lowers the per-file count")
        .isLessThan(Sitemaps.MAX_URLS);
    assertThat((long) crowded.urlsPerFile() * Sitemaps.worstEntryBytes(ampersands))
        .isLessThanOrEqualTo(Sitemaps.MAX_BYTES);
  }

  @Test
  void news_languages_follow_google_news_codes() {
    assertThat(Sitemaps.newsLanguage("en-GB")).isEqualTo("en");
    assertThat(Sitemaps.newsLanguage("zh-TW")).isEqualTo("zh-tw");
    assertThat(Sitemaps.newsLanguage("zh-CN")).isEqualTo("zh-cn");
    assertThat(Sitemaps.newsLanguage("fil")).isEqualTo("fil");
    assertThat(Sitemaps.newsLanguage("")).isEqualTo("en");
  }

  /** Sitemaps reads nothing in its constructor but the archive handle, which a real store gives. */
  private static dev.byline.content.PublishedArticles articlesStub() {
    return new dev.byline.content.PublishedArticles(null, null, null);
  }
}
