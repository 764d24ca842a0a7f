package dev.byline.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * SQL with named parameters ({@code :name}, and {@code <name>} for a list). Values are always
 * bound, never pasted into the text.
 */
public abstract sealed class Statement<S extends Statement<S>>
    permits Query, Update, BatchedUpdate {
  private final SqlStatement<?> statement;

  Statement(SqlStatement<?> statement) {
    this.statement = statement;
  }

  abstract S self();

  public S bind(String name, String value) {
    statement.bind(name, value);
    return self();
  }

  public S bind(String name, long value) {
    statement.bind(name, value);
    return self();
  }

  public S bind(String name, Long value) {
    statement.bind(name, value);
    return self();
  }

  public S bind(String name, int value) {
    statement.bind(name, value);
    return self();
  }

  public S bind(String name, Integer value) {
    statement.bind(name, value);
    return self();
  }

  public S bind(String name, double value) {
    statement.bind(name, value);
    return self();
  }

  public S bind(String name, Double value) {
    statement.bind(name, value);
    return self();
  }

  public S bind(String name, boolean value) {
    statement.bind(name, value);
    return self();
  }

  public S bind(String name, Boolean value) {
    statement.bind(name, value);
    return self();
  }

  /** Any other value the driver takes as it is (a byte array, say). */
  public S bind(String name, Object value) {
    statement.bind(name, value);
    return self();
  }

  /** Binds each value, for a {@code <name>} list in the SQL ({@code WHERE id IN (<ids>)}). */
  public S bindList(String name, Collection<?> values) {
    statement.bindList(name, List.copyOf(values));
    return self();
  }

  /** Binds every entry by its key. */
  public S bindMap(Map<String, ?> values) {
    statement.bindMap(values);
    return self();
  }
}
