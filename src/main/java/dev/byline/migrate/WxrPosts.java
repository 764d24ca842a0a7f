package dev.byline.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * The last pass: every item but attachments, in batches. Items an earlier run recorded are
 * passed over before any work is spent on them, so a second run of the same export adds nothing
 * and a run after a crash picks up where the last committed batch ended.
 */
final class WxrPosts implements WxrReader.Handler {
  private final Migrations m;
  private final String origin;
  private final WxrPostPlanner planner;
  private final PlanWriter writer;
  private final ImportReport report;
  private final Progress progress;
  private final int batchSize;
  private final long total;
  private final List<WxrItem> batch = new ArrayList<>();
  private long done;

  WxrPosts(
      Migrations m,
      WxrScan scan,
      WxrPostPlanner planner,
      PlanWriter writer,
      ImportReport report,
      MigrationOptions options,
      Progress progress) {
    this.m = m;
    this.origin = scan.origin;
    this.planner = planner;
    this.writer = writer;
    this.report = report;
    this.progress = progress;
    this.batchSize = options.batchSize();
    this.total = scan.items - (long) scan.attachments;
  }

  @Override
  public void site(WxrSite site) {}

  @Override
  public void item(WxrItem item) {
    if (item.type().equals("attachment")) return;
    batch.add(item);
    if (batch.size() >= batchSize) flush();
  }

  void flush() {
    if (batch.isEmpty()) return;
    var ids = batch.stream().map(i -> Long.toString(i.postId())).toList();
    var done = m.ledger().done(origin, "post", ids);
    var plans = new ArrayList<Plan>(batch.size());
    for (var item : batch) {
      if (done.contains(Long.toString(item.postId())))
        report.count("already imported by an earlier run");
      else plans.add(planner.plan(item));
    }
    writer.write(plans);
    this.done += batch.size();
    batch.clear();
    progress.update("posts", this.done, total);
  }
}
