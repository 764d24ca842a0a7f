package dev.byline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.Newsroom;
import dev.byline.config.Config;
import dev.byline.store.NodePositions;
import dev.byline.store.PositionReporter;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** When a purge may go: only once every live node's page cache has read its change. */
class CachesCaughtUpTest {
  @TempDir
  Path dir;

  static Delivery purge(long seq, Instant created) {
    return new Delivery(
        seq,
        "varnish",
        seq + ".varnish",
        seq,
        "purge",
        "updated",
        "",
        Delivery.PENDING,
        0,
        created,
        created,
        null,
        0,
        null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_purge_waits_for_the_slowest_live_node_and_no_longer_than_the_hold(String database) {
    Config config =
        database.equals("sqlite") ? TestDatabases.sqlite(dir) : TestDatabases.postgres(dir);
    var clock = new TestClock(Instant.parse("2026-12-06T12:00:00Z"));
    try (var newsroom = Newsroom.open(config, clock)) {
      var positions = new NodePositions(newsroom.db(), clock);
      var gate = new CachesCaughtUp(positions, clock);

      assertThat(gate.ready(purge(7, clock.instant())))
          .as("no node reports: one node on its own, nothing to wait for")
          .isTrue();

      positions.report("a", 10);
      positions.report("b", 5);
      assertThat(gate.ready(purge(5, clock.instant())))
          .as("both nodes are past 5")
          .isTrue();
      assertThat(gate.ready(purge(6, clock.instant()))).as("b has not read 6").isFalse();

      clock.advance(Duration.ofMillis(500));
      positions.report("b", 6);
      assertThat(gate.ready(purge(6, clock.instant()))).as("b has read 6").isTrue();
      assertThat(gate.ready(purge(8, clock.instant()))).isFalse();

      // b is killed: it stops reporting, and after LIVE_WITHIN it no longer holds purges.
      clock.advance(PositionReporter.LIVE_WITHIN.minusMillis(100));
      positions.report("a", 10);
      assertThat(gate.ready(purge(8, clock.instant())))
          .as("b still counts as live")
          .isFalse();
      clock.advance(Duration.ofMillis(200));
      assertThat(gate.ready(purge(8, clock.instant()))).as("b is gone").isTrue();

      // A node joins at the feed's head (it never cached older pages); then its cache is stuck
      // while a reads on: it holds a purge for MAX_HOLD at most.
      positions.report("c", 10);
      positions.report("a", 12);
      var stuck = purge(11, clock.instant());
      assertThat(gate.ready(stuck)).isFalse();
      clock.advance(CachesCaughtUp.MAX_HOLD.minusMillis(100));
      positions.report("c", 10);
      positions.report("a", 12);
      assertThat(gate.ready(stuck)).as("still within the hold").isFalse();
      clock.advance(Duration.ofMillis(100));
      assertThat(gate.ready(stuck)).as("held for MAX_HOLD, then sent").isTrue();

      positions.leave("c", Duration.ofDays(1));
      assertThat(positions.slowest(PositionReporter.LIVE_WITHIN))
          .as("c has left")
          .hasValue(12);
    }
  }
}
