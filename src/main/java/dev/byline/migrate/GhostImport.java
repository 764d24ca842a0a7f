package dev.byline.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.content.Html;
import dev.byline.content.Slugs;
import dev.byline.content.TopicType;
import dev.byline.media.MediaException;
import dev.byline.redirect.LegacyUrl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a Ghost site from its JSON export, by the same rules as WordPress: read it whole
 * first, store its pictures, then its posts and pages in batches, status respected (only
 * published posts visible to everyone are published; members-only posts, newsletters sent by
 * e-mail only, drafts and pages stay in the newsroom). Tags become topics, staff users authors.
 * Old addresses: Ghost's {@code /slug/}, {@code /tag/…/}, {@code /author/…/} and {@code /rss/}.
 */
final class GhostImport {
  private final Migrations m;
  private final Export export;
  private final MigrationOptions options;
  private final Path reportFile;
  private final Progress progress;
  private final Map<String, Long> topics = new HashMap<>();
  private final Map<String, Long> authors = new HashMap<>();

  GhostImport(
      Migrations m, Export export, MigrationOptions options, Path reportFile, Progress progress) {
    this.m = m;
    this.export = export;
    this.options = options;
    this.reportFile = reportFile;
    this.progress = progress;
  }

  ImportReport.Summary run() throws ExportException, IOException {
    progress.update("reading", 0, 1);
    var scan = GhostScan.of(export);
    try (var report = new ImportReport(reportFile, options.dryRun())) {
      report.line(
          "Byline import report" + (options.dryRun() ? " (dry run: nothing was written)" : ""));
      report.line("export: " + export.path() + ", " + export.describe());
      report.line("site: " + (scan.title.isEmpty() ? "" : scan.title + ", ") + scan.origin);
      report.line("when: " + m.clock().instant());
      scan.counts.forEach(report::inExport);
      topics(scan, report);
      authors(scan, report);
      images(scan, report);
      var planner = new GhostPlanner(m, scan, topics, authors, options);
      var writer = new PlanWriter(m, scan.origin, report, options.dryRun());
      var batch = new ArrayList<JsonNode>();
      long[] done = {0};
      GhostReader.read(export.path(), (table, row) -> {
        if (!table.equals("posts")) return;
        batch.add(row);
        if (batch.size() >= options.batchSize()) flush(batch, planner, writer, report, scan, done);
      });
      flush(batch, planner, writer, report, scan, done);
      report.line(
          "legacy addresses: Ghost's /slug/, /tag/slug/, /author/slug/ and /rss/ answer 301");
      return report.finish(List.of());
    }
  }

  private void flush(
      List<JsonNode> batch,
      GhostPlanner planner,
      PlanWriter writer,
      ImportReport report,
      GhostScan scan,
      long[] done) {
    if (batch.isEmpty()) return;
    var ids = batch.stream().map(r -> GhostReader.text(r, "id")).toList();
    var already = m.ledger().done(scan.origin, "post", ids);
    var plans = new ArrayList<Plan>();
    for (var row : batch) {
      if (already.contains(GhostReader.text(row, "id")))
        report.count("already imported by an earlier run");
      else plans.add(planner.plan(row));
    }
    writer.write(plans);
    done[0] += batch.size();
    batch.clear();
    progress.update("posts", done[0], scan.posts);
  }

  private void topics(GhostScan scan, ImportReport report) {
    var legacy = new ArrayList<LegacyUrl>();
    var shown = scan.usedByPublic(scan.postTags);
    var used = new java.util.LinkedHashSet<String>();
    scan.postTags.values().forEach(used::addAll);
    for (var id : used) {
      var tag = scan.tags.get(id);
      if (tag == null || GhostReader.text(tag, "visibility").equals("internal")) continue;
      var name = Words.cut(
          Taxonomy.name(GhostReader.text(tag, "name"), GhostReader.text(tag, "slug")), 120);
      if (name.isEmpty()) continue;
      var topic = options.dryRun()
          ? null
          : m.db().inTransaction(tx -> m.topics().ensure(tx, name, TopicType.SUBJECT));
      var target = topic == null ? "/topic/" + Slugs.from(name) : topic.path();
      topics.put(id, topic == null ? 0L : topic.id());
      report.mapping(
          "Topics (from tags)",
          "tag " + GhostReader.text(tag, "slug") + " → topic " + target + " \"" + name + "\"");
      if (shown.contains(id))
        legacy.add(LegacyUrl.toPath(
            Catalog.normal("/tag/" + GhostReader.text(tag, "slug")), target, scan.origin));
    }
    if (!options.dryRun()) m.redirects().putAll(legacy, false);
  }

  private void authors(GhostScan scan, ImportReport report) {
    var legacy = new ArrayList<LegacyUrl>();
    var shown = scan.usedByPublic(scan.postAuthors);
    var used = new java.util.LinkedHashSet<String>();
    scan.postAuthors.values().forEach(used::addAll);
    for (var id : used) {
      var user = scan.users.get(id);
      if (user == null) continue;
      var name = Words.cut(
          Taxonomy.name(GhostReader.text(user, "name"), GhostReader.text(user, "slug")), 120);
      var author =
          options.dryRun() ? null : m.db().inTransaction(tx -> m.authors().ensure(tx, name));
      var target = author == null ? "/author/" + Slugs.from(name) : author.path();
      authors.put(id, author == null ? 0L : author.id());
      report.mapping(
          "Authors (from Ghost staff users; e-mail addresses are not kept)",
          GhostReader.text(user, "slug") + " → " + target + " \"" + name + "\"");
      var old = Catalog.normal("/author/" + GhostReader.text(user, "slug"));
      if (!old.equals(target) && shown.contains(id))
        legacy.add(LegacyUrl.toPath(old, target, scan.origin));
    }
    if (!options.dryRun()) {
      legacy.add(LegacyUrl.toPath("/rss", "/feed/rss.xml", scan.origin));
      m.redirects().putAll(legacy, false);
    }
  }

  /** Every picture posts name, once, into the photo desk (from --uploads, or fetched). */
  private void images(GhostScan scan, ImportReport report) {
    var files = new AttachmentFiles(
        options.uploads(),
        options.fetchMedia(),
        m.fetcher(),
        scan.origin,
        m.allowPrivateHosts(),
        m.zone());
    long done = 0;
    for (var url : scan.images) {
      progress.update("pictures", ++done, scan.images.size());
      var key = AttachmentFiles.keyOfUrl(url);
      if (!m.ledger().done(scan.origin, "attachment", List.of(key)).isEmpty()) continue;
      try {
        var bytes = files.read(key, url.replace("__GHOST_URL__", scan.origin));
        if (options.dryRun()) {
          report.count("images");
          continue;
        }
        var text = scan.featureText.getOrDefault(
            scan.featureOf.getOrDefault(url, ""), new String[] {"", ""});
        var image = m.images()
            .store(
                bytes,
                new dev.byline.media.ImageStore.ImageText(
                    Words.cut(Html.toText(text[0]), 1000),
                    "",
                    Words.cut(Html.toText(text[1]), 500)));
        m.ledger()
            .record(new MigrationLedger.Entry(
                scan.origin, "attachment", key, image.id(), "image", "", key, ""));
        report.count("images");
      } catch (AttachmentFiles.Unavailable | MediaException e) {
        report.item("picture", key, "", "pictures not imported", e.getMessage());
      }
    }
  }
}
