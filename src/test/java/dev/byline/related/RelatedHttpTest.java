package dev.byline.related;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** "READ:" links and the Related list as readers see them, on the demo newsroom over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelatedHttpTest {
  static final String STRIKE_DEAL =
      "/world/veloria-dockworkers-reach-tentative-deal-to-end-17-day-port-strike";

  @TempDir
  static Path dir;

  TestSite site;

  @BeforeAll
  void start() throws Exception {
    site = TestSite.demo(dir);
    assertThat(site.byline().searchIndex().awaitPosition(site.newsroom().feed().head(), 60_000))
        .isTrue();
  }

  @AfterAll
  void stop() {
    site.close();
  }

  static List<String> readLinks(String html) {
    return Pattern.compile("<p class=\"read-link\"><span>Read:</span> <a href=\"([^\"]+)\">")
        .matcher(html)
        .results()
        .map(m -> m.group(1))
        .toList();
  }

  @Test
  void a_story_links_inline_to_other_stories_about_the_same_events() {
    var html = site.get(STRIKE_DEAL).body();
    var links = readLinks(html);
    assertThat(links).isNotEmpty().hasSizeLessThanOrEqualTo(3).doesNotContain(STRIKE_DEAL);
    var strikeWords = Pattern.compile("strike|dock|port|mediator|freight|walk-out|walk");
    for (var link : links) assertThat(link).containsPattern(strikeWords);
    assertThat(html)
        .contains("<section class=\"related\"", "<h2 id=\"related-title\">Related</h2>");
  }

  @Test
  void read_links_sit_between_paragraphs_and_never_before_the_second() {
    var html = site.get(STRIKE_DEAL).body();
    var body = html.substring(
        html.indexOf("<div class=\"story-body\">"),
        html.indexOf("</div>", html.indexOf("<div class=\"story-body\">")));
    var blocks = Pattern.compile("<(p class=\"read-link\"|p|blockquote|figure|h2|h3|ul|ol|div)[ >]")
        .matcher(body)
        .results()
        .map(m -> m.group(1))
        .toList();
    int paragraphsBefore = 0;
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).equals("p")) paragraphsBefore++;
      if (!blocks.get(i).startsWith("p class")) continue;
      assertThat(paragraphsBefore).isGreaterThanOrEqualTo(2);
      assertThat(blocks.get(i - 1)).isEqualTo("p");
      assertThat(blocks.get(i + 1)).isEqualTo("p");
    }
  }

  @Test
  void the_same_story_renders_the_same_bytes_every_time() {
    var first = site.get(STRIKE_DEAL).body();
    site.byline().pageCache().clear();
    assertThat(site.get(STRIKE_DEAL).body()).isEqualTo(first);
  }

  @Test
  void publishing_a_new_development_purges_older_stories_that_should_now_link_to_it() {
    var older = "/politics/veloria-appoints-mediator-as-port-strike-reaches-11th-day";
    assertThat(site.get(older).statusCode()).isEqualTo(200);
    var articles = site.newsroom().articles();
    var world = site.newsroom().sections().bySlug("world").orElseThrow();
    var text = List.<Block>of(
        Block.Paragraph.ofText(
            "Veloria's dockworkers have voted to accept the tentative deal that ended the port strike at Port Averly."),
        Block.Paragraph.ofText(
            "The Veloria Dockworkers' Union said members backed the contract, and Ana Vestergaard thanked the mediator."),
        Block.Paragraph.ofText(
            "Ships diverted to Thessary during the strike are returning to Port Averly, the port authority said."),
        Block.Paragraph.ofText(
            "The mediator, appointed on the strike's 11th day, praised both sides."));
    long id = articles.create(ArticleDraft.of(
        "Veloria dockworkers vote to accept deal ending port strike at Port Averly",
        "Union members back the contract after the 17-day strike and mediation.",
        world.id(),
        text));
    articles.publish(id);
    var path = articles.byId(id).orElseThrow().path();
    Eventually.await(
        "an older strike story links to the new development",
        Duration.ofSeconds(20),
        () -> site.get(older).body().contains("href=\"" + path + "\""));
  }
}
