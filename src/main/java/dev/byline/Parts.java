package dev.byline;

import java.util.ArrayList;
import java.util.List;

/** What a running site must close, closed in the reverse of the order it was added. */
final class Parts implements AutoCloseable {
  private final List<AutoCloseable> parts = new ArrayList<>();

  /** Adds a part that holds threads, files or connections; returns it for the next line. */
  <T extends AutoCloseable> T add(T part) {
    parts.add(part);
    return part;
  }

  @Override
  public void close() {
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception ignored) {
        // Closing is best effort; the next part must still close.
      }
    }
  }
}
