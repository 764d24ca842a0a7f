package dev.byline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.Newsroom;
import dev.byline.config.Config;
import dev.byline.store.Change;
import dev.byline.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The delivery queue's contract on both databases. */
class DeliveriesTest {
  @TempDir
  Path dir;

  /** Wants every article change, ordered per article. */
  static final class Everything implements Target {
    @Override
    public String name() {
      return "test";
    }

    @Override
    public Optional<Queued> wants(Change c) {
      return Optional.of(new Queued("article:" + c.entityId(), c.action(), "seq " + c.seq()));
    }

    @Override
    public int send(Delivery d) {
      return 200;
    }
  }

  static Change change(long seq, long article, String action) {
    return new Change(seq, Instant.EPOCH, "article", article, action, Set.of("article:" + article));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_change_is_queued_once_and_a_retry_holds_back_only_its_own_article(String database) {
    Config config =
        database.equals("sqlite") ? TestDatabases.sqlite(dir) : TestDatabases.postgres(dir);
    try (var newsroom = Newsroom.open(config, Clock.systemUTC())) {
      var deliveries = new Deliveries(newsroom.db());
      var targets = List.of(new Everything());
      var changes =
          List.of(change(1, 10, "published"), change(2, 20, "published"), change(3, 10, "updated"));
      assertThat(deliveries.enqueue(changes, targets, 1_000)).isEqualTo(3);
      assertThat(deliveries.enqueue(changes, targets, 1_000)).as("read again").isZero();
      assertThat(deliveries.cursor()).contains(3L);

      var first = deliveries.nextDue("test", 1_000).orElseThrow();
      assertThat(first.changeSeq()).isEqualTo(1);
      assertThat(deliveries.claim(first, 60_000)).isTrue();
      assertThat(deliveries.claim(first, 60_000)).as("claimed once only").isFalse();
      deliveries.retryAt(first.id(), 503, "answered 503", 50_000);

      // Article 10's update waits behind its failed publication; article 20 goes ahead.
      var next = deliveries.nextDue("test", 2_000).orElseThrow();
      assertThat(next.changeSeq()).isEqualTo(2);
      deliveries.delivered(next.id(), 200, 2_000);
      assertThat(deliveries.nextDue("test", 2_000)).isEmpty();

      var again = deliveries.nextDue("test", 50_000).orElseThrow();
      assertThat(again.changeSeq()).isEqualTo(1);
      assertThat(again.attempts()).isEqualTo(1);
      deliveries.delivered(again.id(), 200, 50_000);
      assertThat(deliveries.nextDue("test", 50_000).orElseThrow().changeSeq()).isEqualTo(3);

      var log = deliveries.forTarget("test");
      assertThat(log.get(0).status()).isEqualTo(Delivery.DELIVERED);
      assertThat(log.get(0).lastError())
          .as("the log keeps what it went through")
          .isEqualTo("answered 503");
      assertThat(log.get(0).idempotencyKey()).isEqualTo("1.test");
    } finally {
      TestDatabases.drop(config);
    }
  }
}
