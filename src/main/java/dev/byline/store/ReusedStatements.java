package dev.byline.store;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Prepares each distinct SQL text once per handle and reuses it while the handle lives. A bulk
 * import runs the same few dozen statements thousands of times in one transaction, and for
 * SQLite preparing a statement costs about as much as running it. A statement still in use (its
 * results being read while the same SQL runs again, as in a nested query) is never handed out
 * twice: the second use gets a fresh statement that is closed as usual.
 */
final class ReusedStatements implements StatementBuilder {
  /** More distinct statements than any unit of work here runs; beyond it, statements are not kept. */
  static final int MAX_KEPT = 128;

  private final DefaultStatementBuilder fresh = new DefaultStatementBuilder();
  private final Map<String, PreparedStatement> idle = new HashMap<>();
  private final Map<Statement, String> kept = new IdentityHashMap<>();
  private final Set<Statement> inUse = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  @Override
  public Statement create(Connection conn, StatementContext ctx) throws SQLException {
    return fresh.create(conn, ctx);
  }

  @Override
  public PreparedStatement create(Connection conn, String sql, StatementContext ctx)
      throws SQLException {
    var key = key(sql, ctx);
    var statement = idle.remove(key);
    if (statement != null && statement.isClosed()) {
      kept.remove(statement);
      statement = null;
    }
    if (statement == null) {
      statement = fresh.create(conn, sql, ctx);
      if (kept.size() >= MAX_KEPT) return statement;
      kept.put(statement, key);
    }
    inUse.add(statement);
    return statement;
  }

  @Override
  public CallableStatement createCall(Connection conn, String sql, StatementContext ctx)
      throws SQLException {
    return fresh.createCall(conn, sql, ctx);
  }

  @Override
  public void close(Connection conn, String sql, Statement statement) throws SQLException {
    var key = kept.get(statement);
    if (key == null || !inUse.remove(statement) || idle.containsKey(key)) {
      if (key != null) kept.remove(statement);
      statement.close();
      return;
    }
    try {
      if (statement instanceof PreparedStatement p) {
        p.clearParameters();
        p.clearBatch();
      }
      idle.put(key, (PreparedStatement) statement);
    } catch (SQLException e) {
      kept.remove(statement);
      statement.close();
    }
  }

  @Override
  public void close(Connection conn) {
    for (var statement : kept.keySet()) {
      try {
        statement.close();
      } catch (SQLException ignored) {
        // The connection goes back to the pool, which closes what is left open.
      }
    }
    kept.clear();
    idle.clear();
    inUse.clear();
  }

  /** Generated-key statements are prepared differently, so they are kept apart from plain ones. */
  private static String key(String sql, StatementContext ctx) {
    if (ctx.isConcurrentUpdatable()) return "updatable:" + sql;
    if (!ctx.isReturningGeneratedKeys()) return sql;
    var names = ctx.getGeneratedKeysColumnNames();
    return "keys:" + (names == null ? "" : String.join(",", names)) + ":" + sql;
  }
}
