package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestImages;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site settings over real HTTP, signed in through the real form: saving, refusals, who may, and
 * that cached public pages show a save at once while pages that do not show what changed stay.
 * One site for all tests, so each test reads what it needs rather than assuming a fresh start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteSettingsHttpTest {
  static final String PASSWORD = "correct horse battery staple";

  @TempDir
  static Path dir;

  TestSite site;
  AdminClient admin;

  @BeforeAll
  void start() {
    site = TestSite.start(dir);
    var users = site.byline().accounts().users();
    users.create("ada@example.org", "Ada Admin", Role.ADMIN, PASSWORD, false);
    users.create("ed@example.org", "Ed Editor", Role.EDITOR, PASSWORD, false);
    var n = site.newsroom();
    long world = n.sections().ensure("world", "World", "", 0).id();
    long id = n.articles()
        .create(ArticleDraft.of(
            "Harbour reopens after storm",
            "Ships return.",
            world,
            List.of(Block.Paragraph.ofText("The harbour opened at dawn."))));
    n.articles().publish(id);
    admin = new AdminClient(site).signIn("ada@example.org", PASSWORD);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  /** The form as it stands, with {@code changes} applied. */
  private Map<String, String> form(Map<String, String> changes) {
    return form(admin, changes);
  }

  /** The form as {@code admin} reads it, with {@code changes} applied (and its CSRF token kept). */
  static Map<String, String> form(AdminClient admin, Map<String, String> changes) {
    var page = admin.get("/admin/settings");
    assertThat(page.statusCode()).isEqualTo(200);
    var fields = new HashMap<String, String>();
    var input = Pattern.compile(
            "<input id=\"([A-Za-z]+)\" name=\"\\1\" type=\"text\" value=\"([^\"]*)\"")
        .matcher(page.body());
    while (input.find()) fields.put(input.group(1), unescape(input.group(2)));
    var area = Pattern.compile("<textarea id=\"([A-Za-z]+)\" name=\"\\1\"[^>]*>([^<]*)</textarea>")
        .matcher(page.body());
    while (area.find()) fields.put(area.group(1), unescape(area.group(2)));
    var select = Pattern.compile("<select id=\"([A-Za-z]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL)
        .matcher(page.body());
    while (select.find()) {
      var chosen = Pattern.compile("<option (?:value=\"([^\"]*)\" )?selected>([^<]*)</option>")
          .matcher(select.group(2));
      fields.put(
          select.group(1),
          !chosen.find() ? "" : chosen.group(1) != null ? chosen.group(1) : chosen.group(2));
    }
    fields.putAll(changes);
    return fields;
  }

  private static String unescape(String s) {
    return s.replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  @Test
  void an_administrator_saves_settings_and_the_cached_front_page_shows_them_at_once() {
    assertThat(site.get("/").body()).contains("<html lang=\"en\" dir=\"ltr\">");
    site.get("/"); // cached now
    site.get("/feed/rss.xml");
    long renders = site.byline().pageCache().renderCount();
    site.get("/");
    assertThat(site.byline().pageCache().renderCount())
        .as("served from the cache")
        .isEqualTo(renders);

    var r = admin.postForm(
        "/admin/settings",
        form(Map.of(
            "name", "The Harbour Herald",
            "tagline", "News from the quay",
            "accent", "#1a5e20",
            "footer", "Published by Herald Media, 1 Quay Street.",
            "language", "de")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/admin/settings?saved=1");

    var front = site.get("/").body();
    assertThat(front)
        .contains("<html lang=\"de\" dir=\"ltr\">", ">Zum Inhalt springen<")
        .contains("<span>The Harbour Herald</span>")
        .contains("<p class=\"tagline\">News from the quay</p>")
        .contains("Published by Herald Media, 1 Quay Street.")
        .contains("<link rel=\"stylesheet\" href=\"/brand.css?v=");
    var css = Pattern.compile("href=\"(/brand\\.css\\?v=[0-9a-f]+)\"").matcher(front);
    assertThat(css.find()).isTrue();
    var sheet = site.get(css.group(1));
    assertThat(sheet.body()).contains("--accent: #1a5e20");
    assertThat(sheet.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");

    assertThat(site.get("/feed/rss.xml").body())
        .as("the cached feed follows the name")
        .contains("<title>The Harbour Herald</title>");

    var audit = site.byline().accounts().audit().recent("settings.", 0, 5);
    assertThat(audit).isNotEmpty();
    assertThat(audit.get(0).detail()).contains("Site name", "Accent colour", "Language");
    assertThat(admin.get("/admin/settings").body()).contains("The Harbour Herald");
  }

  @Test
  void a_faint_accent_colour_is_refused_naming_the_pair_and_its_ratio_and_nothing_is_stored() {
    var before = site.get("/").body();
    long revisions = revisions();
    var r = admin.postForm("/admin/settings", form(Map.of("accent", "#ff9999")));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("Accent colour is too faint: accent colour #ff9999 on #ffffff")
        .contains("has a contrast ratio of 2.")
        .contains("WCAG AA asks for at least 4.5:1")
        .contains("value=\"#ff9999\""); // the form keeps what was typed
    assertThat(revisions()).isEqualTo(revisions);
    assertThat(site.get("/").body()).isEqualTo(before);

    var white =
        admin.postForm("/admin/settings", form(Map.of("accent", "#1a5e20", "link", "#7ab8ff")));
    assertThat(white.statusCode()).isEqualTo(400);
    assertThat(white.body()).contains("Link colour is too faint: link colour #7ab8ff on #ffffff");
  }

  @Test
  void bad_addresses_zones_and_languages_are_refused_naming_the_field() {
    var r = admin.postForm(
        "/admin/settings",
        form(Map.of(
            "ethicsPolicy", "javascript:alert(1)", "timeZone", "Mars/Olympus", "language", "xx")));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("Ethics policy must be an address such as");
    var zone = admin.postForm("/admin/settings", form(Map.of("timeZone", "Mars/Olympus")));
    assertThat(zone.body()).contains("Time zone “Mars/Olympus” is not a time zone");
    var lang = admin.postForm("/admin/settings", form(Map.of("language", "xx")));
    assertThat(lang.body()).contains("Language must be one of en, de, fr, es, ar");
  }

  @Test
  void an_editor_may_neither_see_nor_save_the_settings() {
    var editor = new AdminClient(site).signIn("ed@example.org", PASSWORD);
    assertThat(editor.get("/admin/settings").statusCode()).isEqualTo(403);
    long revisions = revisions();
    var r = editor.postForm("/admin/settings", Map.of("name", "Taken over", "accent", "#000000"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(revisions()).isEqualTo(revisions);
    assertThat(new AdminClient(site).get("/admin/settings").statusCode())
        .as("signed out: sent to sign in")
        .isEqualTo(303);
  }

  @Test
  void a_save_without_the_csrf_token_is_refused() {
    long revisions = revisions();
    var fields = new HashMap<>(form(Map.of("name", "Forged")));
    var r = admin.postRaw("/admin/settings", fields);
    assertThat(r.statusCode()).isEqualTo(403);
    fields.put("csrf", "not-the-token");
    assertThat(admin.postRaw("/admin/settings", fields).statusCode()).isEqualTo(403);
    assertThat(revisions()).isEqualTo(revisions);
    assertThat(site.get("/").body()).doesNotContain("Forged");
  }

  @Test
  void publisher_details_reach_the_article_json_ld_and_purge_only_pages_that_show_them() {
    // Both cached.
    site.get("/world");
    site.get("/world/harbour-reopens-after-storm");
    site.get("/world");
    long renders = site.byline().pageCache().renderCount();

    var r = admin.postForm(
        "/admin/settings",
        form(Map.of(
            "ethicsPolicy", "/about/ethics",
            "correctionsPolicy", "https://example.org/corrections",
            "masthead", "/about/staff",
            "ownershipFundingInfo", "/about/ownership",
            "sameAs", "https://social.example/@herald\nhttps://en.wikipedia.org/wiki/Herald")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);

    var article = site.get("/world/harbour-reopens-after-storm").body();
    var base = site.byline().config().baseUrl();
    assertThat(article)
        .contains("\"publisher\":{\"@type\":\"NewsMediaOrganization\"")
        .contains("\"ethicsPolicy\":\"" + base + "/about/ethics\"")
        .contains("\"correctionsPolicy\":\"https://example.org/corrections\"")
        .contains("\"masthead\":\"" + base + "/about/staff\"")
        .contains("\"ownershipFundingInfo\":\"" + base + "/about/ownership\"")
        .contains(
            "\"sameAs\":[\"https://social.example/@herald\",\"https://en.wikipedia.org/wiki/Herald\"]");
    assertThat(site.byline().pageCache().renderCount())
        .as("the article was purged and rendered again")
        .isEqualTo(renders + 1);
    site.get("/world");
    assertThat(site.byline().pageCache().renderCount())
        .as("the section page names no publisher, so it stayed cached")
        .isEqualTo(renders + 1);
    assertThat(site.get("/").body()).contains("\"ethicsPolicy\":\"" + base + "/about/ethics\"");
  }

  @Test
  void an_uploaded_logo_goes_to_the_photo_desk_and_shows_in_a_picture_with_its_dark_variant() {
    var page = admin.get("/admin/settings");
    assertThat(page.statusCode()).isEqualTo(200);
    var fields = form(Map.of());
    var r = admin.postMultipart(
        "/admin/settings", fields, "logoFile", "logo.png", TestImages.png(240, 80));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    var logo = site.newsroom().images().library("", 0, 1).get(0);
    assertThat(logo.alt()).startsWith("Logo of ");

    var dark = admin.postMultipart(
        "/admin/settings", form(Map.of()), "logoDarkFile", "dark.png", TestImages.png(240, 80));
    assertThat(dark.statusCode()).as(dark.body()).isEqualTo(303);
    var darkLogo = site.newsroom().images().library("", 0, 1).get(0);
    var front = site.get("/").body();
    assertThat(front)
        .contains("<picture><source srcset=\"" + darkLogo.variantFor(120).url()
            + "\" media=\"(prefers-color-scheme: dark)\"><img src=\""
            + logo.variantFor(120).url()
            + "\" alt=\"\" width=\"120\" height=\"40\"></picture>");

    int photos = site.newsroom().images().library("", 0, 1000).size();
    var refused = admin.postMultipart(
        "/admin/settings",
        form(Map.of("accent", "#ffcc00")),
        "faviconFile",
        "icon.png",
        TestImages.png(192, 192));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(site.newsroom().images().library("", 0, 1000))
        .as("a refused form keeps no upload")
        .hasSize(photos);

    var missing = admin.postForm("/admin/settings", form(Map.of("favicon", "987654")));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body())
        .contains("Favicon names photo 987654, which is not on the photo desk");
  }

  private long revisions() {
    return site.newsroom()
        .db()
        .read(tx -> tx.query("SELECT COUNT(*) FROM site_settings_revision")
            .mapTo(Long.class)
            .one());
  }
}
