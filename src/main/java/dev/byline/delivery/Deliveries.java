package dev.byline.delivery;

import dev.byline.store.Change;
import dev.byline.store.Database;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Owns the delivery queue and its cursor into the change feed. Enqueueing a change and moving
 * the cursor past it happen in one transaction, and each delivery's idempotency key is unique,
 * so a change is queued once per target however often it is read.
 */
public final class Deliveries {
  static final String CURSOR = "deliveries";
  /** Longest error text kept; enough for an HTTP status line and a short reason. */
  static final int MAX_ERROR = 500;

  private final Database db;

  public Deliveries(Database db) {
    this.db = db;
  }

  /** Where the queue has read the feed up to, if it has started. */
  Optional<Long> cursor() {
    return db.read(tx -> tx.query("SELECT seq FROM delivery_cursor WHERE name = :n")
        .bind("n", CURSOR)
        .mapTo(Long.class)
        .findOne());
  }

  /** Queues what each target wants of {@code changes} and moves the cursor past them. */
  int enqueue(List<Change> changes, List<? extends Target> targets, long now) {
    if (changes.isEmpty()) return 0;
    return db.inTransaction(tx -> {
      int queued = 0;
      for (var change : changes) {
        for (var target : targets) {
          var wanted = target.wants(change);
          if (wanted.isPresent()) queued += insert(tx, change, target.name(), wanted.get(), now);
        }
      }
      moveCursor(tx, changes.get(changes.size() - 1).seq());
      return queued;
    });
  }

  void startCursorAt(long seq) {
    db.useTransaction(tx -> tx.update(
            "INSERT INTO delivery_cursor (name, seq) VALUES (:n, :s) ON CONFLICT (name) DO NOTHING")
        .bind("n", CURSOR)
        .bind("s", seq)
        .execute());
  }

  private static void moveCursor(Tx tx, long seq) {
    tx.update("INSERT INTO delivery_cursor (name, seq) VALUES (:n, :s) "
            + "ON CONFLICT (name) DO UPDATE SET seq = excluded.seq")
        .bind("n", CURSOR)
        .bind("s", seq)
        .execute();
  }

  private static int insert(Tx tx, Change change, String target, Target.Queued q, long now) {
    return tx.update("INSERT INTO delivery (target, idempotency_key, change_seq, order_key, "
            + "event, payload, status, attempts, next_at, created_at) VALUES (:target, :key, :seq, "
            + ":order, :event, :payload, 'pending', 0, :now, :now) "
            + "ON CONFLICT (idempotency_key) DO NOTHING")
        .bind("target", target)
        .bind("key", idempotencyKey(change.seq(), target))
        .bind("seq", change.seq())
        .bind("order", q.orderKey())
        .bind("event", q.event())
        .bind("payload", q.payload())
        .bind("now", now)
        .execute();
  }

  /** One key per change and target, the same on every node and every retry. */
  static String idempotencyKey(long seq, String target) {
    return seq + "." + target;
  }

  /**
   * The oldest pending delivery for {@code target} that is due and has no earlier pending
   * delivery with the same order key: a retry holds back later news of its own article only.
   */
  Optional<Delivery> nextDue(String target, long now) {
    // The head of each order key's pending queue, then the oldest head that is due: a grouping
    // over the pending rows only (index delivery_pending). The NOT EXISTS form it replaces took
    // about 100 ms a call on PostgreSQL once a backlog of a few hundred had formed, which slowed
    // sending and so grew the backlog further (ClusterHttpTest, node B killed mid-burst).
    return db.read(tx -> tx.query("SELECT * FROM delivery d WHERE d.id IN (SELECT MIN(p.id) "
            + "FROM delivery p WHERE p.target = :t AND p.status = 'pending' GROUP BY p.order_key) "
            + "AND d.next_at <= :now ORDER BY d.id LIMIT 1")
        .bind("t", target)
        .bind("now", now)
        .map(Deliveries::read)
        .findOne());
  }

  /** When the next pending delivery for {@code target} falls due, if any is pending. */
  Optional<Long> nextAt(String target) {
    return db.read(
        tx -> tx.query("SELECT MIN(next_at) FROM delivery WHERE target = :t AND status = 'pending'")
            .bind("t", target)
            .mapTo(Long.class)
            .findOne());
  }

  /**
   * Takes a delivery for one attempt, holding it until {@code leaseUntil} so no other worker
   * (on this node or another) sends it meanwhile. False when another took it first.
   */
  boolean claim(Delivery d, long leaseUntil) {
    return db.inTransaction(tx -> tx.update("UPDATE delivery SET attempts = attempts + 1, "
                + "next_at = :lease WHERE id = :id AND status = 'pending' "
                + "AND attempts = :attempts")
            .bind("lease", leaseUntil)
            .bind("id", d.id())
            .bind("attempts", d.attempts())
            .execute())
        == 1;
  }

  /** Marks a delivery sent; the last error stays, so the log shows what it went through. */
  void delivered(long id, int httpStatus, long now) {
    finish(id, Delivery.DELIVERED, httpStatus, null, now, now);
  }

  void retryAt(long id, int httpStatus, String error, long nextAt) {
    finish(id, Delivery.PENDING, httpStatus, error, nextAt, null);
  }

  void failed(long id, int httpStatus, String error, long now) {
    finish(id, Delivery.FAILED, httpStatus, error, now, now);
  }

  private void finish(
      long id, String status, int httpStatus, String error, long nextAt, Long doneAt) {
    var text =
        error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    db.useTransaction(tx -> tx.update("UPDATE delivery SET status = :status, "
            + "last_status = :http, last_error = COALESCE(:error, last_error), next_at = :next, done_at = :done "
            + "WHERE id = :id")
        .bind("status", status)
        .bind("http", httpStatus)
        .bind("error", text)
        .bind("next", nextAt)
        .bind("done", doneAt)
        .bind("id", id)
        .execute());
  }

  /** The newest deliveries, optionally for one target only, for the delivery log. */
  public List<Delivery> recent(String target, int limit) {
    boolean all = target == null || target.isEmpty();
    return db.read(tx -> {
      var q = tx.query("SELECT * FROM delivery " + (all ? "" : "WHERE target = :t ")
          + "ORDER BY id DESC LIMIT :n");
      if (!all) q.bind("t", target);
      return q.bind("n", limit).map(Deliveries::read).list();
    });
  }

  /** Deliveries in queue order for one target, for tests and operators' tools. */
  public List<Delivery> forTarget(String target) {
    return db.read(tx -> tx.query("SELECT * FROM delivery WHERE target = :t ORDER BY id")
        .bind("t", target)
        .map(Deliveries::read)
        .list());
  }

  private static Delivery read(ResultSet rs) throws SQLException {
    long done = rs.getLong("done_at");
    boolean notDone = rs.wasNull();
    return new Delivery(
        rs.getLong("id"),
        rs.getString("target"),
        rs.getString("idempotency_key"),
        rs.getLong("change_seq"),
        rs.getString("order_key"),
        rs.getString("event"),
        rs.getString("payload"),
        rs.getString("status"),
        rs.getInt("attempts"),
        Instant.ofEpochMilli(rs.getLong("next_at")),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        notDone ? null : Instant.ofEpochMilli(done),
        rs.getInt("last_status"),
        rs.getString("last_error"));
  }
}
