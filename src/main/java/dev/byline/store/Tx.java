package dev.byline.store;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * One unit of work on the database: the statements a store runs for one change, on one
 * connection. From {@link Database#inTransaction} they commit together or not at all; from
 * {@link Database#read} each statement stands alone. Stores take a {@code Tx} when their write
 * must be atomic with someone else's (an article and its revision, a change and its audit entry),
 * so no caller ever holds the database library's own types.
 *
 * <pre>{@code
 * long id = db.inTransaction(tx -> {
 *   long article = articles.create(tx, draft);
 *   audit.record(tx, user, "article.create", "article", article, draft.headline(), ip);
 *   return article;
 * });
 * }</pre>
 */
public final class Tx {
  private final Handle handle;
  /** Made on first use: most units of work are reads that never need one. */
  private Map<Object, Runnable> afterCommit;
  /** Surrogate keys named by the changes this unit of work appended. */
  private Set<String> changedKeys;

  Tx(Handle handle) {
    this.handle = handle;
  }

  /** A statement that returns rows ({@code SELECT}, or a write with {@code RETURNING}). */
  public Query query(String sql) {
    return new Query(handle.createQuery(sql));
  }

  /** A statement run once for each of many sets of values, in one round trip. */
  public BatchedUpdate batch(String sql) {
    return new BatchedUpdate(handle.prepareBatch(sql));
  }

  /** A statement that returns a count of rows changed. */
  public Update update(String sql) {
    return new Update(handle.createUpdate(sql));
  }

  /**
   * Runs {@code work} behind a savepoint: if it throws, what it wrote is undone and the rest of
   * the unit of work stands; the exception is passed on.
   */
  public <T> T savepoint(String name, Supplier<T> work) {
    handle.savepoint(name);
    T result;
    try {
      result = work.get();
    } catch (RuntimeException | Error e) {
      handle.rollbackToSavepoint(name);
      throw e;
    }
    handle.releaseSavepoint(name);
    return result;
  }

  /**
   * Runs {@code action} once the unit of work has committed, and not at all if it does not:
   * for what must only be said of a change that happened (a log line, a notice to followers).
   */
  public void afterCommit(Runnable action) {
    afterCommit(new Object(), action);
  }

  /** Runs {@code action} once the unit of work has committed; once per {@code key}. */
  void afterCommit(Object key, Runnable action) {
    if (afterCommit == null) afterCommit = new LinkedHashMap<>();
    afterCommit.putIfAbsent(key, action);
  }

  void changed(Set<String> keys) {
    if (changedKeys == null) changedKeys = new HashSet<>();
    changedKeys.addAll(keys);
  }

  Set<String> changedKeys() {
    return changedKeys == null ? Set.of() : changedKeys;
  }

  Handle handle() {
    return handle;
  }

  void committed() {
    if (afterCommit != null) afterCommit.values().forEach(Runnable::run);
  }
}
