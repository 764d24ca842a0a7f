package dev.byline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.Newsroom;
import dev.byline.config.Config;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.content.InvalidInput;
import dev.byline.store.SurrogateKey;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The live blog's store on SQLite and PostgreSQL: every write, its change-feed entry, reading back. */
class LiveBlogStoreTest {
  @TempDir
  Path dir;

  static Stream<String> dialects() {
    return Stream.of("sqlite", "postgresql");
  }

  Config config(String dialect) {
    return dialect.equals("sqlite") ? TestDatabases.sqlite(dir) : TestDatabases.postgres(dir);
  }

  static PostDraft draft(String text, boolean keyPoint, boolean pinned) {
    return new PostDraft(text, List.of(Block.Paragraph.ofText(text)), keyPoint, pinned, "Eda");
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void posts_are_written_read_back_in_reading_order_and_each_write_names_the_article(
      String dialect) {
    var config = config(dialect);
    var clock = new TestClock();
    try (var newsroom = Newsroom.open(config, clock)) {
      var db = newsroom.db();
      var live = newsroom.live();
      long article = newsroom.articles().create(ArticleDraft.of("Storm", "", null, List.of()));
      assertThat(live.of(article)).isEmpty();
      assertThatThrownBy(
              () -> db.useTransaction(tx -> live.post(tx, article, draft("x", false, false))))
          .isInstanceOf(InvalidInput.class)
          .hasMessage("coverage has not started");

      long head = newsroom.feed().head();
      db.useTransaction(tx -> live.start(tx, article));
      long first = db.inTransaction(tx -> live.post(tx, article, draft("First", true, false)));
      clock.advance(Duration.ofMinutes(1));
      long second = db.inTransaction(tx -> live.post(tx, article, draft("Second", false, false)));
      clock.advance(Duration.ofMinutes(1));
      long third = db.inTransaction(tx -> live.post(tx, article, draft("Third", false, false)));
      var changes = newsroom.feed().after(head, 10);
      assertThat(changes).hasSize(4).allSatisfy(c -> {
        assertThat(c.entity()).isEqualTo(LiveBlog.ENTITY);
        assertThat(c.entityId()).isEqualTo(article);
        assertThat(c.keys()).containsExactly(SurrogateKey.article(article));
      });

      var c = live.of(article).orElseThrow();
      assertThat(c.isLive()).isTrue();
      assertThat(c.posts()).extracting(LivePost::id).containsExactly(third, second, first);
      assertThat(c.keyPoints()).extracting(LivePost::id).containsExactly(first);
      assertThat(c.latestId()).isEqualTo(third);

      db.useTransaction(tx -> live.pin(tx, article, first, true));
      db.useTransaction(
          tx -> live.edit(tx, article, second, draft("Second, corrected", false, false)));
      db.useTransaction(tx -> live.delete(tx, article, third));
      c = live.of(article).orElseThrow();
      assertThat(c.posts()).extracting(LivePost::id).containsExactly(first, second);
      assertThat(c.posts().get(1).text()).isEqualTo("Second, corrected");
      assertThat(c.posts().get(1).editedAt()).isNotNull();
      assertThat(live.posts(article, true)).hasSize(3);
      assertThatThrownBy(() -> db.useTransaction(tx -> live.delete(tx, article, third)))
          .isInstanceOf(InvalidInput.class);

      db.useTransaction(tx -> live.end(tx, article, "It passed."));
      c = live.of(article).orElseThrow();
      assertThat(c.isLive()).isFalse();
      assertThat(c.summary()).isEqualTo("It passed.");
      assertThat(c.endedAt()).isEqualTo(java.time.Instant.ofEpochMilli(clock.millis()));
      assertThatThrownBy(
              () -> db.useTransaction(tx -> live.post(tx, article, draft("y", false, false))))
          .hasMessage("coverage has ended");

      db.useTransaction(tx -> live.start(tx, article));
      assertThat(live.of(article).orElseThrow().isLive()).as("resumed").isTrue();
      assertThat(live.of(article).orElseThrow().summary()).isEmpty();
    } finally {
      if (dialect.equals("postgresql")) TestDatabases.drop(config);
    }
  }
}
