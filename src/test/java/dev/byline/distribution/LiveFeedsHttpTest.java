package dev.byline.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.content.Markdown;
import dev.byline.live.PostDraft;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live blog's post feeds pass the same format checks as every other feed. */
class LiveFeedsHttpTest {
  @TempDir
  Path dir;

  @Test
  void a_live_blogs_rss_atom_and_json_feeds_are_valid_and_carry_its_posts() throws Exception {
    try (var site = TestSite.start(dir)) {
      var newsroom = site.newsroom();
      long section = newsroom.sections().ensure("world", "World", "", 1).id();
      long id = newsroom
          .articles()
          .create(ArticleDraft.of(
              "Storm", "Live.", section, List.of(Block.Paragraph.ofText("Intro."))));
      newsroom.articles().publish(id);
      var markdown = new Markdown();
      var text = "Winds of **120 km/h** at the [harbour](/world).\n\n> Stay indoors";
      newsroom.db().useTransaction(tx -> {
        newsroom.live().start(tx, id);
        newsroom
            .live()
            .post(tx, id, new PostDraft(text, markdown.toBlocks(text), true, false, "Eda"));
      });

      var rss = site.getBytes("/live/" + id + "/rss.xml");
      assertThat(rss.statusCode()).isEqualTo(200);
      FeedChecks.checkRss("live rss", rss.body());
      var atom = site.getBytes("/live/" + id + "/atom.xml");
      FeedChecks.checkAtom("live atom", atom.body());
      var json = FeedChecks.checkJson(
          "live json", site.getBytes("/live/" + id + "/feed.json").body());
      var item = json.path("items").get(0);
      assertThat(item.path("content_html").asText())
          .contains("<strong>120 km/h</strong>")
          .contains("href=\"" + site.byline().config().baseUrl() + "/world\"")
          .contains("<blockquote>");
      assertThat(item.path("url").asText())
          .endsWith("#post-" + newsroom.live().posts(id, false).get(0).id());
      assertThat(site.get("/live/" + id + "/nope.xml").statusCode()).isEqualTo(404);
    }
  }
}
