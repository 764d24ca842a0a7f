package dev.byline.ops;

import dev.byline.store.Database;

/**
 * Proves the database takes a write and gives it back: rewrites this node's row and reads it.
 * One row per node, so nodes never wait on each other's probe.
 */
public final class HealthProbe {
  private final Database db;
  private final String node;

  public HealthProbe(Database db, String node) {
    this.db = db;
    this.node = node;
  }

  /** Writes {@code now} and returns what reads back; a failure surfaces as an exception. */
  public long writeAndRead(long now) {
    return db.inTransaction(tx -> {
      tx.update("INSERT INTO health_probe (node, checked_at) VALUES (:node, :at)"
              + " ON CONFLICT (node) DO UPDATE SET checked_at = excluded.checked_at")
          .bind("node", node)
          .bind("at", now)
          .execute();
      return tx.query("SELECT checked_at FROM health_probe WHERE node = :node")
          .bind("node", node)
          .mapTo(Long.class)
          .one();
    });
  }
}
