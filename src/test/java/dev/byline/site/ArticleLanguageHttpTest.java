package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stories in a language of their own on an English site, over real HTTP: their page declares
 * the story's language (and direction) while the chrome around it declares the site's; the head,
 * the news sitemap and the feeds name it; stories without one render as before; the editor
 * offers, checks and restores it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleLanguageHttpTest {
  static final String PASSWORD = "a long enough password";

  @TempDir
  static Path dir;

  TestSite site;
  AdminClient editor;
  long world;
  long german;
  long arabic;
  long english;

  @BeforeAll
  void start() {
    site = TestSite.start(TestDatabases.sqlite(dir));
    site.byline()
        .accounts()
        .users()
        .create("ed@example.org", "Eda Editor", Role.EDITOR, PASSWORD, false);
    editor = new AdminClient(site).signIn("ed@example.org", PASSWORD);
    world = site.newsroom().sections().ensure("world", "World", "", 1).id();
    german = publish("Hafengespräche gehen weiter", "Die Gespräche gehen weiter.", "de");
    arabic = publish("استئناف محادثات الميناء", "استؤنفت المحادثات اليوم.", "ar");
    english = publish("Port talks resume", "Talks resumed today.", null);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  long publish(String headline, String text, String language) {
    var articles = site.newsroom().articles();
    long id =
        articles.create(ArticleDraft.of(headline, "", world, List.of(Block.Paragraph.ofText(text)))
            .withLanguage(language));
    articles.publish(id);
    return id;
  }

  String page(long id) {
    var a = site.newsroom().articles().byId(id).orElseThrow();
    var r = site.get(a.path());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  @Test
  void a_german_story_on_an_english_site_declares_german_and_its_chrome_english() {
    var html = page(german);
    assertThat(html)
        .contains(
            "<html lang=\"de\" dir=\"ltr\">",
            "<meta property=\"og:locale\" content=\"de\">",
            "\"inLanguage\":\"de\"",
            // No dir: the hidden link waits off the page's own start edge, so it never widens it.
            "<a class=\"skip\" href=\"#main\" lang=\"en\">",
            "<header class=\"masthead\" lang=\"en\" dir=\"ltr\">",
            "<footer class=\"site-footer\" lang=\"en\" dir=\"ltr\">",
            "<nav class=\"crumbs\" lang=\"en\" dir=\"ltr\"",
            "<div class=\"byline\" lang=\"en\" dir=\"ltr\">",
            "<section class=\"most-read\" lang=\"en\" dir=\"ltr\"")
        .doesNotContain("<html lang=\"en\"");
  }

  @Test
  void an_arabic_story_on_an_english_site_is_right_to_left_and_its_chrome_left_to_right() {
    var html = page(arabic);
    assertThat(html)
        .contains(
            "<html lang=\"ar\" dir=\"rtl\">",
            "\"inLanguage\":\"ar\"",
            "<header class=\"masthead\" lang=\"en\" dir=\"ltr\">",
            "<footer class=\"site-footer\" lang=\"en\" dir=\"ltr\">");
  }

  @Test
  void a_story_in_the_site_language_renders_as_before() {
    var html = page(english);
    assertThat(html)
        .contains(
            "<html lang=\"en\" dir=\"ltr\">",
            "<meta property=\"og:locale\" content=\"en\">",
            "\"inLanguage\":\"en\"",
            "<header class=\"masthead\">",
            "<footer class=\"site-footer\">",
            "<div class=\"byline\">");
    assertThat(html.substring(html.indexOf("<body>"))).doesNotContain(" lang=\"", " dir=\"");
  }

  @Test
  void teasers_of_a_story_in_another_language_say_its_language() {
    var front = site.get("/world").body();
    assertThat(front)
        .contains("lang=\"de\" dir=\"ltr\"><a href=\"" + path(german) + "\"")
        .contains("lang=\"ar\" dir=\"rtl\"><a href=\"" + path(arabic) + "\"")
        .contains("<a href=\"" + path(english) + "\"");
  }

  @Test
  void the_news_sitemap_lists_each_story_in_its_own_language() {
    var news = site.get("/sitemaps/news.xml").body();
    assertThat(newsLanguageOf(news, path(german))).isEqualTo("de");
    assertThat(newsLanguageOf(news, path(english))).isEqualTo("en");
    assertThat(newsLanguageOf(news, path(arabic))).isEqualTo("ar");
  }

  String path(long id) {
    return site.newsroom().articles().byId(id).orElseThrow().path();
  }

  static String newsLanguageOf(String sitemap, String path) {
    var m = Pattern.compile("<url><loc>[^<]*" + Pattern.quote(path)
            + "</loc>.*?<news:language>([^<]*)</news:language>")
        .matcher(sitemap);
    assertThat(m.find()).as("news entry for " + path + " in " + sitemap).isTrue();
    return m.group(1);
  }

  @Test
  void feeds_mark_the_entries_in_another_language() {
    var atom = site.get("/feed/atom.xml").body();
    assertThat(atom).contains("<entry xml:lang=\"de\">", "<entry xml:lang=\"ar\">");
    assertThat(atom).containsPattern("<entry>\\s*<id>[^<]*article:" + english + "</id>");
    var json = site.get("/feed/feed.json").body();
    assertThat(json).contains("\"language\" : \"de\"", "\"language\" : \"ar\"");
  }

  @Test
  void a_story_whose_language_changes_follows_it_and_the_others_keep_the_site_language() {
    long id = publish("Ferry strike ends", "The strike ended.", null);
    var a = site.newsroom().articles().byId(id).orElseThrow();
    assertThat(page(id)).contains("<html lang=\"en\" dir=\"ltr\">");
    site.newsroom()
        .articles()
        .update(
            id,
            a.version(),
            new ArticleDraft(
                    a.slug(),
                    a.headline(),
                    a.standfirst(),
                    a.dateline(),
                    a.source(),
                    world,
                    List.of(),
                    List.of(),
                    null,
                    a.body(),
                    "",
                    "",
                    "")
                .withLanguage("fr"));
    dev.byline.testing.Eventually.await(
        "the story's page in French",
        java.time.Duration.ofSeconds(5),
        () -> page(id).contains("<html lang=\"fr\" dir=\"ltr\">"));
    assertThat(page(english))
        .contains("<html lang=\"en\" dir=\"ltr\">", "<header class=\"masthead\">");
  }

  Map<String, String> story(String headline, String language) {
    var m = new LinkedHashMap<String, String>();
    m.put("headline", headline);
    m.put("standfirst", "");
    m.put("body", "Ein Absatz.");
    m.put("section", Long.toString(world));
    m.put("language", language);
    return m;
  }

  @Test
  void the_editor_offers_languages_by_their_own_names_and_keeps_the_choice() {
    var form = editor.get("/admin/articles/new").body();
    assertThat(form)
        .contains(
            "<label for=\"language\">Language</label>",
            "<select id=\"language\" name=\"language\"",
            "<option value=\"\">— the site's language —</option>",
            ">Deutsch</option>",
            "lang=\"ar\" dir=\"rtl\"",
            ">العربية</option>");
    var fields = story("Brückenbau beginnt", "de");
    fields.put("action", "save");
    var r = editor.postForm("/admin/articles", fields);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    long id = idFrom(r.headers().firstValue("Location").orElseThrow());
    assertThat(site.newsroom().articles().byId(id).orElseThrow().language()).isEqualTo("de");
    assertThat(editor.get("/admin/articles/" + id).body())
        .contains("<option value=\"de\" lang=\"de\" dir=\"ltr\" selected>Deutsch</option>");
  }

  @Test
  void the_editor_refuses_an_unknown_language_naming_the_field_and_stores_nothing() {
    int before = site.newsroom().desk().countByStatus().values().stream()
        .mapToInt(i -> i)
        .sum();
    editor.get("/admin/articles/new");
    var fields = story("Sprachlos", "xx-klingon");
    fields.put("action", "save");
    var r = editor.postForm("/admin/articles", fields);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("<p class=\"field-error\" id=\"language-error\">Language ")
        .contains("is not a known language")
        .contains("aria-invalid=\"true\" aria-describedby=\"language-error\"");
    int after = site.newsroom().desk().countByStatus().values().stream()
        .mapToInt(i -> i)
        .sum();
    assertThat(after).isEqualTo(before);
  }

  @Test
  void restoring_a_revision_restores_its_language() {
    editor.get("/admin/articles/new");
    var fields = story("Wahl angesetzt", "de");
    fields.put("action", "save");
    long id = idFrom(editor
        .postForm("/admin/articles", fields)
        .headers()
        .firstValue("Location")
        .orElseThrow());
    var a = site.newsroom().articles().byId(id).orElseThrow();
    var changed = story("Wahl angesetzt", "");
    changed.put("version", Integer.toString(a.version()));
    changed.put("action", "save");
    assertThat(editor.postForm("/admin/articles/" + id, changed).statusCode()).isEqualTo(303);
    assertThat(site.newsroom().articles().byId(id).orElseThrow().language()).isNull();

    var list = editor.get("/admin/articles/" + id + "/revisions").body();
    var ids = Pattern.compile("name=\"from\" value=\"(\\d+)\"").matcher(list);
    String oldest = null;
    while (ids.find()) oldest = ids.group(1);
    var restored =
        editor.postForm("/admin/articles/" + id + "/revisions/" + oldest + "/restore", Map.of());
    assertThat(restored.statusCode()).isEqualTo(303);
    assertThat(site.newsroom().articles().byId(id).orElseThrow().language()).isEqualTo("de");
  }

  static long idFrom(String location) {
    var m = Pattern.compile("/admin/articles/(\\d+)").matcher(location);
    assertThat(m.find()).as(location).isTrue();
    return Long.parseLong(m.group(1));
  }
}
