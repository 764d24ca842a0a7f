package dev.byline.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** File chores shared by backup and restore: copying trees, hashing, listing, removing. */
final class BackupFiles {
  private BackupFiles() {}

  /** A folder only its owner can read: backups hold the settings, which may hold secrets. */
  static void createPrivateDirectory(Path dir) throws IOException {
    Files.createDirectories(dir);
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: its own access rules apply.
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) return;
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
          throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(
            file,
            to.resolve(from.relativize(file).toString()),
            StandardCopyOption.REPLACE_EXISTING);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Every regular file under {@code root} but the manifest, with size and SHA-256. */
  static List<BackupManifest.FileEntry> list(Path root) throws IOException {
    var out = new ArrayList<BackupManifest.FileEntry>();
    try (var files = Files.walk(root)) {
      for (var f : files.filter(Files::isRegularFile).sorted().toList()) {
        var rel = root.relativize(f).toString().replace('\\', '/');
        if (rel.equals(BackupManifest.NAME)) continue;
        out.add(new BackupManifest.FileEntry(rel, Files.size(f), sha256(f)));
      }
    }
    return out;
  }

  static String sha256(Path file) throws IOException {
    var digest = ArticleDigests.sha256();
    try (InputStream in = Files.newInputStream(file)) {
      var buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) digest.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) return;
    try (var paths = Files.walk(root)) {
      for (var p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      // Leftover scratch space is untidy, not wrong; the next run uses a new name.
    }
  }
}
