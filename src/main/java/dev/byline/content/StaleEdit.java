package dev.byline.content;

/** A save based on an older version than the one stored: someone else saved in between. */
public final class StaleEdit extends RuntimeException {
  private final int expectedVersion;
  private final int actualVersion;

  public StaleEdit(long articleId, int expectedVersion, int actualVersion) {
    super("article " + articleId + " was changed by someone else (you edited version "
        + expectedVersion + ", it is now version " + actualVersion + ")");
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  public int expectedVersion() {
    return expectedVersion;
  }

  public int actualVersion() {
    return actualVersion;
  }
}
