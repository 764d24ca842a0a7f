package dev.byline.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.testing.Cli;
import dev.byline.testing.ReaderCrawl;
import dev.byline.testing.TestSite;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Ghost JSON export (written for these tests in Ghost's export format; no real Ghost export is
 * published in a registry this build can reach) imported by the WordPress rules.
 */
class GhostImportTest {
  @TempDir
  Path dir;

  @Test
  void a_ghost_export_keeps_members_only_drafts_newsletters_and_pages_off_the_site()
      throws Exception {
    var export =
        Path.of(GhostImportTest.class.getResource("/ghost/harbour-ghost.json").toURI());
    var images = Files.createDirectories(dir.resolve("images/2024/04"));
    Files.copy(
        WordPressSiteContract.fixture("uploads/2024/04/quay-at-dusk.jpg"),
        images.resolve("ghost-quay.jpg"));
    var data = dir.resolve("data");
    var report = dir.resolve("report.txt");
    try (var n = dev.byline.Newsroom.open(
        dev.byline.testing.TestDatabases.sqlite(data), java.time.Clock.systemUTC())) {
      n.sections().ensure("harbour", "Harbour desk", "", 1);
    }
    var run = Cli.run(
            "import",
            export.toString(),
            "--uploads",
            dir.resolve("images").toString(),
            "--data",
            data.toString(),
            "--report",
            report.toString(),
            "--section",
            "Harbour desk")
        .assertSucceeded();
    assertThat(run.err()).contains("Importing Ghost JSON export");
    assertThat(run.out()).contains("2 published", "4 drafts", "1 scheduled", "1 images");
    var text = Files.readString(report);
    assertThat(WordPressSiteContract.section(text, "In the export"))
        .containsEntry("post/published", 3)
        .containsEntry("post/draft", 1)
        .containsEntry("post/scheduled", 1)
        .containsEntry("post/sent", 1)
        .containsEntry("page/published", 1);
    assertThat(text)
        .contains("for paid members only in Ghost; kept as a draft", "sent as a newsletter only");

    try (var site = TestSite.start(data)) {
      assertThat(
              site.byline().searchIndex().awaitPosition(site.newsroom().feed().head(), 60_000))
          .isTrue();
      var crawl = ReaderCrawl.of(
          site, List.of("board", "cafe", "timetable", "newsletter", "contact", "secret"));
      assertThat(crawl.pagesContaining("Harbour cafe wins regional award")).isNotEmpty();
      for (var secret :
          List.of("SECRETMEMBERS", "SECRETDRAFT", "SECRETFUTURE", "SECRETSENT", "SECRETPAGE"))
        assertThat(crawl.pagesContaining(secret)).as(secret).isEmpty();
      var article = location(site, "/harbour-cafe-award/");
      assertThat(article)
          .as("posts go to the section given")
          .isEqualTo("/harbour/harbour-cafe-award");
      var page = site.get(article).body();
      assertThat(page)
          .contains(
              "Quayside Cafe",
              "The cafe opened in 2019.",
              "alt=\"Tables outside the cafe\"",
              "Lunch on the quay.")
          .contains(
              "data-video-id=\"M7lc1UVf-VE\"",
              "By <a rel=\"author\" href=\"/author/jonas-eide\">Jonas Eide</a>");
      assertThat(location(site, "/tag/food-drink/")).isEqualTo("/topic/food-drink");
      assertThat(location(site, "/author/jonas/")).isEqualTo("/author/jonas-eide");
      assertThat(location(site, "/rss/")).isEqualTo("/feed/rss.xml");
      assertThat(site.get("/inside-harbour-board/").statusCode()).isEqualTo(404);
      assertThat(site.get("/topic/hash-homepage").statusCode()).isEqualTo(404);
    }
    var again = Cli.run("import", export.toString(), "--data", data.toString()).assertSucceeded();
    assertThat(again.out())
        .contains("7 already imported by an earlier run")
        .doesNotContain("published");
  }

  static String location(TestSite site, String path) {
    var r = site.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(301);
    return URI.create(r.headers().firstValue("Location").orElseThrow()).getPath();
  }
}
