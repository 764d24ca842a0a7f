package dev.byline;

import dev.byline.ops.Backup;
import dev.byline.ops.BackupException;
import dev.byline.ops.Restore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code byline backup DIR} and {@code byline restore DIR}. */
final class BackupCommand {
  private BackupCommand() {}

  /** The settings file the server reads: --config, else byline.properties in the data folder. */
  static Path settingsFile(Main.ConfigOptions options, Path dataDir) {
    return options.configFile != null ? options.configFile : dataDir.resolve("byline.properties");
  }

  @Command(
      name = "backup",
      mixinStandardHelpOptions = true,
      description = {
        "Back up the database, media files and settings into DIR, with a manifest (sizes, SHA-256,",
        "a hash per article). Runs while the site serves. DIR must not exist yet."
      })
  static final class Take implements Callable<Integer> {
    @Mixin
    Main.ConfigOptions options = new Main.ConfigOptions();

    @Parameters(paramLabel = "DIR", description = "A new folder for the backup.")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      var config = options.load(Map.of());
      try {
        var m =
            Backup.take(config, settingsFile(options, config.dataDir()), dir, Clock.systemUTC());
        spec.commandLine()
            .getOut()
            .printf(
                "Backed up %d %s and %d files into %s%n",
                m.articles(),
                m.articles() == 1 ? "article" : "articles",
                m.files().size(),
                dir.toAbsolutePath().normalize());
        return 0;
      } catch (BackupException e) {
        spec.commandLine().getErr().println("byline: " + e.getMessage());
        return 1;
      }
    }
  }

  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description = {
        "Restore a backup made by 'byline backup' into the data folder (or the empty PostgreSQL",
        "database configured). Checks every file against the manifest first and changes nothing",
        "if one is missing, truncated or damaged. Stop the server first; the replaced data are kept",
        "in DATA/.replaced-*, and the search index rebuilds at the next start."
      })
  static final class Bring implements Callable<Integer> {
    @Mixin
    Main.ConfigOptions options = new Main.ConfigOptions();

    @Parameters(paramLabel = "DIR", description = "A backup folder.")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      var config = options.load(Map.of());
      try {
        var r = Restore.restore(
            dir, config, settingsFile(options, config.dataDir()), Clock.systemUTC());
        spec.commandLine()
            .getOut()
            .printf(
                "Restored %d %s from %s; what it replaced is kept in %s%n",
                r.manifest().articles(),
                r.manifest().articles() == 1 ? "article" : "articles",
                dir.toAbsolutePath().normalize(),
                r.replacedKeptIn());
        return 0;
      } catch (BackupException e) {
        spec.commandLine().getErr().println("byline: " + e.getMessage());
        return 1;
      }
    }
  }
}
