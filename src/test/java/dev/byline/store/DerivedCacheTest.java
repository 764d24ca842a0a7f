package dev.byline.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Derived values are kept until the change feed names what they were built from. */
class DerivedCacheTest {
  @TempDir
  Path dir;

  Database db;
  ChangeFeed feed;

  @BeforeEach
  void open() {
    db = Database.open(TestDatabases.sqlite(dir));
    feed = new ChangeFeed(db, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    db.close();
  }

  static DerivedCache.Entry<String> entry(String value, String... keys) {
    return new DerivedCache.Entry<>(value, Set.of(keys));
  }

  @Test
  void a_value_is_loaded_once_and_kept() {
    DerivedCache<String, String> cache = feed.derivedCache(10);
    var loads = new AtomicInteger();
    for (int i = 0; i < 3; i++)
      assertThat(cache.get("a", k -> {
            loads.incrementAndGet();
            return entry("one", "article:1");
          }))
          .isEqualTo("one");
    assertThat(loads).hasValue(1);
  }

  @Test
  void a_purge_drops_only_values_built_from_a_named_key() {
    DerivedCache<String, String> cache = feed.derivedCache(10);
    cache.get("a", k -> entry("a1", "article:1", "section:1"));
    cache.get("b", k -> entry("b1", "article:2"));
    cache.purge(List.of("section:1"));
    assertThat(cache.get("a", k -> entry("a2", "article:1"))).isEqualTo("a2");
    assertThat(cache.get("b", k -> entry("b2", "article:2"))).isEqualTo("b1");
  }

  @Test
  void nothing_is_kept_when_the_loader_finds_nothing() {
    DerivedCache<String, String> cache = feed.derivedCache(10);
    assertThat(cache.get("a", k -> null)).isNull();
    assertThat(cache.get("a", k -> entry("found", "article:1"))).isEqualTo("found");
  }

  @Test
  void a_load_that_overlaps_a_purge_is_returned_but_not_kept() {
    DerivedCache<String, String> cache = feed.derivedCache(10);
    // The loader read the old value; the change commits and purges before the load is stored.
    var value = cache.get("a", k -> {
      cache.purge(List.of("article:1"));
      return entry("old", "article:1");
    });
    assertThat(value).isEqualTo("old");
    assertThat(cache.get("a", k -> entry("new", "article:1"))).isEqualTo("new");
  }

  @Test
  void a_local_commit_purges_before_the_writer_returns() {
    DerivedCache<String, String> cache = feed.derivedCache(10);
    cache.get("a", k -> entry("old", "article:7"));
    db.useTransaction(tx -> feed.append(tx, "article", 7, "updated", Set.of("article:7")));
    assertThat(cache.get("a", k -> entry("new", "article:7"))).isEqualTo("new");
  }

  @Test
  void a_rolled_back_unit_of_work_purges_nothing() {
    DerivedCache<String, String> cache = feed.derivedCache(10);
    cache.get("a", k -> entry("kept", "article:7"));
    try {
      db.useTransaction(tx -> {
        feed.append(tx, "article", 7, "updated", Set.of("article:7"));
        throw new IllegalStateException("abandoned");
      });
    } catch (IllegalStateException expected) {
      // the change never happened
    }
    assertThat(cache.get("a", k -> entry("reloaded", "article:7"))).isEqualTo("kept");
  }

  @Test
  void another_process_change_is_purged_before_the_page_follower_listener_runs() throws Exception {
    DerivedCache<String, String> cache = feed.derivedCache(10);
    cache.get("a", k -> entry("old", "article:9"));
    // Another process (or node) writes through its own feed: this feed's commit hook never runs.
    var otherProcess = new ChangeFeed(db, Clock.systemUTC());
    db.useTransaction(tx -> otherProcess.append(tx, "article", 9, "updated", Set.of("article:9")));
    assertThat(cache.get("a", k -> entry("new", "article:9")))
        .as("not yet followed")
        .isEqualTo("old");
    var seen = new java.util.concurrent.CompletableFuture<String>();
    try (var follower = feed.followReadingOwnWrites(
        "probe", 0, 20, changes -> seen.complete(cache.get("a", k -> entry("new", "article:9"))))) {
      assertThat(seen.get(
              Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
          .as("what the listener reads")
          .isEqualTo("new");
    }
  }
}
