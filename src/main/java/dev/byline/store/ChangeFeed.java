package dev.byline.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The outbox: every content write appends here in the same transaction, and everything derived
 * (page cache, search index, feeds) follows it by sequence number. A second node follows the
 * same table, so multi-node needs nothing more.
 *
 * <pre>{@code
 * db.useTransaction(tx -> {
 *   tx.update("UPDATE section SET name = :name WHERE id = :id").bind("name", name).bind("id", id).execute();
 *   feed.append(tx, "section", id, "updated", Set.of("section:" + id, "front"));
 * }); // local followers are woken once it has committed, rather than at their next poll
 * }</pre>
 */
public final class ChangeFeed {
  private final Database db;
  private final Clock clock;
  private final List<Runnable> wakeups = new CopyOnWriteArrayList<>();
  private final List<ChangeFollower> readYourWrites = new CopyOnWriteArrayList<>();
  private final List<DerivedCache<?, ?>> derived = new CopyOnWriteArrayList<>();
  private final SkippedChanges skipped;
  /** Long enough for an in-memory purge under load; short enough that a stuck follower never stalls editors. */
  static final long READ_YOUR_WRITES_TIMEOUT_MS = 2_000;

  public ChangeFeed(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.skipped = new SkippedChanges(db, clock);
  }

  /** Changes followers gave up on, for operators and tests. */
  public SkippedChanges skipped() {
    return skipped;
  }

  /**
   * Appends one change inside the caller's unit of work; once it commits, local followers are
   * told ({@link #committed(Set)}).
   */
  public void append(Tx tx, String entity, long entityId, String action, Set<String> keys) {
    tx.changed(keys);
    tx.afterCommit(this, () -> committed(tx.changedKeys()));
    var h = tx.handle();
    if (db.dialect() == Dialect.POSTGRESQL) {
      // Identity values are handed out before commit, so two concurrent writers could commit
      // seq 8 after a follower has already read seq 9 and moved past 8. Serialising appenders
      // for the rest of the transaction keeps commit order equal to sequence order. SQLite has
      // a single writer and needs nothing.
      h.execute("SELECT pg_advisory_xact_lock(7177001)");
    }
    h.createUpdate("INSERT INTO change_feed (at, entity, entity_id, action, purge_keys) "
            + "VALUES (:at, :entity, :id, :action, :keys)")
        .bind("at", clock.millis())
        .bind("entity", entity)
        .bind("id", entityId)
        .bind("action", action)
        .bind("keys", String.join(" ", keys))
        .execute();
  }

  /**
   * A cache of values derived from the database that this feed purges: at once for this process's
   * commits, and through the read-your-writes followers for other processes' and nodes' (see {@link
   * DerivedCache}).
   *
   * @param maxEntries how many values to keep
   */
  public <K, V> DerivedCache<K, V> derivedCache(long maxEntries) {
    var cache = new DerivedCache<K, V>(maxEntries);
    derived.add(cache);
    return cache;
  }

  /**
   * Tells local followers to look now; runs after every unit of work that appended commits. Returns
   * once read-your-writes followers (the page cache) have handled the change, so the editor who
   * unpublished a story never sees it served again from this node.
   *
   * @param keys the surrogate keys the unit of work's changes named: derived caches drop them
   *     first, so no follower can rebuild a page from a value read before the change
   */
  public void committed(Set<String> keys) {
    if (!keys.isEmpty()) for (var cache : derived) cache.purge(keys);
    wakeups.forEach(Runnable::run);
    if (readYourWrites.isEmpty()) return;
    long head = head();
    for (var follower : readYourWrites) {
      if (follower.isOwnThread()) continue; // a listener that writes must not wait for itself
      try {
        follower.awaitPosition(head, READ_YOUR_WRITES_TIMEOUT_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  void onCommit(Runnable wakeup) {
    wakeups.add(wakeup);
  }

  void removeOnCommit(Runnable wakeup) {
    wakeups.remove(wakeup);
  }

  /** Changes after {@code seq}, oldest first, at most {@code limit}. */
  public List<Change> after(long seq, int limit) {
    return db.jdbi()
        .withHandle(h -> h.createQuery(
                "SELECT seq, at, entity, entity_id, action, purge_keys FROM change_feed "
                    + "WHERE seq > :seq ORDER BY seq LIMIT :limit")
            .bind("seq", seq)
            .bind("limit", limit)
            .map((rs, ctx) -> new Change(
                rs.getLong("seq"),
                Instant.ofEpochMilli(rs.getLong("at")),
                rs.getString("entity"),
                rs.getLong("entity_id"),
                rs.getString("action"),
                splitKeys(rs.getString("purge_keys"))))
            .list());
  }

  /** The newest sequence number, 0 when the feed is empty. */
  public long head() {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM change_feed")
            .mapTo(Long.class)
            .one());
  }

  /**
   * Starts a daemon thread that hands every change after {@code fromSeq} to {@code listener},
   * in order, polling every {@code pollMillis} and at once after local commits.
   */
  public ChangeFollower follow(
      String name, long fromSeq, long pollMillis, ChangeFollower.Listener listener) {
    var follower = new ChangeFollower(this, name, fromSeq, pollMillis, listener);
    follower.start();
    return follower;
  }

  /**
   * Like {@link #follow}, and every local commit waits until this follower has handled it. Only
   * for fast, in-memory listeners (a slow one would slow every write). The derived caches are
   * purged of each change just before the listener sees it: such a follower purges pages, which
   * are rebuilt from those caches. Other followers neither read them nor purge them, so a change
   * is purged once per process here, not once per follower.
   */
  public ChangeFollower followReadingOwnWrites(
      String name, long fromSeq, long pollMillis, ChangeFollower.Listener listener) {
    ChangeFollower.Listener purgingFirst = changes -> {
      for (var cache : derived) cache.onChanges(changes);
      listener.onChanges(changes);
    };
    var follower = follow(name, fromSeq, pollMillis, purgingFirst);
    readYourWrites.add(follower);
    return follower;
  }

  void stopWaitingFor(ChangeFollower follower) {
    readYourWrites.remove(follower);
  }

  private static Set<String> splitKeys(String keys) {
    if (keys == null || keys.isBlank()) return Set.of();
    return new LinkedHashSet<>(Arrays.asList(keys.trim().split(" +")));
  }
}
