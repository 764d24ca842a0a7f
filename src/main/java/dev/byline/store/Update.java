package dev.byline.store;

/** A statement that changes rows and returns how many. */
public final class Update extends Statement<Update> {
  private final org.jdbi.v3.core.statement.Update update;

  Update(org.jdbi.v3.core.statement.Update update) {
    super(update);
    this.update = update;
  }

  @Override
  Update self() {
    return this;
  }

  /** Runs it; returns the number of rows changed. */
  public int execute() {
    return update.execute();
  }
}
