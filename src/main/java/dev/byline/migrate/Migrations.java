package dev.byline.migrate;

import dev.byline.config.Config;
import dev.byline.content.ArticleStore;
import dev.byline.content.AuthorStore;
import dev.byline.content.SectionStore;
import dev.byline.content.TopicStore;
import dev.byline.media.ImageStore;
import dev.byline.redirect.RedirectStore;
import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import dev.byline.wire.PictureFetcher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The migration desk's parts, built once over the newsroom's stores. {@code byline import} hands
 * it an export; it tells WordPress from Ghost and runs the matching import.
 *
 * @param quarantine where notes on exports that cannot be read go
 * @param reports where reports go unless the command names a file
 * @param allowPrivateHosts let {@code --fetch-media} reach private and loopback addresses (an
 *     old site on the same network); off by default, as for wire pictures
 */
public record Migrations(
    Database db,
    ChangeFeed feed,
    ArticleStore articles,
    SectionStore sections,
    TopicStore topics,
    AuthorStore authors,
    ImageStore images,
    RedirectStore redirects,
    MigrationLedger ledger,
    CommentStore comments,
    PictureFetcher fetcher,
    boolean allowPrivateHosts,
    Path quarantine,
    Path reports,
    ZoneId zone,
    Clock clock) {

  public static Migrations build(
      Config config,
      Database db,
      ChangeFeed feed,
      ArticleStore articles,
      SectionStore sections,
      TopicStore topics,
      AuthorStore authors,
      ImageStore images,
      RedirectStore redirects,
      Clock clock) {
    var dir = config.dataDir().resolve("migrate");
    return new Migrations(
        db,
        feed,
        articles,
        sections,
        topics,
        authors,
        images,
        redirects,
        new MigrationLedger(db, clock),
        new CommentStore(db),
        new PictureFetcher(),
        config.boolSetting("migrate.fetch.private", false),
        dir.resolve("quarantine"),
        dir.resolve("reports"),
        config.timeZone(),
        clock);
  }

  /**
   * Imports an export. A file that cannot be read to its end is quarantined (a note beside it
   * says where and why) and {@link ExportException} says so in one line; nothing is written.
   */
  public ImportReport.Summary run(Export export, MigrationOptions options, Progress progress)
      throws ExportException, IOException {
    var reportFile = options.report() != null
        ? options.report()
        : reports.resolve(
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(zone).format(clock.instant())
                + "-" + export.path().getFileName() + (options.dryRun() ? "-dry-run" : "")
                + ".txt");
    try {
      return switch (export.kind()) {
        case WORDPRESS -> new WordPressImport(this, export, options, reportFile, progress).run();
        case GHOST -> new GhostImport(this, export, options, reportFile, progress).run();
      };
    } catch (ExportException e) {
      new dev.byline.wire.Quarantine(quarantine)
          .copy(
              export.path().getFileName().toString(),
              new byte[0],
              e.where(),
              e.reason()
                  + " (nothing was imported; the export itself was left where it is and not copied)",
              clock.instant());
      throw e;
    }
  }
}
