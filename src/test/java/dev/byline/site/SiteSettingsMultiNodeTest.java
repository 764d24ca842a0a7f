package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.brand.Colour;
import dev.byline.brand.Publisher;
import dev.byline.brand.SiteSettings;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.AdminClient;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL database: site settings saved through node A's admin reach the
 * pages node B has cached, through the change feed; a change to publisher details alone leaves
 * B's pages that do not show them in its cache.
 */
class SiteSettingsMultiNodeTest {
  static final String PASSWORD = "correct horse battery staple";

  @TempDir
  Path dir;

  @Test
  void settings_saved_on_one_node_purge_exactly_the_pages_that_show_them_on_the_other()
      throws Exception {
    var config = TestDatabases.postgres(dir.resolve("a"));
    var configB = TestDatabases.secondNode(config, dir.resolve("b"));
    try (var a = TestSite.start(config);
        var b = TestSite.start(configB)) {
      var n = a.newsroom();
      a.byline().accounts().users().create("ada@example.org", "Ada", Role.ADMIN, PASSWORD, false);
      long world = n.sections().ensure("world", "World", "", 0).id();
      long id = n.articles()
          .create(ArticleDraft.of(
              "Bridge opens to traffic",
              "Cars cross at last.",
              world,
              List.of(Block.Paragraph.ofText("The ribbon was cut at noon."))));
      n.articles().publish(id);
      var article = "/world/bridge-opens-to-traffic";
      Eventually.await(
          "node B to serve the story",
          Duration.ofSeconds(10),
          () -> b.get(article).statusCode() == 200);
      for (var path : List.of("/", article, "/world")) b.get(path);
      long renders = b.byline().pageCache().renderCount();
      b.get("/");
      assertThat(b.byline().pageCache().renderCount())
          .as("B serves from its cache")
          .isEqualTo(renders);

      var admin = new AdminClient(a).signIn("ada@example.org", PASSWORD);
      admin.get("/admin/settings");
      var base = SiteSettings.defaults(
          a.byline().config().siteName(),
          a.byline().config().timeZone(),
          a.byline().config().languageTag());
      var r = admin.postForm("/admin/settings", fields(base, "The Bridge Gazette", Publisher.NONE));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
      Eventually.await(
          "node B's cached front page to show the new name",
          Duration.ofSeconds(5),
          () -> b.get("/").body().contains("<span>The Bridge Gazette</span>"));
      assertThat(b.get(article).body()).contains("| The Bridge Gazette</title>");
      assertThat(b.get("/world").body()).contains("<span>The Bridge Gazette</span>");

      // Publisher details alone: B's article and front page change, its section page stays cached.
      for (var path : List.of("/", article, "/world")) b.get(path);
      long before = b.byline().pageCache().renderCount();
      admin.get("/admin/settings");
      var publisher = new Publisher("/ethics", "/corrections", "", "", "", "", "", "", "");
      r = admin.postForm("/admin/settings", fields(base, "The Bridge Gazette", publisher));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
      Eventually.await(
          "node B's article to carry the ethics policy",
          Duration.ofSeconds(5),
          () -> b.get(article)
              .body()
              .contains("\"ethicsPolicy\":\"" + b.byline().config().baseUrl() + "/ethics\""));
      b.get("/world");
      assertThat(b.byline().pageCache().renderCount())
          .as(
              "only the article was rendered again (the front page not asked yet, the section kept)")
          .isEqualTo(before + 1);
    } finally {
      TestDatabases.drop(config);
    }
  }

  private static Map<String, String> fields(SiteSettings s, String name, Publisher p) {
    var f = new java.util.HashMap<String, String>();
    f.put("name", name);
    f.put("accent", new Colour("#1a5e20").hex());
    f.put("link", s.link().hex());
    f.put("timeZone", s.timeZone());
    f.put("language", s.language());
    f.put("ethicsPolicy", p.ethicsPolicy());
    f.put("correctionsPolicy", p.correctionsPolicy());
    return f;
  }
}
