package dev.byline.store;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets writes come back by themselves after the database was read-only for a while: a SQLite
 * file made read-only or a PostgreSQL server in read-only mode (a standby after fail-over, or
 * {@code default_transaction_read_only}). A connection opened meanwhile stays read-only for its
 * whole life, so the pool would keep refusing writes long after the database takes them again.
 * On the first refusal every pooled connection is therefore replaced (idle ones at once, busy
 * ones when they are given back), and the next write gets a connection opened afresh.
 */
final class ReadOnlyRecovery implements SQLExceptionOverride {
  private static final Logger log = LoggerFactory.getLogger(ReadOnlyRecovery.class);

  /** SQLite's primary result code for a write to a database opened read-only. */
  static final int SQLITE_READONLY = 8;

  /** PostgreSQL's SQLSTATE for a write in a read-only transaction. */
  static final String POSTGRES_READ_ONLY_TRANSACTION = "25006";

  private volatile HikariDataSource pool;
  private final AtomicBoolean refusing = new AtomicBoolean();

  /** The pool whose connections are replaced; set once it exists. */
  void watch(HikariDataSource pool) {
    this.pool = pool;
  }

  @java.lang.Override
  public Override adjudicate(SQLException e) {
    if (!readOnly(e)) return Override.CONTINUE_EVICT;
    if (refusing.compareAndSet(false, true)) {
      log.warn(
          "event=database_read_only action=replacing_connections error=\"{}\"", e.getMessage());
    }
    var p = pool;
    var bean = p == null ? null : p.getHikariPoolMXBean();
    if (bean != null) bean.softEvictConnections();
    return Override.MUST_EVICT;
  }

  /** Told of a committed write: the database takes writes (again). */
  void wrote() {
    if (refusing.get() && refusing.compareAndSet(true, false)) log.info("event=database_writable");
  }

  /** Whether {@code failure}, or anything that caused it, is the database refusing a write. */
  static boolean readOnly(Throwable failure) {
    for (var t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        for (var s = sql; s != null; s = s.getNextException()) {
          if (POSTGRES_READ_ONLY_TRANSACTION.equals(s.getSQLState())) return true;
          if (sqlite(s) && (s.getErrorCode() & 0xff) == SQLITE_READONLY) return true;
        }
      }
    }
    return false;
  }

  private static boolean sqlite(SQLException e) {
    return e.getClass().getName().startsWith("org.sqlite.");
  }
}
