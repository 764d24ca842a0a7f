package dev.byline.auth;

import dev.byline.store.Database;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who did what, when: every editorial and account action. Entries are only ever added. The
 * detail is plain words for people ("headline changed", "role editor → admin"), never a secret.
 *
 * <pre>{@code
 * db.useTransaction(tx -> {
 *   articles.publish(tx, id);
 *   audit.record(tx, user, "article.publish", "article", id, "Port talks resume", ip);
 * });
 * }</pre>
 */
public final class AuditLog {
  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

  public record Entry(
      long id,
      Instant at,
      Long userId,
      String userName,
      String action,
      String subjectType,
      Long subjectId,
      String detail,
      String ip) {}

  private final Database db;
  private final Clock clock;

  public AuditLog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Records something that happened without changing anything stored (a sign-in refused, a
   * sign-out); {@code user} may be null for the system or a failed sign-in. A change is recorded
   * with {@link #record(Tx, User, String, String, Long, String, String)} instead.
   */
  public void record(
      User user, String action, String subjectType, Long subjectId, String detail, String ip) {
    db.useTransaction(tx -> record(tx, user, action, subjectType, subjectId, detail, ip));
  }

  /**
   * Records a change in the unit of work that makes it, so the change and its entry are stored
   * together or not at all: nothing changes unrecorded, and nothing is recorded that did not
   * happen.
   */
  public void record(
      Tx tx,
      User user,
      String action,
      String subjectType,
      Long subjectId,
      String detail,
      String ip) {
    var cleanDetail =
        detail == null ? "" : detail.length() > 1000 ? detail.substring(0, 1000) : detail;
    tx.update("INSERT INTO audit_log (at, user_id, user_name, action, subject_type, subject_id, "
            + "detail, ip) VALUES (:at, :u, :name, :a, :st, :sid, :d, :ip)")
        .bind("at", clock.millis())
        .bind("u", user == null ? null : user.id())
        .bind("name", user == null ? "" : user.name())
        .bind("a", action)
        .bind("st", subjectType == null ? "" : subjectType)
        .bind("sid", subjectId)
        .bind("d", cleanDetail)
        .bind("ip", ip == null ? "" : ip)
        .execute();
    tx.afterCommit(() -> log.info(
        "event=audit action={} user={} subject={}:{}",
        action,
        user == null ? "-" : user.id(),
        subjectType == null ? "" : subjectType,
        subjectId == null ? "" : subjectId));
  }

  /** Newest first; {@code action} filters by prefix ("article." or "user.") when not blank. */
  public List<Entry> recent(String action, int offset, int limit) {
    var prefix = action == null ? "" : action.strip().replace("%", "").replace("_", "");
    return db.read(
        tx -> tx.query("SELECT * FROM audit_log WHERE action LIKE :p ORDER BY at DESC, id DESC "
                + "LIMIT :limit OFFSET :offset")
            .bind("p", prefix + "%")
            .bind("limit", limit)
            .bind("offset", offset)
            .map(AuditLog::entry)
            .list());
  }

  /** Entries about one subject, newest first. */
  public List<Entry> about(String subjectType, long subjectId, int limit) {
    return db.read(
        tx -> tx.query("SELECT * FROM audit_log WHERE subject_type = :t AND subject_id = :id "
                + "ORDER BY at DESC, id DESC LIMIT :limit")
            .bind("t", subjectType)
            .bind("id", subjectId)
            .bind("limit", limit)
            .map(AuditLog::entry)
            .list());
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    long uid = rs.getLong("user_id");
    Long userId = rs.wasNull() ? null : uid;
    long sid = rs.getLong("subject_id");
    Long subjectId = rs.wasNull() ? null : sid;
    return new Entry(
        rs.getLong("id"),
        Instant.ofEpochMilli(rs.getLong("at")),
        userId,
        rs.getString("user_name"),
        rs.getString("action"),
        rs.getString("subject_type"),
        subjectId,
        rs.getString("detail"),
        rs.getString("ip"));
  }
}
