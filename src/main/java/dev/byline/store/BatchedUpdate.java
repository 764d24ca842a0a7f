package dev.byline.store;

import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * One statement run for many sets of values in a single round trip: bind a set, {@link #add} it,
 * bind the next. For bulk writes such as the audience counts flushed once a minute.
 *
 * <pre>{@code
 * var b = tx.batch("INSERT INTO t (k, v) VALUES (:k, :v)");
 * rows.forEach((k, v) -> b.bind("k", k).bind("v", v).add());
 * b.execute();
 * }</pre>
 */
public final class BatchedUpdate extends Statement<BatchedUpdate> {
  private final PreparedBatch batch;
  private int sets;

  BatchedUpdate(PreparedBatch batch) {
    super(batch);
    this.batch = batch;
  }

  @Override
  BatchedUpdate self() {
    return this;
  }

  /** Keeps the values bound so far as one set and starts the next. */
  public BatchedUpdate add() {
    batch.add();
    sets++;
    return this;
  }

  /** Runs the statement once per set added; nothing when none was. Returns the rows changed. */
  public int execute() {
    if (sets == 0) return 0;
    int changed = 0;
    for (int n : batch.execute()) changed += Math.max(n, 0);
    return changed;
  }
}
