package dev.byline.ops;

import com.fasterxml.jackson.core.JacksonException;
import dev.byline.config.Config;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * Brings a backup back, all or nothing. First the whole backup is checked against its manifest
 * (every file present, of the listed size and SHA-256); then everything is copied into a scratch
 * folder inside the data folder and checked again; only then do renames swap it in. What was
 * there before is kept aside in {@code .replaced-*}, never deleted. The search index is moved
 * aside too: it is derived, and rebuilds from the restored database at the next start.
 */
public final class Restore {
  /** What sits in the data folder and is replaced by a restore (SQLite's side files included). */
  static final List<String> REPLACED =
      List.of("byline.db", "byline.db-wal", "byline.db-shm", "media", "index");

  private Restore() {}

  /** The manifest, once every file it lists is there, whole and unchanged. */
  public static BackupManifest verify(Path dir) {
    if (!Files.isDirectory(dir)) throw new BackupException(dir + ": no such backup folder");
    var manifestFile = dir.resolve(BackupManifest.NAME);
    if (!Files.isRegularFile(manifestFile))
      throw new BackupException(
          manifestFile + " is missing: the backup did not finish or this is not a backup");
    BackupManifest manifest;
    try {
      manifest = BackupManifest.read(manifestFile);
    } catch (JacksonException e) {
      throw new BackupException(
          manifestFile + " is damaged or truncated: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BackupException(manifestFile + " cannot be read: " + e.getMessage());
    }
    if (manifest.format() != BackupManifest.FORMAT)
      throw new BackupException(manifestFile + " has format " + manifest.format()
          + "; this version reads format " + BackupManifest.FORMAT);
    if (manifest.articleHashes().size() != manifest.articles())
      throw new BackupException(
          manifestFile + " lists " + manifest.articleHashes().size() + " article hashes for "
              + manifest.articles() + " articles: damaged");
    var dbFile = databaseFile(manifest);
    if (manifest.files().stream().noneMatch(f -> f.path().equals(dbFile)))
      throw new BackupException(manifestFile + " does not list the database " + dbFile);
    for (var entry : manifest.files()) check(dir, entry);
    return manifest;
  }

  /**
   * Restores {@code dir} into the configured newsroom; the server must be stopped.
   *
   * @param settingsTarget where the backup's settings file goes (the file the server reads)
   * @param clock names the folders the restore stages in and sets aside
   * @return the manifest, and where the replaced data were kept
   */
  public static Result restore(Path dir, Config config, Path settingsTarget, Clock clock) {
    var manifest = verify(dir);
    var data = config.dataDir().toAbsolutePath();
    refuseIfServing(data);
    boolean sqlite = manifest.database().equals("sqlite");
    if (sqlite != config.embeddedDatabase())
      throw new BackupException("the backup holds a " + manifest.database()
          + " database but this newsroom is configured for "
          + (config.embeddedDatabase() ? "sqlite" : "postgresql"));
    long stamp = clock.millis();
    var stage = data.resolve(".restore-" + stamp);
    var aside = data.resolve(".replaced-" + stamp);
    try {
      BackupFiles.createPrivateDirectory(stage);
      BackupFiles.copyTree(dir.resolve(Backup.MEDIA_DIR), stage.resolve("media"));
      var settings = dir.resolve(Backup.SETTINGS_FILE);
      if (Files.isRegularFile(settings)) Files.copy(settings, stage.resolve("byline.properties"));
      if (sqlite) {
        var db = stage.resolve("byline.db");
        Files.copy(dir.resolve(Backup.SQLITE_FILE), db);
        var restored = digests(db);
        if (!restored.equals(manifest.articleHashes()))
          throw new BackupException(
              Backup.SQLITE_FILE + ": its articles do not match the manifest's hashes: damaged");
      } else {
        int tables = PostgresDump.tableCount(config);
        if (tables > 0)
          throw new BackupException("the configured PostgreSQL database already has " + tables
              + " tables: create an empty database and point database.url at it");
        PostgresDump.load(config, dir.resolve(Backup.POSTGRES_FILE));
      }
      swapIn(stage, data, aside, settingsTarget);
      return new Result(manifest, aside);
    } catch (IOException e) {
      throw new BackupException("restore into " + data + " failed: " + e.getMessage(), e);
    } finally {
      BackupFiles.deleteTree(stage);
    }
  }

  /** The restored backup's manifest, and the folder holding what it replaced. */
  public record Result(BackupManifest manifest, Path replacedKeptIn) {}

  private static void swapIn(Path stage, Path data, Path aside, Path settingsTarget)
      throws IOException {
    Files.createDirectories(aside);
    for (var name : REPLACED) moveIfPresent(data.resolve(name), aside.resolve(name));
    var newSettings = stage.resolve("byline.properties");
    if (Files.exists(newSettings))
      moveIfPresent(settingsTarget, aside.resolve("byline.properties"));
    for (var name : List.of("byline.db", "media"))
      moveIfPresent(stage.resolve(name), data.resolve(name));
    if (Files.exists(newSettings)) {
      Files.createDirectories(settingsTarget.toAbsolutePath().getParent());
      Files.move(newSettings, settingsTarget);
    }
  }

  private static void moveIfPresent(Path from, Path to) throws IOException {
    if (Files.exists(from)) Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void check(Path dir, BackupManifest.FileEntry entry) {
    var rel = entry.path();
    var file = dir.resolve(rel).normalize();
    if (rel.startsWith("/") || rel.contains("..") || !file.startsWith(dir.normalize()))
      throw new BackupException(
          BackupManifest.NAME + " names a path outside the backup: " + rel + ": damaged");
    try {
      long size = Files.size(file);
      if (size != entry.size())
        throw new BackupException(rel + " is " + size + " bytes but the manifest says "
            + entry.size() + ": truncated or damaged");
      if (!BackupFiles.sha256(file).equals(entry.sha256()))
        throw new BackupException(rel + " does not match its SHA-256 in the manifest: damaged");
    } catch (NoSuchFileException e) {
      throw new BackupException(rel + " is missing from the backup");
    } catch (IOException e) {
      throw new BackupException(rel + " cannot be read: " + e.getMessage());
    }
  }

  private static String databaseFile(BackupManifest manifest) {
    return switch (manifest.database()) {
      case "sqlite" -> Backup.SQLITE_FILE;
      case "postgresql" -> Backup.POSTGRES_FILE;
      default ->
        throw new BackupException(
            BackupManifest.NAME + " names an unknown database kind: " + manifest.database());
    };
  }

  static java.util.Map<Long, String> digests(Path sqliteFile) {
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile.toAbsolutePath())) {
      return ArticleDigests.of(c);
    } catch (SQLException e) {
      throw new BackupException(
          sqliteFile.getFileName() + " is not a readable database: " + e.getMessage());
    }
  }

  /**
   * A running server holds the search index's lock; replacing files under it would leave it
   * serving a database that changed beneath it.
   */
  private static void refuseIfServing(Path data) {
    var lock = data.resolve("index").resolve("write.lock");
    if (!Files.exists(lock)) return;
    try (var ch = FileChannel.open(lock, StandardOpenOption.WRITE)) {
      var held = ch.tryLock();
      if (held == null) throw serving(lock);
      held.release();
    } catch (OverlappingFileLockException e) {
      throw serving(lock);
    } catch (IOException e) {
      // An unreadable lock file is no proof of a server; the renames below still fail safe.
    }
  }

  private static BackupException serving(Path lock) {
    return new BackupException("a running server holds " + lock + ": stop it before restoring");
  }
}
