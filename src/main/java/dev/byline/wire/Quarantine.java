package dev.byline.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Where unreadable deliveries go, never dropped: the file itself and beside it
 * {@code NAME.error.txt} naming the file, the line or field at fault, and the reason. A note
 * never quotes the file. The folder may be writable by agencies, so nothing here follows a link
 * that may have been planted in it: files are created new, and notes are moved into place.
 */
public final class Quarantine {
  private final Path dir;

  public Quarantine(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** Moves a file in (drop folders). Returns where it went. */
  public Path move(Path file, String where, String reason, Instant at) {
    var target = free(file.getFileName().toString());
    try {
      Files.createDirectories(dir);
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException again) {
        throw new UncheckedIOException(
            "cannot quarantine " + file + ": " + again.getMessage(), again);
      }
    }
    note(target, file.getFileName().toString(), where, reason, at);
    return target;
  }

  /** Writes a copy in (imports and pushes, where the original stays with its sender). */
  public Path copy(String name, byte[] bytes, String where, String reason, Instant at) {
    var target = free(safeName(name));
    try {
      Files.createDirectories(dir);
      Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot quarantine " + name + ": " + e.getMessage(), e);
    }
    note(target, name, where, reason, at);
    return target;
  }

  private void note(Path target, String original, String where, String reason, Instant at) {
    var text = "file: " + original + "\n"
        + "where: " + (where == null || where.isEmpty() ? "the whole file" : where) + "\n"
        + "reason: " + reason + "\n"
        + "quarantined: " + at + "\n"
        + "kept as: " + target.getFileName() + "\n";
    var note = target.resolveSibling(target.getFileName() + ".error.txt");
    var partial = target.resolveSibling("." + note.getFileName() + ".tmp");
    try {
      // Written aside then moved in, so whoever watches the folder never reads half a note.
      Files.deleteIfExists(partial);
      Files.writeString(
          partial,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      try {
        Files.move(
            partial, note, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(partial, note, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the quarantine note for " + original + ": " + e.getMessage(), e);
    }
  }

  private Path free(String name) {
    var target = dir.resolve(name);
    for (int i = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); i++)
      target = dir.resolve(name + "." + i);
    return target;
  }

  static String safeName(String name) {
    var base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    if (base.isEmpty() || base.startsWith(".")) base = "item" + base;
    return base.length() > 150 ? base.substring(0, 150) : base;
  }
}
