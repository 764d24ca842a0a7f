package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.Article;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.content.Section;
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
 * With the page cache off, every request renders, from what the article pages keep in memory
 * (the article by slug, its related reading, the section list). An edit must show on the very
 * next render, on this node at once and on another node as soon as it follows the change feed.
 */
class ArticleRenderCacheHttpTest {
  @TempDir
  Path dir;

  static final Map<String, String> CACHE_OFF = Map.of("cache.max.mb", "0");

  static ArticleDraft draft(
      Article a, String slug, String headline, long section, List<Block> body) {
    return new ArticleDraft(
        slug,
        headline,
        a.standfirst(),
        "",
        a.source(),
        section,
        List.of(),
        List.of(),
        null,
        body,
        "",
        "",
        "");
  }

  @Test
  void an_edit_shows_on_the_next_render_with_the_page_cache_off() {
    try (var site = TestSite.start(dir, CACHE_OFF)) {
      var newsroom = site.newsroom();
      long world = newsroom.sections().ensure("world", "World", "", 0).id();
      long sport = newsroom.sections().ensure("sport", "Sport", "", 1).id();
      long id = newsroom
          .articles()
          .create(ArticleDraft.of(
              "Ferry service resumes", "", world, List.of(Block.Paragraph.ofText("Boats run."))));
      newsroom.articles().publish(id);
      assertThat(site.get("/world/ferry-service-resumes").body()).contains("Ferry service resumes");
      assertThat(site.get("/world/ferry-service-resumes").body()).contains("Ferry service resumes");

      var a = newsroom.articles().byId(id).orElseThrow();
      newsroom
          .articles()
          .update(id, a.version(), draft(a, a.slug(), "Ferries sail again", world, a.body()));
      assertThat(site.get("/world/ferry-service-resumes").body())
          .contains("Ferries sail again")
          .doesNotContain("Ferry service resumes</h1>");

      a = newsroom.articles().byId(id).orElseThrow();
      newsroom
          .articles()
          .update(id, a.version(), draft(a, a.slug(), a.headline(), sport, a.body()));
      var moved = site.get("/world/ferry-service-resumes");
      assertThat(moved.statusCode()).as("re-sectioned").isEqualTo(301);
      assertThat(moved.headers().firstValue("Location").orElseThrow())
          .endsWith("/sport/ferry-service-resumes");
      assertThat(site.get("/sport/ferry-service-resumes").statusCode()).isEqualTo(200);

      newsroom.articles().unpublish(id);
      assertThat(site.get("/sport/ferry-service-resumes").statusCode()).isEqualTo(410);
      newsroom.articles().publish(id);
      assertThat(site.get("/sport/ferry-service-resumes").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void a_linked_story_and_a_renamed_section_show_on_the_next_render() {
    try (var site = TestSite.start(dir, CACHE_OFF)) {
      var newsroom = site.newsroom();
      var world = newsroom.sections().ensure("world", "World", "", 0);
      long linked = newsroom
          .articles()
          .create(ArticleDraft.of(
              "Port strike enters third week",
              "",
              world.id(),
              List.of(Block.Paragraph.ofText("Still out."))));
      newsroom.articles().publish(linked);
      long id = newsroom
          .articles()
          .create(ArticleDraft.of(
              "Dockworkers vote on deal",
              "",
              world.id(),
              List.of(
                  Block.Paragraph.ofText("A vote is due."),
                  new Block.RelatedLink(linked),
                  Block.Paragraph.ofText("Results tonight."))));
      newsroom.articles().publish(id);
      var path = "/world/dockworkers-vote-on-deal";
      assertThat(site.get(path).body()).contains("Port strike enters third week");

      var l = newsroom.articles().byId(linked).orElseThrow();
      newsroom
          .articles()
          .update(
              linked,
              l.version(),
              draft(l, l.slug(), "Port strike ends after 17 days", world.id(), l.body()));
      assertThat(site.get(path).body())
          .as("the link shows the linked story's new headline")
          .contains("Port strike ends after 17 days")
          .doesNotContain("Port strike enters third week");

      newsroom.articles().unpublish(linked);
      assertThat(site.get(path).body())
          .as("a link to a removed story goes")
          .doesNotContain("Port strike ends after 17 days");
      newsroom.articles().publish(linked);
      assertThat(site.get(path).body())
          .as("and comes back when it is published again")
          .contains("Port strike ends after 17 days");

      newsroom.sections().update(new Section(world.id(), "world", "Abroad", "", 0));
      assertThat(site.get(path).body()).contains("Abroad");
    }
  }

  @Test
  void an_edit_on_one_node_shows_on_the_next_render_of_another_node_with_its_cache_off() {
    var config = TestDatabases.postgres(dir.resolve("a"));
    var configB = new dev.byline.config.ConfigLoader(Map.of())
        .load(
            Map.of(
                "data",
                dir.resolve("b").toString(),
                "port",
                "0",
                "database.url",
                config.databaseUrl(),
                "cache.max.mb",
                "0"),
            null);
    try (var a = TestSite.start(config);
        var b = TestSite.start(configB)) {
      var newsroom = a.newsroom();
      var world = newsroom.sections().ensure("world", "World", "", 0);
      long id = newsroom
          .articles()
          .create(ArticleDraft.of(
              "Bridge reopens", "", world.id(), List.of(Block.Paragraph.ofText("Traffic flows."))));
      newsroom.articles().publish(id);
      var path = "/world/bridge-reopens";
      Eventually.await(
          "node B to serve the story",
          Duration.ofSeconds(10),
          () -> b.get(path).statusCode() == 200);
      assertThat(b.get(path).body()).contains("Bridge reopens");

      var art = newsroom.articles().byId(id).orElseThrow();
      newsroom
          .articles()
          .update(
              id,
              art.version(),
              draft(art, art.slug(), "Bridge reopens to lorries", world.id(), art.body()));
      Eventually.await(
          "node B to render the new headline",
          Duration.ofSeconds(10),
          () -> b.get(path).body().contains("Bridge reopens to lorries"));

      newsroom.sections().update(new Section(world.id(), "world", "Abroad", "", 0));
      Eventually.await(
          "node B to render the new section name",
          Duration.ofSeconds(10),
          () -> b.get(path).body().contains("Abroad"));

      newsroom.articles().unpublish(id);
      Eventually.await(
          "node B to answer 410", Duration.ofSeconds(10), () -> b.get(path).statusCode() == 410);
    } finally {
      TestDatabases.drop(config);
    }
  }
}
