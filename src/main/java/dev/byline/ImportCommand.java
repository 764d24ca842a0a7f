package dev.byline;

import dev.byline.wire.WireDesk;
import dev.byline.wire.WireImport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code byline import PATH}: moves a whole site from a WordPress or Ghost export, or bulk-imports
 * wire files from a folder, a zip or a tar.gz. What PATH holds is told from its content.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import a WordPress export (WXR .xml or .xml.gz, or a folder of split WXR files) or a Ghost JSON export,",
      "keeping every status (drafts stay drafts) and answering the old addresses with 301 redirects;",
      "or import wire items (ninjs, NewsML-G2, NITF, RSS/Atom) from a folder, a .zip or a .tar.gz.",
      "Running it again after an interruption imports what is missing and duplicates nothing."
    })
final class ImportCommand implements Callable<Integer> {
  @Mixin
  Main.ConfigOptions options = new Main.ConfigOptions();

  @Parameters(
      paramLabel = "PATH",
      description = "A WordPress or Ghost export, or a folder, .zip or .tar.gz of wire files.")
  Path path;

  @Mixin
  MigrationCommand.Options migration = new MigrationCommand.Options();

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description = "The source the items come from (default: import).")
  String source = "import";

  @Option(
      names = "--publish",
      description =
          "Publish the imported stories at once, with their own dates (archive migrations).")
  boolean publish;

  @Option(
      names = "--section",
      paramLabel = "NAME",
      description = "Section (slug or name) for what is published.")
  String section = "";

  @Override
  public Integer call() throws Exception {
    if (!source.matches("[a-z0-9][a-z0-9-]{0,39}")) {
      System.err.println(
          "byline: --source must be lower-case letters, digits and dashes, not \"" + source + "\"");
      return 2;
    }
    var export = java.nio.file.Files.exists(path)
        ? dev.byline.migrate.Export.detect(path)
        : java.util.Optional.<dev.byline.migrate.Export>empty();
    if (export.isPresent())
      return new MigrationCommand(options, migration, section).run(export.get());
    if (migration.given()) {
      System.err.println("byline: " + migration.given(true)
          + " apply to WordPress and Ghost exports, and " + path + " is not one");
      return 2;
    }
    var config = options.load(Map.of());
    try (var newsroom = Newsroom.open(config, Clock.systemUTC())) {
      var wire = newsroom.wire();
      var bar = new ProgressBar(System.err);
      var summary = wire.importer()
          .run(
              path,
              wire.source(source, config),
              new WireDesk.Options(publish, section, publish),
              bar);
      bar.finish();
      System.out.println(summary.line());
      if (summary.quarantined() > 0)
        System.err.println("Quarantined files and their reasons are in "
            + wire.quarantineRoot().resolve(source));
      return 0;
    } catch (java.io.IOException e) {
      System.err.println("byline: cannot import " + path + ": " + e.getMessage());
      return 1;
    } catch (dev.byline.content.InvalidInput e) {
      System.err.println("byline: " + e.getMessage());
      return 2;
    }
  }

  /** A one-line bar on stderr, redrawn at most ten times a second. */
  static final class ProgressBar implements WireImport.Progress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final long started = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintStream err) {
      this.err = err;
    }

    @Override
    public void update(int filesDone, int filesTotal, int itemsDone) {
      long now = System.nanoTime();
      if (filesDone < filesTotal && now - lastDraw < 100_000_000L) return;
      lastDraw = now;
      double share = filesTotal == 0 ? 1 : (double) filesDone / filesTotal;
      int filled = (int) Math.round(share * WIDTH);
      double seconds = Math.max((now - started) / 1e9, 0.001);
      err.print(String.format(
          Locale.ROOT,
          "\r[%s%s] %3d%%  %d/%d files  %d items  %.0f items/s",
          "#".repeat(filled),
          "-".repeat(WIDTH - filled),
          Math.round(share * 100),
          filesDone,
          filesTotal,
          itemsDone,
          itemsDone / seconds));
      err.flush();
      drawn = true;
    }

    void finish() {
      if (drawn) err.println();
    }
  }
}
