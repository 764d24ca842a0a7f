package dev.byline.wire;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared fixtures are: {@code ../shared/fixtures} beside the repository (as CI lays it
 * out), or one level further up for a working tree kept in a sub-folder.
 */
final class SharedFixtures {
  private SharedFixtures() {}

  static Path root() {
    for (var candidate : new Path[] {Path.of("..", "shared", "fixtures"), Path.of("..", "..", "shared", "fixtures")}) {
      if (Files.isDirectory(candidate)) return candidate;
    }
    return Path.of("..", "shared", "fixtures");
  }

  static Path wire() {
    return root().resolve("wire");
  }
}
