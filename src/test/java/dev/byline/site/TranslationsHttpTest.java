package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.content.Markdown;
import dev.byline.i18n.Messages;
import dev.byline.live.PostDraft;
import dev.byline.testing.ReaderCrawl;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader site in each shipped language over real HTTP: every page a reader can reach is
 * rendered (a crawl from the front door, feeds, sitemaps and searches, plus a live blog, the
 * cookie policy and error pages) and checked for the right {@code lang} and {@code dir}, for
 * English chrome left behind, and for raw keys or "??".
 */
class TranslationsHttpTest {
  @TempDir
  Path dir;

  /** A message key shown as text, e.g. {@code >front.latest<} or {@code "live.title"}. */
  private static final Pattern RAW_KEY =
      Pattern.compile("[>\"](?:layout|front|article|list|live|search|error|cookies|consent|embed|"
          + "pager|most|feed|crumbs|ad|js)\\.[a-z0-9.-]+[<\"]");

  private static final Pattern SCRIPT = Pattern.compile("(?s)<script[^>]*>.*?</script>");

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr", "es", "ar"})
  void every_reader_page_renders_in_the_site_language_with_no_raw_key_or_english_left(
      String language) {
    try (var site = TestSite.demo(dir, Map.of("site.language", language))) {
      long live = liveBlog(site);
      var crawl = ReaderCrawl.of(site, List.of("harbour", "qqqzzxv"));
      var pages = new ArrayList<>(crawl.pages());
      for (var extra : List.of("/world/live-blog-of-the-test", "/cookies", "/nope/nothing/here")) {
        var r = site.get(extra);
        assertThat(r.statusCode()).as(extra).isEqualTo(extra.startsWith("/nope") ? 404 : 200);
        pages.add(new ReaderCrawl.Page(extra, r.statusCode(), r.body()));
      }
      assertThat(pages.get(pages.size() - 3).body())
          .contains(Messages.of(java.util.Locale.forLanguageTag(language)).text("live.title"));
      assertThat(crawl.reached("/world")).isTrue();
      assertThat(pages).as("pages crawled").hasSizeGreaterThan(60);

      var dirAttr = Messages.isRightToLeft(language) ? "rtl" : "ltr";
      var english = englishChrome(language);
      int html = 0;
      for (var page : pages) {
        var body = page.body();
        assertThat(body).as(page.path()).doesNotContain("??");
        assertThat(RAW_KEY.matcher(body).results().map(m -> m.group()).toList())
            .as("raw keys on " + page.path())
            .isEmpty();
        if (!body.startsWith("<!doctype html>")) continue;
        html++;
        assertThat(body)
            .as(page.path())
            .contains("<html lang=\"" + language + "\" dir=\"" + dirAttr + "\">");
        // Scripts' JSON-LD names schema.org types ("BreadcrumbList"), not words for readers.
        var text = SCRIPT.matcher(body).replaceAll("");
        var left = english.stream().filter(text::contains).toList();
        assertThat(left)
            .as("English chrome on " + page.path() + " in " + language)
            .isEmpty();
      }
      assertThat(html).as("HTML pages checked").isGreaterThan(50);
      assertThat(site.get("/live/" + live + "/atom.xml").body()).doesNotContain("??");
    }
  }

  @Test
  void german_pages_say_german_words_and_dates() {
    try (var site = TestSite.demo(dir, Map.of("site.language", "de"))) {
      var front = site.get("/").body();
      assertThat(front)
          .contains("<html lang=\"de\" dir=\"ltr\">", ">Zum Inhalt springen<", ">Neueste<")
          .contains(">Startseite<", "Cookie-Einstellungen");
      // java.time's German long date: "25. November 2026, 14:05 UTC".
      assertThat(front)
          .containsPattern("<time datetime=\"[^\"]+\">\\d{1,2}\\. (Januar|Februar|März|April|Mai|"
              + "Juni|Juli|August|September|Oktober|November|Dezember) \\d{4}, \\d\\d:\\d\\d UTC<");
      var article = site.get(firstArticle(front)).body();
      assertThat(article).contains("<html lang=\"de\" dir=\"ltr\">", ">Themen<", "Quelle: ");
      var search = site.get("/search?q=harbour").body();
      assertThat(search)
          .contains("<h1>Suche</h1>", ">Eingrenzen<", ">Alle Ressorts<")
          .containsPattern(">\\d+ Treffer für „harbour“<");
      var missing = site.get("/no/such/page");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body())
          .contains("<html lang=\"de\" dir=\"ltr\">", "<h1>Seite nicht gefunden</h1>")
          .contains("Unter dieser Adresse gibt es nichts.", "Fehler 404");
      var feed = site.get("/feed/rss.xml").body();
      assertThat(feed)
          .contains("<language>de</language>", "Die neuesten Nachrichten von The Byline Courier.")
          .contains("Weiterlesen bei The Byline Courier")
          .doesNotContain("The latest news from", "Read on ");
      assertThat(site.get("/feed/world/atom.xml").body())
          .contains("Das Neueste aus World bei The Byline Courier.");
      var topic = Pattern.compile("href=\"(/topic/[a-z0-9-]+)\"").matcher(article);
      assertThat(topic.find()).isTrue();
      assertThat(site.get(topic.group(1)).body())
          .containsPattern(">Thema · (Person|Ort|Organisation|Sachgebiet)<");
    }
  }

  @Test
  void arabic_pages_are_right_to_left_with_arabic_words() {
    try (var site = TestSite.demo(dir, Map.of("site.language", "ar"))) {
      var front = site.get("/").body();
      assertThat(front)
          .contains("<html lang=\"ar\" dir=\"rtl\">", ">انتقل إلى المحتوى<", ">الأحدث<")
          .contains(">الرئيسية<")
          .containsPattern("<time datetime=\"[^\"]+\">\\d{1,2} (يناير|فبراير|مارس|أبريل|مايو|"
              + "يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر) \\d{4}");
      var article = site.get(firstArticle(front)).body();
      assertThat(article).contains("<html lang=\"ar\" dir=\"rtl\">", ">الموضوعات<");
      var search = site.get("/search?q=harbour").body();
      assertThat(search).contains("<h1>البحث</h1>", ">كل الأقسام<").contains("عن «harbour»");
      var missing = site.get("/no/such/page");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body())
          .contains("<html lang=\"ar\" dir=\"rtl\">", "<h1>الصفحة غير موجودة</h1>");
      var text = site.get(scriptUrl(front, "text-ar.js")).body();
      assertThat(text).contains("تحديثان جديدان", "Intl.PluralRules", "lang='ar'");
      var consent = site.get(scriptUrl(front, "consent-settings-ar.js")).body();
      assertThat(consent).contains("\"lang\":\"ar\"", "\"rtl\":true", "قبول الكل");
    }
  }

  @Test
  void an_unshipped_site_language_stops_start_up_naming_the_setting() {
    var e = org.assertj.core.api.Assertions.catchThrowable(
        () -> TestSite.start(dir, Map.of("site.language", "pt")));
    assertThat(e).isInstanceOf(dev.byline.config.ConfigException.class);
    assertThat(e.getMessage()).contains("site.language", "pt", "en, de, fr, es, ar");
  }

  /** English chrome words that must not show on a page in {@code language}. */
  private static List<String> englishChrome(String language) {
    if (language.equals("en")) return List.of();
    var en = Messages.bundle("en");
    var other = Messages.bundle(language);
    var out = new ArrayList<String>();
    en.forEach((k, v) -> {
      if (k.startsWith("js.") || k.startsWith("consent.")) return; // in scripts, checked apart
      for (var part : v.split("\\{\\d}")) {
        part = part.strip();
        if (part.length() >= 10 && !other.containsValue(part) && !part.contains("YouTube"))
          out.add(part);
      }
    });
    return out;
  }

  private static long liveBlog(TestSite site) {
    var newsroom = site.newsroom();
    long section = newsroom.sections().bySlug("world").orElseThrow().id();
    long id = newsroom
        .articles()
        .create(ArticleDraft.of(
            "Live blog of the test", "Live.", section, List.of(Block.Paragraph.ofText("Intro."))));
    newsroom.articles().publish(id);
    var text = "Winds at the harbour.";
    newsroom.db().useTransaction(tx -> {
      newsroom.live().start(tx, id);
      newsroom
          .live()
          .post(tx, id, new PostDraft(text, new Markdown().toBlocks(text), true, true, "Eda"));
    });
    return id;
  }

  private static String firstArticle(String front) {
    var m = Pattern.compile("<h2 class=\"lead-headline\"><a href=\"([^\"]+)\"").matcher(front);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String scriptUrl(String page, String name) {
    var m = Pattern.compile("src=\"(/static/" + Pattern.quote(name) + "\\?v=[^\"]+)\"")
        .matcher(page);
    assertThat(m.find()).as(name + " on the page").isTrue();
    return m.group(1);
  }
}
