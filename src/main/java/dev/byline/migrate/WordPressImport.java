package dev.byline.migrate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a WordPress site from its WXR export in three streaming passes over the files: read
 * everything once to check and count it (nothing is written if any file is broken), store the
 * attachments as photo-desk images, then the posts and pages. Memory stays that of one batch of
 * items, whatever the size of the export.
 *
 * <pre>{@code
 * var summary = migrations.run(Export.detect(path).orElseThrow(), MigrationOptions.defaults(), Progress.NONE);
 * }</pre>
 */
final class WordPressImport {
  private final Migrations m;
  private final Export export;
  private final MigrationOptions options;
  private final Path reportFile;
  private final Progress progress;

  WordPressImport(
      Migrations m, Export export, MigrationOptions options, Path reportFile, Progress progress) {
    this.m = m;
    this.export = export;
    this.options = options;
    this.reportFile = reportFile;
    this.progress = progress;
  }

  ImportReport.Summary run() throws ExportException, IOException {
    progress.update("reading", 0, export.files().size());
    var scan = WxrScan.of(export, options.publishPages());
    if (scan.origin.isEmpty())
      throw new ExportException(
          export.path().getFileName().toString(),
          "does not say which site it is from (no wp:base_blog_url or channel link)");
    try (var report = new ImportReport(reportFile, options.dryRun())) {
      header(report, scan);
      var catalog = new Catalog(m, scan, options, report);
      catalog.prepare();
      if (scan.attachments > 0) {
        var attachments = new WxrAttachments(m, scan, options, report, progress);
        try {
          pass(attachments);
        } finally {
          attachments.finish();
        }
      }
      var writer = new PlanWriter(m, scan.origin, report, options.dryRun());
      try (var posts = new WxrPosts(
          m,
          scan,
          new WxrPostPlanner(m, scan, catalog, options),
          writer,
          report,
          options,
          progress)) {
        pass(posts);
        posts.finish();
      }
      return report.finish(closing(scan));
    }
  }

  private void pass(WxrReader.Handler handler) throws ExportException, IOException {
    for (var f : export.files()) {
      try (var reader = Export.openXml(f)) {
        WxrReader.read(reader, handler);
      } catch (ExportException e) {
        // The scan read this file whole; it changed on disk since.
        throw new ExportException(
            f.getFileName() + ", " + e.where(),
            e.reason() + " (the file changed during the import)");
      }
    }
  }

  private void header(ImportReport report, WxrScan scan) {
    report.line(
        "Byline import report" + (options.dryRun() ? " (dry run: nothing was written)" : ""));
    report.line("export: " + export.path() + ", " + export.describe());
    report.line("site: " + (scan.title.isEmpty() ? "" : scan.title + ", ") + scan.origin);
    report.line("when: " + m.clock().instant());
    if (scan.replacedCharacters > 0)
      report.line("note: " + scan.replacedCharacters
          + " control character(s) that XML does not allow were replaced with spaces");
    scan.counts.forEach(report::inExport);
    report.inExport("comments (all statuses)", scan.comments);
  }

  private static List<String> closing(WxrScan scan) {
    var out = new ArrayList<String>();
    if (scan.comments > 0)
      out.add(
          "Comments: approved and pending comments are kept in the database with their author, e-mail address, "
              + "web address, date and status (never the commenter's IP address); Byline does not show comments yet. "
              + "Spam and trashed comments are left behind. Export them with: byline comments export FILE.csv");
    return out;
  }
}
