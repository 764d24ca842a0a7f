package dev.byline.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A story too long to carry whole in a feed is carried as its summary and a link, in every format. */
class FeedItemSizeTest {
  @TempDir
  Path dir;

  @Test
  void a_story_longer_than_a_feed_item_may_be_is_carried_as_its_summary_and_a_link() {
    try (var site = TestSite.start(dir)) {
      var articles = site.newsroom().articles();
      var body = new ArrayList<Block>();
      var paragraph =
          "The council met again to argue over the harbour budget, line by line. ".repeat(20);
      while (body.size() * paragraph.length() < FeedBuilder.MAX_CONTENT_CHARS * 2)
        body.add(Block.Paragraph.ofText(paragraph));
      long longId = articles.create(
          ArticleDraft.of("A very long read", "What the council decided.", null, body));
      articles.publish(longId);
      long shortId = articles.create(ArticleDraft.of(
          "A short story",
          "",
          null,
          java.util.List.of(Block.Paragraph.ofText("Short and whole."))));
      articles.publish(shortId);
      var longPath = articles.byId(longId).orElseThrow().path();

      for (var feed : java.util.List.of("/feed/rss.xml", "/feed/atom.xml", "/feed/feed.json")) {
        var answer = site.get(feed);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body().length()).as(feed).isLessThan(FeedBuilder.MAX_CONTENT_CHARS);
        assertThat(answer.body())
            .as(feed)
            .contains("What the council decided.", longPath, "Short and whole.")
            .doesNotContain(paragraph.substring(0, 60));
      }
    }
  }
}
