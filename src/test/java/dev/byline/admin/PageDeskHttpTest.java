package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The site's own pages over real HTTP: written, revised, published, cached, taken down. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageDeskHttpTest {
  static final String PASSWORD = "a long enough password";

  @TempDir
  static Path dir;

  TestSite site;
  AdminClient editor;
  AdminClient writer;

  @BeforeAll
  void start() {
    site = TestSite.start(dir);
    var users = site.byline().accounts().users();
    users.create("ed@example.org", "Ed Itor", Role.EDITOR, PASSWORD, false);
    users.create("wr@example.org", "Wri Ter", Role.WRITER, PASSWORD, false);
    editor = new AdminClient(site).signIn("ed@example.org", PASSWORD);
    writer = new AdminClient(site).signIn("wr@example.org", PASSWORD);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  static long idFrom(String location) {
    var m = Pattern.compile("/admin/pages/(\\d+)$").matcher(location);
    assertThat(m.find()).as(location).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void a_page_is_drafted_published_revised_cached_and_taken_down() {
    editor.get("/admin/pages/new");
    var created = editor.postForm(
        "/admin/pages",
        Map.of(
            "title", "Corrections",
            "slug", "",
            "summary", "How we correct mistakes.",
            "body", "We fix errors **openly**.\n\n## Reporting one\n\nWrite to us.",
            "action", "save"));
    assertThat(created.statusCode()).isEqualTo(303);
    long id = idFrom(created.headers().firstValue("Location").orElseThrow());
    // A draft is not on the site.
    assertThat(site.get("/page/corrections").statusCode()).isEqualTo(404);
    assertThat(site.get("/sitemaps/pages.xml").body()).doesNotContain("/page/corrections");

    var published = editor.postForm(
        "/admin/pages/" + id,
        Map.of(
            "title", "Corrections",
            "slug", "corrections",
            "summary", "How we correct mistakes.",
            "body", "We fix errors **openly**.\n\n## Reporting one\n\nWrite to us.",
            "version", "1",
            "action", "publish"));
    assertThat(published.statusCode()).isEqualTo(303);
    var page = site.get("/page/corrections");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1>Corrections</h1>", "<strong>openly</strong>", "<h2>Reporting one</h2>");
    assertThat(page.headers().firstValue("Surrogate-Key").orElseThrow()).contains("page:" + id);

    // In the general sitemap (purged when a page is published), never in feeds or the news sitemap.
    assertThat(site.get("/sitemaps/pages.xml").body()).contains("/page/corrections</loc>");
    assertThat(site.get("/sitemaps/news.xml").body()).doesNotContain("/page/");
    assertThat(site.get("/feed/rss.xml").body()).doesNotContain("/page/");

    // Cached: a second read renders nothing and carries the same ETag.
    long renders = site.byline().pageCache().renderCount();
    var again = site.get("/page/corrections");
    assertThat(site.byline().pageCache().renderCount()).isEqualTo(renders);
    assertThat(again.headers().firstValue("ETag")).isEqualTo(page.headers().firstValue("ETag"));

    // A revision purges the cached copy; a save from a stale version is refused and kept.
    var version = site.newsroom().pages().byId(id).orElseThrow().version();
    var revised = editor.postForm(
        "/admin/pages/" + id,
        Map.of(
            "title", "Corrections and clarifications",
            "slug", "corrections",
            "summary", "How we correct mistakes.",
            "body", "We fix errors openly, with a note.",
            "version", Integer.toString(version),
            "action", "publish"));
    assertThat(revised.statusCode()).isEqualTo(303);
    assertThat(site.get("/page/corrections").body())
        .contains("Corrections and clarifications", "with a note")
        .doesNotContain("Reporting one");
    var stale = editor.postForm(
        "/admin/pages/" + id,
        Map.of(
            "title", "Lost edit",
            "slug", "corrections",
            "summary", "",
            "body", "Old.",
            "version", Integer.toString(version),
            "action", "save"));
    assertThat(stale.statusCode()).isEqualTo(400);
    assertThat(stale.body()).contains("saved by someone else", "value=\"Lost edit\"");
    var renamed = editor.postForm(
        "/admin/pages/" + id,
        Map.of(
            "title", "Corrections",
            "slug", "fixes",
            "summary", "",
            "body", "x",
            "version", Integer.toString(version + 2),
            "action", "save"));
    assertThat(renamed.body()).contains("cannot change once the page has been published");

    // Every save is a revision; restoring the first brings its text back as a new version.
    var revisions = site.newsroom().pages().revisions(id);
    assertThat(revisions)
        .extracting(r -> r.title())
        .containsExactly("Corrections and clarifications", "Corrections", "Corrections");
    var first = revisions.get(revisions.size() - 1);
    assertThat(editor.get("/admin/pages/" + id).body()).contains("Revisions", "Restore");
    var restore = editor.postForm("/admin/pages/" + id + "/restore/" + first.id(), Map.of());
    assertThat(restore.statusCode()).isEqualTo(303);
    assertThat(site.get("/page/corrections").body()).contains("Reporting one");

    // Unpublished: 404 at once, though the page was cached.
    var now = site.newsroom().pages().byId(id).orElseThrow();
    var off = editor.postForm(
        "/admin/pages/" + id,
        Map.of(
            "title", now.title(),
            "slug", now.slug(),
            "summary", now.summary(),
            "body", now.markdown(),
            "version", Integer.toString(now.version()),
            "action", "unpublish"));
    assertThat(off.statusCode()).isEqualTo(303);
    assertThat(site.get("/page/corrections").statusCode()).isEqualTo(404);
    assertThat(site.get("/sitemaps/pages.xml").body()).doesNotContain("/page/corrections");
    assertThat(site.byline().accounts().audit().about("page", id, 20).stream().map(e -> e.action()))
        .contains("page.create", "page.publish", "page.restore", "page.unpublish");
  }

  @Test
  void bad_input_is_refused_with_the_field_named_and_writers_may_not_edit_pages() {
    var empty = editor.postForm(
        "/admin/pages",
        Map.of("title", "", "slug", "", "summary", "", "body", "", "action", "save"));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("Slug is empty");
    var badSlug = editor.postForm(
        "/admin/pages",
        Map.of(
            "title",
            "Terms",
            "slug",
            "Terms Of Use!",
            "summary",
            "",
            "body",
            "",
            "action",
            "save"));
    assertThat(badSlug.statusCode()).isEqualTo(400);
    assertThat(badSlug.body()).contains("value=\"Terms\"");
    assertThat(writer.get("/admin/pages").statusCode()).isEqualTo(403);
    assertThat(writer
            .postForm(
                "/admin/pages",
                Map.of(
                    "title", "Terms", "slug", "terms", "summary", "", "body", "", "action",
                    "publish"))
            .statusCode())
        .isEqualTo(403);
    assertThat(site.get("/page/terms").statusCode()).isEqualTo(404);
  }

  @Test
  void privacy_moves_to_its_page_and_the_privacy_page_and_cookie_policy_link_each_other() {
    var created = editor.postForm(
        "/admin/pages",
        Map.of(
            "title", "Privacy policy",
            "slug", "privacy",
            "summary", "",
            "body", "What we keep.",
            "action", "publish"));
    assertThat(created.statusCode()).isEqualTo(303);
    var legacy = site.get("/privacy");
    assertThat(legacy.statusCode()).isEqualTo(301);
    assertThat(legacy.headers().firstValue("Location").orElseThrow()).endsWith("/page/privacy");
    assertThat(site.get("/page/privacy").body()).contains("href=\"/cookies\"");
    assertThat(site.get("/cookies").body()).contains("href=\"/privacy\"");
  }
}
