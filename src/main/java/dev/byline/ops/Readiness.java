package dev.byline.ops;

import dev.byline.search.SearchIndex;
import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Whether this node can serve readers correctly now. Each check is independent and names
 * itself, so an operator reading {@code /readyz} sees which part failed, not just that one did.
 */
public final class Readiness {
  /**
   * Change-feed entries the index may trail by and still count as ready: a burst of wire items
   * is applied within seconds; thousands behind means the indexer is stuck or rebuilding.
   */
  public static final long DEFAULT_MAX_INDEX_LAG = 1000;
  /** Free space below which SQLite, Lucene merges and uploads start failing in practice. */
  public static final long DEFAULT_MIN_FREE_MB = 256;

  /** One named check: {@code detail} says what was measured or what went wrong. */
  public record Check(String name, boolean ok, String detail) {}

  /** All checks; ready only when every one is ok. */
  public record Report(List<Check> checks) {
    public boolean ready() {
      return checks.stream().allMatch(Check::ok);
    }
  }

  private final HealthProbe probe;
  private final ChangeFeed feed;
  private final SearchIndex index;
  private final Path dataDir;
  private final long maxIndexLag;
  private final long minFreeBytes;
  private final Clock clock;

  public Readiness(
      HealthProbe probe,
      ChangeFeed feed,
      SearchIndex index,
      Path dataDir,
      long maxIndexLag,
      long minFreeMb,
      Clock clock) {
    this.probe = probe;
    this.feed = feed;
    this.index = index;
    this.dataDir = dataDir;
    this.maxIndexLag = maxIndexLag;
    this.minFreeBytes = minFreeMb * 1024 * 1024;
    this.clock = clock;
  }

  public Report check() {
    return new Report(List.of(database(), searchIndex(), disk()));
  }

  private Check database() {
    long now = clock.millis();
    try {
      long read = probe.writeAndRead(now);
      return read == now
          ? new Check("database", true, "wrote and read back a row")
          : new Check("database", false, "read back " + read + " after writing " + now);
    } catch (RuntimeException e) {
      if (Database.refusedAsReadOnly(e))
        return new Check("database", false, "read-only: the database refuses writes");
      return new Check(
          "database", false, "write or read failed: " + e.getClass().getSimpleName());
    }
  }

  private Check searchIndex() {
    if (!index.isOpen()) return new Check("search_index", false, "closed");
    if (!index.isReady()) return new Check("search_index", false, "rebuilding");
    try {
      long lag = Math.max(0, feed.head() - index.position());
      return new Check(
          "search_index",
          lag <= maxIndexLag,
          lag + " changes behind the feed (limit " + maxIndexLag + ")");
    } catch (RuntimeException e) {
      return new Check("search_index", false, "could not read the change feed head");
    }
  }

  private Check disk() {
    try {
      long free = Files.getFileStore(dataDir).getUsableSpace();
      return new Check(
          "disk",
          free >= minFreeBytes,
          (free >> 20) + " MB free in the data directory (minimum " + (minFreeBytes >> 20)
              + " MB)");
    } catch (IOException e) {
      return new Check("disk", false, "cannot read free space: " + e.getMessage());
    }
  }
}
