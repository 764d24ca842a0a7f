package dev.byline.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared real-world inputs are: {@code ../shared/fixtures} beside the repository (as
 * CI lays it out), or the nearest {@code shared/fixtures} further up (as a working copy nested
 * one level deeper sees it). Never copied into the repository.
 */
public final class Fixtures {
  private Fixtures() {}

  public static Path dir() {
    var start = Path.of("").toAbsolutePath();
    for (var d = start.getParent(); d != null; d = d.getParent()) {
      var candidate = d.resolve("shared").resolve("fixtures");
      if (Files.isDirectory(candidate)) return candidate;
    }
    return Path.of("..", "shared", "fixtures");
  }

  public static Path file(String first, String... more) {
    return dir().resolve(Path.of(first, more));
  }
}
