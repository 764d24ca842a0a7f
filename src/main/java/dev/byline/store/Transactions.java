package dev.byline.store;

/**
 * Runs units of work in transactions. What a page handler holds when a change it makes must be
 * stored together with another (the change and its audit entry), without the rest of the
 * database.
 */
public interface Transactions {
  /** The work a transaction does, returning a value. */
  @FunctionalInterface
  interface Work<T> {
    T in(Tx tx);
  }

  /** The work a transaction does, returning nothing. */
  @FunctionalInterface
  interface Action {
    void in(Tx tx);
  }

  /**
   * Runs {@code work} in a transaction: everything it wrote is committed when it returns, and
   * nothing is when it throws. Whoever appended to the change feed in it has its followers told
   * after the commit.
   */
  <T> T inTransaction(Work<T> work);

  /** {@link #inTransaction} for work that returns nothing. */
  void useTransaction(Action action);
}
