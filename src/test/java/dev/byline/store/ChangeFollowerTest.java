package dev.byline.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.byline.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A follower meets a change it can never handle, and an outage that fails every change. */
class ChangeFollowerTest {
  /** Short waits so the test takes milliseconds; the policy is the same as in production. */
  static final Backoff QUICK = new Backoff(Duration.ofMillis(2), Duration.ofMillis(20));

  static final int ATTEMPTS = 4;

  @TempDir
  Path dir;

  Database db;
  ChangeFeed feed;
  final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void open() {
    db = Database.open(TestDatabases.sqlite(dir));
    feed = new ChangeFeed(db, Clock.systemUTC());
    logged.start();
    ((Logger) LoggerFactory.getLogger(ChangeFollower.class)).addAppender(logged);
  }

  @AfterEach
  void close() {
    ((Logger) LoggerFactory.getLogger(ChangeFollower.class)).detachAppender(logged);
    db.close();
  }

  /** Appends one change about article {@code id} and returns the feed's head. */
  long change(long id) {
    db.useTransaction(tx -> feed.append(tx, "article", id, "updated", Set.of()));
    return feed.head();
  }

  ChangeFollower follow(ChangeFollower.Listener listener) {
    var follower = new ChangeFollower(feed, "test", feed.head(), 20, listener, QUICK, ATTEMPTS);
    follower.start();
    return follower;
  }

  @Test
  void a_change_that_always_fails_is_skipped_and_recorded_and_the_ones_after_it_go_through()
      throws Exception {
    var seen = new CopyOnWriteArrayList<Long>();
    var tries = new AtomicInteger();
    long head = 0;
    try (var follower = follow(changes -> {
      if (changes.stream().anyMatch(c -> c.entityId() == 3)) {
        tries.incrementAndGet();
        throw new IllegalStateException("article 3 cannot be indexed");
      }
      changes.forEach(c -> seen.add(c.entityId()));
    })) {
      for (long id = 1; id <= 6; id++) head = change(id);
      assertThat(follower.awaitPosition(head, 10_000)).isTrue();
    }
    assertThat(seen).containsExactly(1L, 2L, 4L, 5L, 6L);
    assertThat(tries.get()).isGreaterThanOrEqualTo(ATTEMPTS);
    var skipped = feed.skipped().of("test");
    assertThat(skipped).hasSize(1);
    assertThat(skipped.get(0).entityId()).isEqualTo(3);
    assertThat(skipped.get(0).attempts()).isEqualTo(ATTEMPTS);
    assertThat(skipped.get(0).error()).contains("article 3 cannot be indexed");
    // Every failure is an ERROR with its stack trace; the skip says so once more.
    var failures = logged.list.stream()
        .filter(e -> e.getFormattedMessage().startsWith("event=change_follower_failed"))
        .toList();
    assertThat(failures).isNotEmpty().allSatisfy(e -> {
      assertThat(e.getLevel()).isEqualTo(Level.ERROR);
      assertThat(e.getThrowableProxy()).isNotNull();
    });
    assertThat(logged.list)
        .anySatisfy(e -> assertThat(e.getFormattedMessage())
            .startsWith("event=change_skipped follower=test")
            .contains("entity_id=3"));
  }

  @Test
  void an_outage_that_fails_every_change_skips_nothing_and_the_follower_catches_up_after_it()
      throws Exception {
    var seen = new CopyOnWriteArrayList<Long>();
    var down = new AtomicBoolean(true);
    var tries = new AtomicInteger();
    try (var follower = follow(changes -> {
      tries.incrementAndGet();
      if (down.get()) throw new IllegalStateException("the database is down");
      changes.forEach(c -> seen.add(c.entityId()));
    })) {
      long start = follower.position();
      long head = 0;
      for (long id = 1; id <= 5; id++) head = change(id);
      var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (tries.get() < ATTEMPTS * 3 && System.nanoTime() < deadline) Thread.sleep(5);
      assertThat(tries.get()).isGreaterThanOrEqualTo(ATTEMPTS * 3);
      assertThat(follower.position()).isEqualTo(start);
      down.set(false);
      assertThat(follower.awaitPosition(head, 10_000)).isTrue();
    }
    assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(feed.skipped().of("test")).isEmpty();
  }

  @Test
  void waits_double_from_the_first_and_stop_at_the_cap() {
    var backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
    assertThat(List.of(0, 1, 2, 3, 6, 7, 8, 500).stream().map(backoff::after))
        .containsExactly(
            Duration.ZERO,
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(32),
            Duration.ofMinutes(1),
            Duration.ofMinutes(1),
            Duration.ofMinutes(1));
  }
}
