package dev.byline.ops;

import dev.byline.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a backup holds, written last so its presence means the backup finished: every file with
 * its size and SHA-256, and the articles in the database copy with a content hash each, so a
 * restore can prove it brought back what was taken.
 *
 * @param format manifest layout version; a reader refuses versions it does not know
 * @param takenAt when the backup was taken, epoch milliseconds UTC
 * @param database "sqlite" or "postgresql": which file holds the database
 * @param articles article count in the database copy
 * @param articleHashes article id to its content hash
 * @param files every file in the backup but the manifest, relative paths with forward slashes
 */
public record BackupManifest(
    int format,
    long takenAt,
    String database,
    int articles,
    Map<Long, String> articleHashes,
    List<FileEntry> files) {
  public static final String NAME = "manifest.json";
  public static final int FORMAT = 1;

  public BackupManifest {
    articleHashes = Map.copyOf(articleHashes);
    files = List.copyOf(files);
  }

  /** One file: where it is inside the backup, how long it is, and its SHA-256 in hex. */
  public record FileEntry(String path, long size, String sha256) {}

  public void write(Path file) throws IOException {
    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
  }

  public static BackupManifest read(Path file) throws IOException {
    return Json.MAPPER.readValue(file.toFile(), BackupManifest.class);
  }
}
