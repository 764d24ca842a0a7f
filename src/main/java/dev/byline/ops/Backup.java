package dev.byline.ops;

import dev.byline.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * Takes an online backup while the site serves: the database through SQLite's backup API (or
 * {@code pg_dump} on a snapshot for PostgreSQL), the media files and the settings file, then the
 * manifest. Everything is written to a sibling folder and renamed into place at the end, so a
 * folder with the backup's name is always a finished backup.
 *
 * <pre>{@code
 * var manifest = Backup.take(config, settingsFile, Path.of("/backups/2026-12-06"), clock);
 * }</pre>
 */
public final class Backup {
  /** Where the database lands inside a backup, per dialect. */
  public static final String SQLITE_FILE = "database/byline.db";

  public static final String POSTGRES_FILE = "database/byline.sql";
  public static final String MEDIA_DIR = "media";
  public static final String SETTINGS_FILE = "settings/byline.properties";

  private Backup() {}

  /**
   * @param settings the settings file to include, or null when there is none
   * @param target a folder that does not exist yet (or is empty)
   */
  public static BackupManifest take(Config config, Path settings, Path target, Clock clock) {
    target = target.toAbsolutePath().normalize();
    if (Files.exists(target) && !isEmptyDirectory(target))
      throw new BackupException(target + " already exists and is not empty: choose a new folder");
    var staging = target.resolveSibling(target.getFileName() + ".partial-" + System.nanoTime());
    try {
      BackupFiles.createPrivateDirectory(staging);
      Files.createDirectories(staging.resolve("database"));
      Map<Long, String> hashes;
      String kind;
      if (config.embeddedDatabase()) {
        kind = "sqlite";
        hashes = sqlite(config.dataDir().resolve("byline.db"), staging.resolve(SQLITE_FILE));
      } else {
        kind = "postgresql";
        hashes = PostgresDump.dump(config, staging.resolve(POSTGRES_FILE));
      }
      BackupFiles.copyTree(config.dataDir().resolve("media"), staging.resolve(MEDIA_DIR));
      if (settings != null && Files.isRegularFile(settings)) {
        Files.createDirectories(staging.resolve(SETTINGS_FILE).getParent());
        Files.copy(settings, staging.resolve(SETTINGS_FILE));
      }
      var manifest = new BackupManifest(
          BackupManifest.FORMAT,
          clock.millis(),
          kind,
          hashes.size(),
          hashes,
          BackupFiles.list(staging));
      manifest.write(staging.resolve(BackupManifest.NAME));
      if (Files.exists(target)) Files.delete(target);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return manifest;
    } catch (IOException e) {
      throw new BackupException("backup to " + target + " failed: " + e.getMessage(), e);
    } finally {
      BackupFiles.deleteTree(staging);
    }
  }

  /**
   * SQLite's online backup API copies the pages of a consistent state, restarting by itself if a
   * writer changes the source meanwhile; the copy is then switched out of WAL mode so it is one
   * self-contained file. Hashes come from the copy, so they describe exactly what was saved.
   */
  static Map<Long, String> sqlite(Path source, Path copy) throws IOException {
    if (!Files.isRegularFile(source))
      throw new BackupException("no database at " + source + ": is this the right data folder?");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath());
        var s = c.createStatement()) {
      s.executeUpdate("backup to '" + copy.toAbsolutePath().toString().replace("'", "''") + "'");
    } catch (SQLException e) {
      throw new BackupException("SQLite backup of " + source + " failed: " + e.getMessage(), e);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath())) {
      try (var s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=DELETE");
      }
      return ArticleDigests.of(c);
    } catch (SQLException e) {
      throw new BackupException("reading the copy " + copy + " failed: " + e.getMessage(), e);
    }
  }

  private static boolean isEmptyDirectory(Path dir) {
    if (!Files.isDirectory(dir)) return false;
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }
}
