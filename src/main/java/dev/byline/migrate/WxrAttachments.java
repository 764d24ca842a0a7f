package dev.byline.migrate;

import dev.byline.content.Html;
import dev.byline.media.ImageStore;
import dev.byline.media.MediaException;
import dev.byline.redirect.LegacyUrl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The second pass: attachments become photo-desk images (never articles), before any post, so
 * that posts find their featured image and body pictures already there. Pictures are decoded
 * and resized on {@link #WORKERS} threads. An attachment's old addresses wait in the ledger for
 * its post (they lead to the post once it is published); those of an attachment with no post
 * lead to the image at once.
 */
final class WxrAttachments implements WxrReader.Handler {
  /** Decoding and resizing pictures is the slow part; two cores, two workers. */
  static final int WORKERS = 2;

  static final int IN_FLIGHT = 8;

  private final Migrations m;
  private final String origin;
  private final AttachmentFiles files;
  private final ImportReport report;
  private final Progress progress;
  private final boolean dryRun;
  private final long total;
  private final ExecutorService pool;
  private final ArrayDeque<Future<Result>> pending = new ArrayDeque<>();
  private long done;

  private record Result(WxrItem item, String outcome, String why) {}

  WxrAttachments(
      Migrations m,
      WxrScan scan,
      MigrationOptions options,
      ImportReport report,
      Progress progress) {
    this.m = m;
    this.origin = scan.origin;
    this.files = new AttachmentFiles(
        options.uploads(),
        options.fetchMedia(),
        m.fetcher(),
        scan.origin,
        m.allowPrivateHosts(),
        m.zone());
    this.report = report;
    this.progress = progress;
    this.dryRun = options.dryRun();
    this.total = scan.attachments;
    this.pool = Executors.newFixedThreadPool(WORKERS, r -> {
      var t = new Thread(r, "migrate-pictures");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void site(WxrSite site) {}

  @Override
  public void item(WxrItem item) {
    if (!item.type().equals("attachment")) return;
    if (!m.ledger()
        .done(origin, "attachment", List.of(Long.toString(item.postId())))
        .isEmpty()) {
      report.count("already imported by an earlier run");
      tick();
      return;
    }
    while (pending.size() >= IN_FLIGHT) collect(pending.poll());
    pending.add(pool.submit(() -> store(item)));
  }

  void finish() {
    try {
      while (!pending.isEmpty()) collect(pending.poll());
    } finally {
      pool.shutdownNow();
    }
  }

  private void collect(Future<Result> f) {
    Result r;
    try {
      r = f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing pictures", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IllegalStateException(e.getCause());
    }
    report.item(
        "attachment", Long.toString(r.item().postId()), r.item().title(), r.outcome(), r.why());
    tick();
  }

  private void tick() {
    progress.update("pictures", ++done, total);
  }

  private Result store(WxrItem item) {
    var key = AttachmentFiles.key(item.meta("_wp_attached_file"), item.attachmentUrl());
    var pages = LegacyPaths.attachmentPages(item, origin);
    var file = LegacyPaths.attachmentFile(item, origin);
    if (!AttachmentFiles.isPicture(key, item.meta("_wp_attachment_mime_type")))
      return skip(
          item,
          key,
          pages,
          "not a picture (" + (key.isEmpty() ? "no file" : key)
              + "); Byline's photo desk keeps pictures only");
    byte[] bytes;
    try {
      bytes = files.read(key, item.attachmentUrl());
    } catch (AttachmentFiles.Unavailable e) {
      return skip(item, key, pages, e.getMessage());
    }
    if (dryRun) return new Result(item, "images", "");
    try {
      var image = m.images().store(bytes, text(item));
      record(item, image.id(), "image", key, pages, file, image.largest().url());
      return new Result(item, "images", "");
    } catch (MediaException e) {
      return skip(item, key, pages, "the photo desk refused its file: " + e.getMessage());
    }
  }

  private Result skip(WxrItem item, String key, List<String> pages, String why) {
    if (!dryRun) record(item, null, "skipped", key, pages, "", "");
    return new Result(item, "attachments not imported", why);
  }

  /**
   * Records the attachment. With a post, its addresses wait in the ledger for the post (as
   * {@link PendingAddresses}); without one, they lead to the image now.
   */
  private void record(
      WxrItem item,
      Long imageId,
      String outcome,
      String key,
      List<String> pages,
      String file,
      String imageUrl) {
    boolean orphan = item.parent() == 0;
    m.db().useTransaction(tx -> {
      if (orphan && !imageUrl.isEmpty()) {
        var all = new ArrayList<String>(pages);
        if (!file.isEmpty()) all.add(file);
        for (var path : all)
          if (!path.equals(imageUrl))
            m.redirects().put(tx, LegacyUrl.toPath(path, imageUrl, origin), false);
      }
      var pendingAddresses =
          orphan ? "" : PendingAddresses.write(pages, imageId == null ? "" : file);
      m.ledger()
          .record(
              tx,
              new MigrationLedger.Entry(
                  origin,
                  "attachment",
                  Long.toString(item.postId()),
                  imageId,
                  outcome,
                  orphan ? "" : Long.toString(item.parent()),
                  key,
                  pendingAddresses));
    });
  }

  private static ImageStore.ImageText text(WxrItem item) {
    var caption = Words.cut(Html.toText(item.excerpt()), 1000);
    var credit = Words.cut(PhpMeta.string(item.meta("_wp_attachment_metadata"), "credit"), 300);
    var alt = Words.cut(Html.toText(item.meta("_wp_attachment_image_alt")), 500);
    return new ImageStore.ImageText(caption, credit, alt);
  }
}
