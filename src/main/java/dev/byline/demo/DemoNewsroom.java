package dev.byline.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.content.ArticleDraft;
import dev.byline.content.ArticleStore;
import dev.byline.content.AuthorStore;
import dev.byline.content.BlockCodec;
import dev.byline.content.Markdown;
import dev.byline.content.SectionStore;
import dev.byline.content.Source;
import dev.byline.content.TopicStore;
import dev.byline.content.TopicType;
import dev.byline.json.Json;
import dev.byline.live.LiveBlog;
import dev.byline.live.PostDraft;
import dev.byline.media.ImageStore;
import dev.byline.store.SiteState;
import dev.byline.store.Transactions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds a fictional newsroom: six sections, about sixty stories with bylines, topics, agency
 * credits and drawn pictures, published over the last month, one of them covered live. Seeding
 * twice changes nothing.
 */
public final class DemoNewsroom {
  private static final Logger log = LoggerFactory.getLogger(DemoNewsroom.class);
  static final String SEEDED = "demo.seeded";

  private record SectionSpec(String slug, String name, String description) {}

  private static final List<SectionSpec> SECTIONS = List.of(
      new SectionSpec("world", "World", "News from every continent."),
      new SectionSpec("politics", "Politics", "Governments, parliaments and elections."),
      new SectionSpec("business", "Business", "Companies, markets and the economy."),
      new SectionSpec("science", "Science", "Research, space, health and the environment."),
      new SectionSpec("sport", "Sport", "Results, races and the people behind them."),
      new SectionSpec("culture", "Culture", "Film, music, books and the arts."));

  private final SectionStore sections;
  private final TopicStore topics;
  private final AuthorStore authors;
  private final ImageStore images;
  private final ArticleStore articles;
  private final SiteState state;
  private final Transactions transactions;
  private final LiveBlog live;
  private final Clock clock;

  public DemoNewsroom(
      SectionStore sections,
      TopicStore topics,
      AuthorStore authors,
      ImageStore images,
      ArticleStore articles,
      SiteState state,
      Transactions transactions,
      LiveBlog live,
      Clock clock) {
    this.sections = sections;
    this.topics = topics;
    this.authors = authors;
    this.images = images;
    this.articles = articles;
    this.state = state;
    this.transactions = transactions;
    this.live = live;
    this.clock = clock;
  }

  public boolean isSeeded() {
    return state.get(SEEDED).isPresent();
  }

  /** Seeds the newsroom unless it already was; returns how many stories were published. */
  public int seed() {
    if (isSeeded()) return 0;
    var sectionIds = new HashMap<String, Long>();
    int position = 0;
    for (var s : SECTIONS)
      sectionIds.put(
          s.slug(),
          sections.ensure(s.slug(), s.name(), s.description(), position++).id());
    var stories = load();
    var now = clock.instant();
    int count = 0;
    for (var story : stories) {
      var topicIds = new ArrayList<Long>();
      story
          .path("topics")
          .forEach(t -> topicIds.add(topics
              .ensure(t.path("name").asText(), TopicType.parse(t.path("type").asText()))
              .id()));
      var authorIds = new ArrayList<Long>();
      story
          .path("bylines")
          .forEach(b -> authorIds.add(authors.ensure(b.asText()).id()));
      var imageNode = story.path("image");
      var picture = DemoPictures.draw(
          imageNode.path("palette").asText("city"), story.path("key").asText().hashCode());
      var image = images.store(
          picture,
          new ImageStore.ImageText(
              imageNode.path("caption").asText(),
              imageNode.path("credit").asText(),
              imageNode.path("alt").asText()));
      var draft = new ArticleDraft(
          null,
          story.path("headline").asText(),
          story.path("standfirst").asText(),
          story.path("dateline").asText(),
          new Source(story.path("source").asText(), story.path("credit").asText()),
          sectionIds.get(story.path("section").asText()),
          topicIds,
          authorIds,
          image.id(),
          BlockCodec.fromJson(story.path("body").toString()),
          "",
          "",
          "");
      long id = articles.create(draft);
      var published = now.minus(Duration.ofHours(story.path("hoursAgo").asLong(1)));
      var updated = story.path("updatedHoursAgo").isNumber()
          ? now.minus(Duration.ofHours(story.path("updatedHoursAgo").asLong()))
          : null;
      articles.publishAsOf(id, published, updated);
      if (story.has("live")) cover(id, published, story.path("live"));
      count++;
    }
    state.put(SEEDED, now.toString());
    log.info("event=demo_seeded stories={}", count);
    return count;
  }

  /** Live coverage of a story, its posts timed back from now, as a newsroom would have posted them. */
  private void cover(long articleId, Instant startedAt, JsonNode posts) {
    var now = clock.instant();
    transactions.useTransaction(tx -> {
      live.start(tx, articleId, startedAt);
      for (var post : posts) {
        var blocks = BlockCodec.fromJson(post.path("body").toString());
        live.post(
            tx,
            articleId,
            new PostDraft(
                Markdown.fromBlocks(blocks),
                blocks,
                post.path("keyPoint").asBoolean(),
                post.path("pinned").asBoolean(),
                "Demo desk"),
            now.minus(Duration.ofMinutes(post.path("minutesAgo").asLong())));
      }
    });
  }

  private static List<JsonNode> load() {
    try (InputStream in =
        DemoNewsroom.class.getClassLoader().getResourceAsStream("demo/articles.json")) {
      if (in == null)
        throw new IllegalStateException("demo/articles.json is missing from the build");
      var list = new ArrayList<JsonNode>();
      Json.MAPPER.readTree(in).forEach(list::add);
      // Oldest first, so ids and the change feed follow publication order.
      list.sort(
          (a, b) -> Long.compare(b.path("hoursAgo").asLong(), a.path("hoursAgo").asLong()));
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> sectionNames() {
    var m = new HashMap<String, String>();
    SECTIONS.forEach(s -> m.put(s.slug(), s.name()));
    return m;
  }
}
