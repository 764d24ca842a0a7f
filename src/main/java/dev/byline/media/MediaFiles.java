package dev.byline.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Blob storage for media under {@code <data>/media}. Keys are generated here and checked on the
 * way back in, so a request path can never walk out of the folder.
 */
public final class MediaFiles {
  private static final Pattern KEY =
      Pattern.compile("[a-z0-9]{2}/[a-z0-9]{2,64}(?:-[a-z0-9]{1,16})?\\.(?:jpg|png|gif|webp|svg)");

  private final Path root;

  public MediaFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create media folder " + this.root, e);
    }
  }

  /** Writes bytes under the key, atomically: readers see the whole file or none. */
  public void write(String key, byte[] bytes) {
    var target =
        pathOf(key).orElseThrow(() -> new IllegalArgumentException("bad media key " + key));
    try {
      Files.createDirectories(target.getParent());
      var tmp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
      try {
        Files.write(tmp, bytes);
        try {
          Files.move(
              tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write media file " + target, e);
    }
  }

  public void delete(String key) {
    pathOf(key).ifPresent(p -> {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // A leftover file is harmless: nothing refers to it.
      }
    });
  }

  /** The file for a key, or empty when the key is not one this store could have made. */
  public Optional<Path> pathOf(String key) {
    if (key == null || !KEY.matcher(key).matches()) return Optional.empty();
    var p = root.resolve(key).normalize();
    return p.startsWith(root) ? Optional.of(p) : Optional.empty();
  }

  public Path root() {
    return root;
  }
}
