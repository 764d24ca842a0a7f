package dev.byline.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.Newsroom;
import dev.byline.config.Config;
import dev.byline.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole-site walks sitemaps use, on SQLite and on PostgreSQL. */
class PublishedArchiveTest {
  @TempDir
  Path dir;

  static Stream<String> dialects() {
    return Stream.of("sqlite", "postgresql");
  }

  Config config(String dialect) {
    return dialect.equals("sqlite") ? TestDatabases.sqlite(dir) : TestDatabases.postgres(dir);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dialects")
  void months_walks_and_list_pages_see_exactly_what_is_published(String dialect) {
    var config = config(dialect);
    try (var n = Newsroom.open(config, Clock.systemUTC())) {
      var world = n.sections().ensure("world", "World", "", 1);
      var topic = n.topics().ensure("Harbours", TopicType.SUBJECT);
      var quiet = n.topics().ensure("Quiet topic", TopicType.SUBJECT);
      var author = n.authors().ensure("Ana Lima");
      var a = n.articles();
      var ids = new ArrayList<Long>();
      // Five stories in October 2026 (two at the same instant), three in December, none in
      // November.
      var times = List.of(
          "2026-10-01T00:00:00Z",
          "2026-10-05T10:00:00Z",
          "2026-10-05T10:00:00Z",
          "2026-10-20T00:00:00Z",
          "2026-10-31T23:59:59.999Z",
          "2026-12-01T00:00:00Z",
          "2026-12-02T00:00:00Z",
          "2026-12-03T00:00:00Z");
      for (int i = 0; i < times.size(); i++) {
        long id = a.create(new ArticleDraft(
            null,
            "Story " + i,
            "S.",
            "",
            Source.NONE,
            world.id(),
            List.of(topic.id()),
            List.of(author.id()),
            null,
            List.of(),
            "",
            "",
            ""));
        a.publishAsOf(
            id, Instant.parse(times.get(i)), i == 1 ? Instant.parse("2026-11-15T00:00:00Z") : null);
        ids.add(id);
      }
      long draft = a.create(ArticleDraft.of("Draft", "", world.id(), List.of()));
      a.unpublish(ids.get(7));
      var archive = n.published().archive();

      var months = archive.months();
      assertThat(months)
          .extracting(PublishedArchive.PublishedMonth::month)
          .containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 12));
      assertThat(months.get(0).published()).isEqualTo(5);
      assertThat(months.get(1).published()).isEqualTo(2);
      assertThat(months.get(1).lastChanged())
          .as("the take-down counts as a change")
          .isEqualTo(a.byId(ids.get(7)).orElseThrow().modifiedAt());
      assertThat(archive.month(YearMonth.of(2026, 11))).isEmpty();

      // A walk in batches of two sees every October story once, in order, ties broken by id.
      var seen = new ArrayList<Long>();
      var after = PublishedArchive.Cursor.START;
      List<PublishedArchive.PublishedEntry> batch;
      while (!(batch = archive.inMonth(YearMonth.of(2026, 10), after, 2)).isEmpty()) {
        batch.forEach(e -> seen.add(e.id()));
        after = PublishedArchive.Cursor.after(batch.get(batch.size() - 1));
      }
      assertThat(seen).containsExactlyElementsOf(ids.subList(0, 5));
      var fromThird =
          archive.inMonth(YearMonth.of(2026, 10), archive.start(YearMonth.of(2026, 10), 2), 10);
      assertThat(fromThird)
          .extracting(PublishedArchive.PublishedEntry::id)
          .containsExactlyElementsOf(ids.subList(2, 5));
      var updated = archive
          .inMonth(YearMonth.of(2026, 10), PublishedArchive.Cursor.START, 10)
          .get(1);
      assertThat(updated.lastModified()).isEqualTo(Instant.parse("2026-11-15T00:00:00Z"));
      assertThat(updated.path()).isEqualTo("/world/story-1");

      assertThat(archive.newest()).contains(Instant.parse("2026-12-02T00:00:00Z"));
      assertThat(archive.sections())
          .singleElement()
          .satisfies(s -> assertThat(s.newest()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z")));
      assertThat(archive.countTopics()).isEqualTo(2);
      var topics = archive.topics(archive.topicIdBefore(0), 10);
      assertThat(topics.scanned()).isEqualTo(2);
      assertThat(topics.active())
          .as("a topic with no published story is left out")
          .singleElement()
          .satisfies(t -> assertThat(t.slug()).isEqualTo("harbours"));
      assertThat(archive.topics(archive.topicIdBefore(1), 10).active()).isEmpty();
      assertThat(archive.authors(0, 10).active())
          .singleElement()
          .satisfies(p -> assertThat(p.slug()).isEqualTo("ana-lima"));
      assertThat(draft).isPositive();
      assertThat(quiet.slug()).isEqualTo("quiet-topic");
    } finally {
      if (!dialect.equals("sqlite")) TestDatabases.drop(config);
    }
  }
}
