package dev.byline.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared real-world test inputs are: {@code ../shared/fixtures} beside the project
 * (as CI lays it out), or one level further up when the project is a worktree in a folder of
 * worktrees.
 */
public final class Fixtures {
  private Fixtures() {}

  public static Path dir() {
    for (var candidate :
        new Path[] {Path.of("..", "shared", "fixtures"), Path.of("..", "..", "shared", "fixtures")
        }) {
      if (Files.isDirectory(candidate)) return candidate;
    }
    throw new AssertionError("the shared fixtures are not at ../shared/fixtures (from "
        + Path.of("").toAbsolutePath() + ")");
  }

  public static Path path(String first, String... more) {
    return dir().resolve(Path.of(first, more));
  }
}
