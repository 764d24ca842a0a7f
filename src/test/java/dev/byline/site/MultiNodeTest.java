package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.content.Source;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes on one PostgreSQL database: a change made through one purges the other's cache. */
class MultiNodeTest {
  @TempDir
  Path dir;

  @Test
  void an_edit_on_one_node_reaches_readers_of_the_other_node() {
    var config = TestDatabases.postgres(dir.resolve("a"));
    var configB = new dev.byline.config.ConfigLoader(java.util.Map.of())
        .load(
            java.util.Map.of(
                "data",
                dir.resolve("b").toString(),
                "port",
                "0",
                "database.url",
                config.databaseUrl()),
            null);
    try (var a = TestSite.start(config);
        var b = TestSite.start(configB)) {
      var newsroom = a.newsroom();
      long world = newsroom.sections().ensure("world", "World", "", 0).id();
      long id = newsroom
          .articles()
          .create(ArticleDraft.of(
              "Ferry service resumes",
              "Boats run again.",
              world,
              List.of(Block.Paragraph.ofText("The first ferry left at dawn."))));
      newsroom.articles().publish(id);
      Eventually.await(
          "node B to serve the story",
          Duration.ofSeconds(10),
          () -> b.get("/world/ferry-service-resumes").statusCode() == 200);
      assertThat(b.get("/world/ferry-service-resumes").body()).contains("Ferry service resumes");
      assertThat(b.get("/world/ferry-service-resumes").body())
          .as("now cached on B")
          .contains("Ferry service resumes");

      var article = newsroom.articles().byId(id).orElseThrow();
      newsroom
          .articles()
          .update(
              id,
              article.version(),
              new ArticleDraft(
                  article.slug(),
                  "Ferry service resumes after storm",
                  article.standfirst(),
                  "",
                  Source.NONE,
                  world,
                  List.of(),
                  List.of(),
                  null,
                  article.body(),
                  "",
                  "",
                  ""));
      Eventually.await(
          "node B to purge and show the new headline",
          Duration.ofSeconds(10),
          () -> b.get("/world/ferry-service-resumes")
              .body()
              .contains("Ferry service resumes after storm"));
      assertThat(b.get("/").body()).contains("Ferry service resumes after storm");
    } finally {
      TestDatabases.drop(config);
    }
  }
}
