package dev.byline.testing;

import dev.byline.Newsroom;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;

/** A demo newsroom seeded once per test JVM, copied into each test's data directory. */
final class DemoTemplate {
  private static Path template;

  private DemoTemplate() {}

  static synchronized void copyTo(Path dataDir) {
    if (template == null) template = seed();
    copyTree(template, dataDir);
  }

  private static Path seed() {
    try {
      var dir = Files.createTempDirectory("byline-demo-template");
      try (var newsroom = Newsroom.open(TestDatabases.sqlite(dir), Clock.systemUTC())) {
        newsroom.demo().seed();
        // Fold the WAL into the main file so a plain copy is complete.
        newsroom.db().jdbi().useHandle(h -> h.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) {
    try {
      Files.walkFileTree(from, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
            throws IOException {
          Files.createDirectories(to.resolve(from.relativize(dir).toString()));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          var name = file.getFileName().toString();
          if (!name.endsWith("-wal") && !name.endsWith("-shm")) {
            Files.copy(
                file,
                to.resolve(from.relativize(file).toString()),
                StandardCopyOption.REPLACE_EXISTING);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
