package dev.byline.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The last pass: every item but attachments, in batches. Items an earlier run recorded are
 * passed over before any work is spent on them, so a second run of the same export adds nothing
 * and a run after a crash picks up where the last committed batch ended.
 *
 * <p>Planning a batch (converting bodies, the slow part) runs on its own thread while the batch
 * before it is written, so reading, converting and storing overlap; batches are still written one
 * at a time and in order.
 */
final class WxrPosts implements WxrReader.Handler, AutoCloseable {
  private final Migrations m;
  private final String origin;
  private final WxrPostPlanner planner;
  private final PlanWriter writer;
  private final ImportReport report;
  private final Progress progress;
  private final int batchSize;
  private final long total;
  private final List<WxrItem> batch = new ArrayList<>();
  private final ExecutorService planning = Executors.newSingleThreadExecutor(r -> {
    var t = new Thread(r, "migrate-planner");
    t.setDaemon(true);
    return t;
  });
  private Future<Planned> planned;
  private long done;

  /** A batch ready to write, and how many of its items an earlier run already stored. */
  private record Planned(List<Plan> plans, int already, int items) {}

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

  /** Hands the gathered batch to the planner and writes the one planned before it. */
  void flush() {
    if (batch.isEmpty()) return;
    var items = List.copyOf(batch);
    batch.clear();
    var next = planning.submit(() -> plan(items));
    write();
    planned = next;
  }

  /** Writes whatever is gathered or planned; call once the last file is read. */
  void finish() {
    flush();
    write();
  }

  private Planned plan(List<WxrItem> items) {
    var ids = items.stream().map(i -> Long.toString(i.postId())).toList();
    var already = m.ledger().done(origin, "post", ids);
    var plans = new ArrayList<Plan>(items.size());
    for (var item : items)
      if (!already.contains(Long.toString(item.postId()))) plans.add(planner.plan(item));
    return new Planned(plans, already.size(), items.size());
  }

  private void write() {
    if (planned == null) return;
    Planned p;
    try {
      p = planned.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while planning posts", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IllegalStateException(e.getCause());
    } finally {
      planned = null;
    }
    for (int i = 0; i < p.already(); i++) report.count("already imported by an earlier run");
    writer.write(p.plans());
    done += p.items();
    progress.update("posts", done, total);
  }

  @Override
  public void close() {
    planning.shutdownNow();
  }
}
