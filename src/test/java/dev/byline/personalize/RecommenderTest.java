package dev.byline.personalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.Newsroom;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.content.Source;
import dev.byline.content.TopicType;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TopicalNewsroom;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recommendations from reads and follows over the fresh-article index, on a real SQLite file. */
class RecommenderTest {
  @TempDir
  Path dir;

  final TestClock clock = new TestClock(Instant.parse("2026-03-10T12:00:00Z"));
  Newsroom newsroom;
  Map<String, Long> ids;
  FreshArticles fresh;

  @BeforeEach
  void open() {
    newsroom = Newsroom.open(TestDatabases.sqlite(dir), clock);
    ids = TopicalNewsroom.seed(newsroom, clock);
    fresh =
        FreshArticles.open(newsroom.published(), newsroom.feed(), clock, Duration.ofDays(14), 50);
  }

  @AfterEach
  void close() {
    fresh.close();
    newsroom.close();
  }

  Recommender recommender(SimilarArticles similar) {
    return new Recommender(fresh, newsroom.published(), newsroom.topics(), similar, clock);
  }

  List<Long> picks(Recommender r, List<String> read, List<String> follow, int limit) {
    var readIds = read.stream().map(ids::get).toList();
    return r.recommend(new ReaderSignals(readIds, follow), limit).stream()
        .map(x -> x.story().id())
        .toList();
  }

  List<Long> idsOf(String... keys) {
    var out = new ArrayList<Long>();
    for (var k : keys) out.add(ids.get(k));
    return out;
  }

  @Test
  void the_index_holds_only_fresh_published_articles() {
    assertThat(fresh.size()).isEqualTo(4 * TopicalNewsroom.PER_CLUSTER);
    assertThat(fresh.index().get(ids.get("election-old"))).isNull();
  }

  @Test
  void stories_sharing_topics_with_recent_reads_come_first_and_reads_never_come_back() {
    var p = picks(recommender(SimilarArticles.NONE), List.of("football-2"), List.of(), 6);
    assertThat(p.subList(0, 4))
        .containsExactlyInAnyOrderElementsOf(
            idsOf("football-1", "football-3", "football-4", "football-5"));
    assertThat(p).doesNotContain(ids.get("football-2"), ids.get("football-old"));
  }

  @Test
  void a_followed_topic_brings_its_stories_with_the_reason_named() {
    var picks = recommender(SimilarArticles.NONE)
        .recommend(new ReaderSignals(List.of(), List.of("cyclone-imara")), 12);
    assertThat(picks).hasSize(5);
    assertThat(picks)
        .allSatisfy(
            r -> assertThat(r.reason().english()).isEqualTo("Because you follow Cyclone Imara"));
    assertThat(picks.get(0).story().firstPublishedAt())
        .as("newest first among equals")
        .isAfter(picks.get(4).story().firstPublishedAt());
  }

  @Test
  void newer_reads_weigh_more_and_one_reason_cannot_fill_the_list() throws Exception {
    var science = newsroom.sections().bySlug("science").orElseThrow();
    var at = clock.instant().minus(Duration.ofHours(5));
    var made = new java.util.HashMap<String, Long>();
    for (var name : List.of("Glaciers", "Volcanoes")) {
      var topic = newsroom.topics().ensure(name, TopicType.SUBJECT);
      for (var kind : List.of("read", "pick")) {
        long id = newsroom
            .articles()
            .create(new ArticleDraft(
                name.toLowerCase() + "-" + kind,
                name + " " + kind,
                "",
                "",
                Source.NONE,
                science.id(),
                List.of(topic.id()),
                List.of(),
                null,
                List.of(),
                "",
                "",
                ""));
        newsroom.articles().publishAsOf(id, kind.equals("read") ? at.minusSeconds(60) : at, null);
        made.put(name + "-" + kind, id);
      }
    }
    awaitIndexed(made.get("Volcanoes-pick"), true);
    var r = recommender(SimilarArticles.NONE);
    var glaciersLast = r.recommend(
        new ReaderSignals(
            List.of(made.get("Glaciers-read"), made.get("Volcanoes-read")), List.of()),
        2);
    var volcanoesLast = r.recommend(
        new ReaderSignals(
            List.of(made.get("Volcanoes-read"), made.get("Glaciers-read")), List.of()),
        2);
    assertThat(glaciersLast)
        .extracting(x -> x.story().id())
        .containsExactly(made.get("Glaciers-pick"), made.get("Volcanoes-pick"));
    assertThat(volcanoesLast)
        .extracting(x -> x.story().id())
        .containsExactly(made.get("Volcanoes-pick"), made.get("Glaciers-pick"));

    var mixed = r.recommend(
        new ReaderSignals(List.of(ids.get("election-1"), ids.get("space-1")), List.of()), 6);
    assertThat(mixed).hasSize(6);
    assertThat(mixed.stream()
            .filter(x -> x.reason().english().contains("Norreland"))
            .count())
        .as("at most half for one reason")
        .isLessThanOrEqualTo(3);
    assertThat(
            mixed.stream().filter(x -> x.reason().english().contains("Orbital")).count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void the_related_engine_plugs_in_and_its_picks_rank_high() {
    var space4 = ids.get("space-4");
    SimilarArticles engine = (id, limit) ->
        id == ids.get("election-1") ? List.of(space4, ids.get("election-old")) : List.of();
    var p = picks(recommender(engine), List.of("election-1"), List.of(), 6);
    assertThat(p).contains(space4);
    assertThat(p).as("the engine's stale pick is left out").doesNotContain(ids.get("election-old"));
    assertThat(picks(recommender(SimilarArticles.NONE), List.of("election-1"), List.of(), 6))
        .doesNotContain(space4);
  }

  @Test
  void the_engine_is_asked_once_per_article_while_its_answer_is_cached() {
    var asked = new java.util.concurrent.atomic.AtomicInteger();
    var cached = new CachedSimilarArticles((id, limit) -> {
      asked.incrementAndGet();
      return List.of(id, 7L, 8L, 9L);
    });
    assertThat(cached.similarTo(5, 2)).as("never the article itself").containsExactly(7L, 8L);
    assertThat(cached.similarTo(5, 10)).containsExactly(7L, 8L, 9L);
    cached.similarTo(6, 3);
    assertThat(asked.get()).isEqualTo(2);
  }

  @Test
  void new_and_unpublished_articles_reach_the_index_through_the_change_feed() throws Exception {
    var topic = newsroom.topics().ensure("Halden Rovers", TopicType.ORGANISATION);
    var sport = newsroom.sections().bySlug("sport").orElseThrow();
    long late = newsroom
        .articles()
        .create(new ArticleDraft(
            "late-goal",
            "Halden Rovers: late winner",
            "",
            "",
            Source.NONE,
            sport.id(),
            List.of(topic.id()),
            List.of(),
            null,
            List.of(Block.Paragraph.ofText("A late goal.")),
            "",
            "",
            ""));
    newsroom.articles().publish(late);
    var r = recommender(SimilarArticles.NONE);
    awaitIndexed(late, true);
    assertThat(picks(r, List.of(), List.of("halden-rovers"), 6).get(0))
        .as("the newest story first")
        .isEqualTo(late);

    newsroom.articles().unpublish(ids.get("football-1"));
    awaitIndexed(ids.get("football-1"), false);
    assertThat(picks(r, List.of(), List.of("halden-rovers"), 12))
        .doesNotContain(ids.get("football-1"));
  }

  @Test
  void stories_age_out_of_the_window() {
    clock.advance(Duration.ofDays(13).plusHours(22));
    var p = picks(recommender(SimilarArticles.NONE), List.of(), List.of("norreland"), 12);
    assertThat(p).as("only the stories still under 14 days old").isNotEmpty().hasSizeLessThan(5);
  }

  @Test
  void signals_check_themselves() {
    assertThat(new ReaderSignals(List.of(3L, 3L, 4L), List.of("a", "a")).read())
        .containsExactly(3L, 4L);
    assertThatThrownBy(() -> new ReaderSignals(List.of(0L), List.of()))
        .hasMessageStartingWith("read must hold article ids");
    assertThatThrownBy(() -> new ReaderSignals(List.of(), List.of("Not a slug")))
        .hasMessageStartingWith("follow must hold topic slugs");
    var many = new ArrayList<Long>();
    for (long i = 1; i <= 51; i++) many.add(i);
    assertThatThrownBy(() -> new ReaderSignals(many, List.of()))
        .hasMessage("read holds more than 50 articles");
    assertThat(recommender(SimilarArticles.NONE)
            .recommend(new ReaderSignals(List.of(999_999L), List.of("no-such-topic")), 6))
        .as("unknown ids and topics are ignored")
        .isEmpty();
  }

  void awaitIndexed(long id, boolean present) throws InterruptedException {
    var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while ((fresh.index().get(id) != null) != present) {
      if (System.nanoTime() > deadline)
        throw new AssertionError("article " + id + " never " + (present ? "indexed" : "dropped"));
      Thread.sleep(10);
    }
  }
}
