package dev.byline.analytics;

import dev.byline.store.Database;
import dev.byline.store.Tx;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Owns the analytics tables and writes counts in bulk: one transaction per flush, one batched
 * upsert per table that adds to what is there, whatever node wrote it.
 *
 * <pre>{@code
 * store.write(tally.drain(), resolver::resolve);
 * List<Ranked> top = store.mostRead(now.minus(Duration.ofHours(24)), 10);
 * }</pre>
 */
public final class AnalyticsStore {
  private final Database db;

  public AnalyticsStore(Database db) {
    this.db = db;
  }

  Database database() {
    return db;
  }

  private record PageRow(Instant hour, Instant day, PageRef page) {}

  private record DayPage(Instant day, PageRef page) {}

  /** Adds the batch's counts, resolving each path to a page first. All or nothing. */
  public void write(Batch batch, Function<String, PageRef> resolve) {
    if (batch.isEmpty()) return;
    var hourPages = new HashMap<PageRow, Long>();
    var dayPages = new HashMap<DayPage, Long>();
    batch.pages().forEach((key, views) -> {
      var page = resolve.apply(key.path());
      hourPages.merge(new PageRow(key.bucket().hour(), key.bucket().day(), page), views, Long::sum);
      dayPages.merge(new DayPage(key.bucket().day(), page), views, Long::sum);
    });
    var hours = new HashMap<Instant, long[]>();
    batch.hourViews().forEach((b, n) -> hours.computeIfAbsent(b.hour(), h -> new long[2])[0] += n);
    batch
        .hourVisitors()
        .forEach((b, n) -> hours.computeIfAbsent(b.hour(), h -> new long[2])[1] += n);
    var days = new HashMap<Instant, long[]>();
    batch.hourViews().forEach((b, n) -> days.computeIfAbsent(b.day(), d -> new long[2])[0] += n);
    batch.dayVisitors().forEach((d, n) -> days.computeIfAbsent(d, x -> new long[2])[1] += n);

    db.useTransaction(tx -> {
      totals(tx, "analytics_hour", "hour", hours);
      totals(tx, "analytics_day", "day", days);
      var hp = tx.batch(
          "INSERT INTO analytics_page_hour (hour, path, article_id, section, views) "
              + "VALUES (:at, :path, :article, :section, :views) ON CONFLICT (hour, path) DO UPDATE SET "
              + "views = analytics_page_hour.views + excluded.views, article_id = excluded.article_id, section = excluded.section");
      hourPages.forEach((row, views) -> hp.bind("at", row.hour().toEpochMilli())
          .bind("path", row.page().path())
          .bind("article", row.page().articleId())
          .bind("section", row.page().section())
          .bind("views", views)
          .add());
      if (!hourPages.isEmpty()) hp.execute();
      var dp = tx.batch(
          "INSERT INTO analytics_page_day (day, path, article_id, section, views) "
              + "VALUES (:at, :path, :article, :section, :views) ON CONFLICT (day, path) DO UPDATE SET "
              + "views = analytics_page_day.views + excluded.views, article_id = excluded.article_id, section = excluded.section");
      dayPages.forEach((row, views) -> dp.bind("at", row.day().toEpochMilli())
          .bind("path", row.page().path())
          .bind("article", row.page().articleId())
          .bind("section", row.page().section())
          .bind("views", views)
          .add());
      if (!dayPages.isEmpty()) dp.execute();
      var sp = tx.batch(
          "INSERT INTO analytics_source_day (day, kind, name, views) VALUES (:day, :kind, :name, :views) "
              + "ON CONFLICT (day, kind, name) DO UPDATE SET views = analytics_source_day.views + excluded.views");
      batch
          .sources()
          .forEach((k, views) -> sp.bind("day", k.day().toEpochMilli())
              .bind("kind", k.kind())
              .bind("name", k.name())
              .bind("views", views)
              .add());
      if (!batch.sources().isEmpty()) sp.execute();
    });
  }

  private static void totals(Tx tx, String table, String column, Map<Instant, long[]> rows) {
    if (rows.isEmpty()) return;
    var b = tx.batch("INSERT INTO " + table + " (" + column
        + ", views, visitors) VALUES (:at, :views, :visitors) "
        + "ON CONFLICT (" + column + ") DO UPDATE SET views = " + table
        + ".views + excluded.views, "
        + "visitors = " + table + ".visitors + excluded.visitors");
    rows.forEach((at, n) -> b.bind("at", at.toEpochMilli())
        .bind("views", n[0])
        .bind("visitors", n[1])
        .add());
    b.execute();
  }

  /** Records how many readers this node saw in the last minutes; forgets nodes silent since {@code staleBefore}. */
  public void writeLive(String node, int readers, Instant at, Instant staleBefore) {
    db.useTransaction(tx -> {
      tx.update("INSERT INTO analytics_live (node, readers, at) VALUES (:node, :readers, :at) "
              + "ON CONFLICT (node) DO UPDATE SET readers = excluded.readers, at = excluded.at")
          .bind("node", node)
          .bind("readers", readers)
          .bind("at", at.toEpochMilli())
          .execute();
      tx.update("DELETE FROM analytics_live WHERE at < :stale")
          .bind("stale", staleBefore.toEpochMilli())
          .execute();
    });
  }

  /** Live readers over every node that reported since {@code since}. */
  public long liveReaders(Instant since) {
    return db.read(
        tx -> tx.query("SELECT COALESCE(SUM(readers), 0) FROM analytics_live WHERE at >= :since")
            .bind("since", since.toEpochMilli())
            .mapTo(Long.class)
            .one());
  }

  /** Articles by views since {@code since}, most first. */
  public List<Ranked> mostRead(Instant since, int limit) {
    return db.read(tx -> tx.query(
            "SELECT article_id, SUM(views) AS n FROM analytics_page_hour "
                + "WHERE hour >= :since AND article_id IS NOT NULL GROUP BY article_id ORDER BY n DESC, article_id DESC LIMIT :limit")
        .bind("since", since.toEpochMilli())
        .bind("limit", limit)
        .map(rs -> new Ranked(Long.toString(rs.getLong("article_id")), rs.getLong("n")))
        .list());
  }

  /** Deletes per-page hourly counts from before {@code cutoff}; daily counts stay. */
  public int pruneHourlyPages(Instant cutoff) {
    return db.inTransaction(tx -> tx.update("DELETE FROM analytics_page_hour WHERE hour < :cutoff")
        .bind("cutoff", cutoff.toEpochMilli())
        .execute());
  }
}
