package dev.byline.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.Cli;
import dev.byline.testing.TestSite;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code byline redirects import FILE.csv} for sites moved by other means, checked over HTTP. */
class RedirectsCommandTest {
  @TempDir
  Path dir;

  @Test
  void a_csv_of_old_and_new_addresses_answers_301_and_a_bad_line_stores_nothing() throws Exception {
    var data = dir.resolve("data");
    long draftId;
    try (var site = TestSite.start(data, Map.of("base.url", "https://news.example"))) {
      var articles = site.newsroom().articles();
      var section = site.newsroom().sections().ensure("local", "Local", "", 1);
      long id = articles.create(ArticleDraft.of(
          "Ferry fares rise", "", section.id(), List.of(Block.Paragraph.ofText("Up."))));
      articles.publish(id);
      draftId = articles.create(ArticleDraft.of("Unfinished", "", section.id(), List.of()));
    }
    var bad = Files.writeString(
        dir.resolve("bad.csv"),
        "old,new\n/a/,/local/ferry-fares-rise\n/b/,https://elsewhere.example/x\nonly-one-cell\n/c/,/\\elsewhere.example\n");
    var refused = Cli.run(
        "redirects",
        "import",
        bad.toString(),
        "--data",
        data.toString(),
        "--base-url",
        "https://news.example");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err())
        .contains(
            "nothing was stored",
            "line 3: new address",
            "elsewhere.example",
            "line 4: line needs two addresses",
            "line 5: new address may not hold a backslash");

    var good = Files.writeString(
        dir.resolve("good.csv"),
        "\uFEFFold,new\n"
            + "/2019/05/ferry-fares/,/local/ferry-fares-rise\n"
            + "\"https://old.example/?p=812\",https://news.example/local\n"
            + "/Old%20Section/,/local\n");
    var run = Cli.run(
            "redirects",
            "import",
            good.toString(),
            "--data",
            data.toString(),
            "--base-url",
            "https://news.example")
        .assertSucceeded();
    assertThat(run.out()).startsWith("3 added, 0 unchanged, 0 replaced, 0 kept");
    var again = Cli.run(
            "redirects",
            "import",
            good.toString(),
            "--data",
            data.toString(),
            "--base-url",
            "https://news.example")
        .assertSucceeded();
    assertThat(again.out()).startsWith("0 added, 3 unchanged");
    var changed = Files.writeString(dir.resolve("changed.csv"), "/old%20section,/\n");
    assertThat(Cli.run("redirects", "import", changed.toString(), "--data", data.toString())
            .out())
        .startsWith("0 added, 0 unchanged, 0 replaced, 1 kept");

    try (var site = TestSite.start(data)) {
      site.newsroom()
          .db()
          .useTransaction(tx -> site.newsroom()
              .redirects()
              .put(tx, LegacyUrl.toArticle("/unfinished-draft", draftId, "test"), false));
      assertThat(location(site, "/2019/05/ferry-fares/")).isEqualTo("/local/ferry-fares-rise");
      assertThat(location(site, "/2019/05/ferry-fares")).isEqualTo("/local/ferry-fares-rise");
      assertThat(location(site, "/?p=812")).isEqualTo("/local");
      assertThat(location(site, "/old%20section")).isEqualTo("/local");
      assertThat(location(site, "/OLD%20SECTION/feed/")).isEqualTo("/feed/local/rss.xml");
      assertThat(site.get("/unfinished-draft").statusCode())
          .as("a draft's old address")
          .isEqualTo(404);
      assertThat(site.get("/nowhere/at/all").statusCode()).isEqualTo(404);
      assertThat(site.get("/?p=999").statusCode()).isEqualTo(200);
      assertThat(site.rawStatus("/?p=%zz"))
          .as("a broken query on the front page")
          .isIn(200, 400);
      assertThat(site.rawStatus("/old%zzsection/"))
          .as("a broken escape in an old address")
          .isIn(400, 404);
    }
  }

  static String location(TestSite site, String path) {
    var r = site.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(301);
    var uri = URI.create(r.headers().firstValue("Location").orElseThrow());
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
