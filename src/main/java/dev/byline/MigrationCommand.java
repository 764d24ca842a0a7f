package dev.byline;

import dev.byline.content.InvalidInput;
import dev.byline.migrate.Export;
import dev.byline.migrate.ExportException;
import dev.byline.migrate.MigrationOptions;
import dev.byline.migrate.Progress;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code byline import} given a WordPress or Ghost export: runs the migration desk and prints its summary. */
final class MigrationCommand {
  /** The import options that apply to site exports only. */
  static final class Options {
    @Option(
        names = "--uploads",
        paramLabel = "DIR",
        description =
            "The old site's uploads folder (WordPress wp-content/uploads, Ghost content/images): "
                + "attachments become photo-desk images from here.")
    Path uploads;

    @Option(
        names = "--fetch-media",
        description = "Download attachments the uploads folder does not have from the old site "
            + "(its own host only; private addresses refused unless migrate.fetch.private=true).")
    boolean fetchMedia;

    @Option(
        names = "--dry-run",
        description = "Read the export and write the report of what would be done; change nothing.")
    boolean dryRun;

    @Option(
        names = "--report",
        paramLabel = "FILE",
        description = "Where to write the report (default: DIR/migrate/reports/).")
    Path report;

    @Option(
        names = "--publish-pages",
        description =
            "Publish published WordPress pages as articles (by default they are kept as drafts).")
    boolean publishPages;

    boolean given() {
      return uploads != null || fetchMedia || dryRun || report != null || publishPages;
    }

    String given(boolean list) {
      var out = new ArrayList<String>();
      if (uploads != null) out.add("--uploads");
      if (fetchMedia) out.add("--fetch-media");
      if (dryRun) out.add("--dry-run");
      if (report != null) out.add("--report");
      if (publishPages) out.add("--publish-pages");
      return String.join(", ", out);
    }
  }

  private final Main.ConfigOptions config;
  private final Options options;
  private final String section;

  MigrationCommand(Main.ConfigOptions config, Options options, String section) {
    this.config = config;
    this.options = options;
    this.section = section;
  }

  int run(Export export) throws Exception {
    if (options.uploads != null && !Files.isDirectory(options.uploads)) {
      System.err.println("byline: --uploads " + options.uploads + " is not a folder");
      return 2;
    }
    var settings = config.load(Map.of());
    System.err.println("Importing " + export.describe() + " from " + export.path()
        + (options.dryRun ? " (dry run: nothing will be written)" : ""));
    var bar = new PhaseBar(System.err);
    try (var newsroom = Newsroom.open(settings, Clock.systemUTC())) {
      var summary = newsroom
          .migrations()
          .run(
              export,
              new MigrationOptions(
                  options.dryRun,
                  options.uploads,
                  options.fetchMedia,
                  section,
                  options.publishPages,
                  options.report,
                  MigrationOptions.DEFAULT_BATCH),
              bar);
      bar.finish();
      if (options.dryRun) System.out.print(java.nio.file.Files.readString(summary.file()));
      System.out.println(summary.line());
      return 0;
    } catch (ExportException e) {
      bar.finish();
      System.err.println("byline: " + export.path().getFileName() + " was not imported: "
          + e.getMessage() + " (nothing was written; a note is in "
          + settings.dataDir().resolve("migrate").resolve("quarantine") + ")");
      return 1;
    } catch (InvalidInput e) {
      bar.finish();
      System.err.println("byline: " + e.getMessage());
      return 2;
    }
  }

  /** One line on stderr per phase, redrawn at most ten times a second. */
  static final class PhaseBar implements Progress {
    private final PrintStream err;
    private final long started = System.nanoTime();
    private String phase = "";
    private long lastDraw;

    PhaseBar(PrintStream err) {
      this.err = err;
    }

    @Override
    public void update(String phase, long done, long total) {
      long now = System.nanoTime();
      boolean newPhase = !phase.equals(this.phase);
      if (!newPhase && done < total && now - lastDraw < 100_000_000L) return;
      if (newPhase && !this.phase.isEmpty()) err.println();
      this.phase = phase;
      lastDraw = now;
      double seconds = Math.max((now - started) / 1e9, 0.001);
      err.print(String.format(Locale.ROOT, "\r%-9s %d/%d  (%.0f s)", phase, done, total, seconds));
      err.flush();
    }

    void finish() {
      if (!phase.isEmpty()) err.println();
      phase = "";
    }
  }
}
