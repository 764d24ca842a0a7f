package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.pages.MenuItem;
import dev.byline.pages.PageDraft;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Header and footer menus edited by an editor: order, moves, checks, and purges. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MenuAdminHttpTest {
  static final String PASSWORD = "a long enough password";

  @TempDir
  static Path dir;

  TestSite site;
  AdminClient editor;
  long world;
  long imprint;

  @BeforeAll
  void start() {
    site = TestSite.start(dir);
    site.byline()
        .accounts()
        .users()
        .create("m@example.org", "Menu Editor", Role.EDITOR, PASSWORD, false);
    editor = new AdminClient(site).signIn("m@example.org", PASSWORD);
    editor.get("/admin/menus"); // for its CSRF token
    var newsroom = site.newsroom();
    world = newsroom.sections().ensure("world", "World", "", 1).id();
    newsroom.sections().ensure("business", "Business", "", 2);
    imprint = newsroom.db().inTransaction(tx -> {
      long id = newsroom
          .pages()
          .create(tx, new PageDraft("imprint", "Imprint", "", "Us.", List.of()), null, "t");
      newsroom.pages().publish(tx, id);
      return id;
    });
  }

  @AfterAll
  void stop() {
    site.close();
  }

  /** The links of one menu in the rendered page, in order. */
  static List<String> links(String html, String from, String to) {
    var part = html.substring(html.indexOf(from), html.indexOf(to, html.indexOf(from)));
    var out = new java.util.ArrayList<String>();
    var m = java.util.regex.Pattern.compile("<a href=\"([^\"]+)\">([^<]+)</a>").matcher(part);
    while (m.find()) out.add(m.group(2) + " " + m.group(1));
    return out;
  }

  static List<String> header(String html) {
    return links(html, "id=\"site-menu\"", "</ul>");
  }

  static List<String> footer(String html) {
    return links(html, "class=\"footer-links\"", "</ul>");
  }

  @Test
  void items_show_in_order_move_up_and_down_and_every_change_purges_cached_pages() {
    // No menu yet: the sections show.
    var before = site.get("/").body();
    assertThat(header(before)).containsExactly("Home /", "World /world", "Business /business");

    add("header", "section", Map.of("section", Long.toString(world)), "");
    add("header", "page", Map.of("page", Long.toString(imprint)), "About the paper");
    add("header", "link", Map.of("url", "https://example.org/jobs"), "Jobs");
    add("footer", "page", Map.of("page", Long.toString(imprint)), "");
    // The front page was cached before; the menu changes reached it all the same.
    long renders = site.byline().pageCache().renderCount();
    var front = site.get("/").body();
    assertThat(site.byline().pageCache().renderCount()).isEqualTo(renders + 1);
    assertThat(header(front))
        .containsExactly(
            "Home /",
            "World /world",
            "About the paper /page/imprint",
            "Jobs https://example.org/jobs");
    assertThat(footer(front)).contains("Imprint /page/imprint").doesNotContain("World /world");

    // Cached again, then "Jobs" moves up twice: first.
    site.get("/world");
    var items = site.newsroom().menus().items(MenuItem.Menu.HEADER);
    long jobs = items.get(2).id();
    assertThat(editor.postForm("/admin/menus/" + jobs, Map.of("action", "up")).statusCode())
        .isEqualTo(303);
    assertThat(editor.postForm("/admin/menus/" + jobs, Map.of("action", "up")).statusCode())
        .isEqualTo(303);
    // At the top a further "up" changes nothing.
    editor.postForm("/admin/menus/" + jobs, Map.of("action", "up"));
    assertThat(header(site.get("/world").body()))
        .containsExactly(
            "Home /",
            "Jobs https://example.org/jobs",
            "World /world",
            "About the paper /page/imprint");
    long about = items.get(1).id();
    editor.postForm("/admin/menus/" + about, Map.of("action", "remove"));
    assertThat(header(site.get("/").body()))
        .containsExactly("Home /", "Jobs https://example.org/jobs", "World /world");
    assertThat(editor.get("/admin/menus").body())
        .contains("Move Section: World up", "Link: https://example.org/jobs");

    // Unpublishing a linked page drops it from the menu on every cached page.
    site.get("/");
    site.newsroom().db().useTransaction(tx -> site.newsroom().pages().unpublish(tx, imprint));
    assertThat(footer(site.get("/").body())).doesNotContain("Imprint /page/imprint");
  }

  @Test
  void links_that_could_harm_or_point_nowhere_are_refused_with_the_field_named() {
    var script = editor.postForm(
        "/admin/menus",
        Map.of(
            "menu",
            "header",
            "kind",
            "link",
            "url",
            "javascript:alert(1)",
            "label",
            "x",
            "section",
            "",
            "page",
            "",
            "topic",
            ""));
    assertThat(script.statusCode()).isEqualTo(400);
    assertThat(script.body()).contains("must start with https://, http:// or /");
    var nothing = editor.postForm(
        "/admin/menus",
        Map.of(
            "menu", "footer", "kind", "section", "url", "", "label", "", "section", "", "page", "",
            "topic", ""));
    assertThat(nothing.statusCode()).isEqualTo(400);
    assertThat(nothing.body()).contains("Choose a section to link to");
    var missing = editor.postForm(
        "/admin/menus",
        Map.of(
            "menu", "footer", "kind", "topic", "url", "", "label", "", "section", "", "page", "",
            "topic", "999"));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("Target does not exist");
  }

  private void add(String menu, String kind, Map<String, String> target, String label) {
    var fields = new java.util.HashMap<String, String>(Map.of(
        "menu", menu, "kind", kind, "label", label, "section", "", "page", "", "topic", "", "url",
        ""));
    fields.putAll(target);
    var r = editor.postForm("/admin/menus", fields);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
  }
}
