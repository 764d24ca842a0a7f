package dev.byline.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Reads the analytics tables for the dashboard and exports. Series have a point for every hour
 * or day of the range, zero where nothing was counted, so charts and CSV files have no gaps.
 */
public final class AnalyticsReports {
  /** Rows per ranking on the dashboard; exports ask for more. */
  public static final int TOP = 10;

  private final AnalyticsStore store;
  private final ZoneId zone;

  public AnalyticsReports(AnalyticsStore store, ZoneId zone) {
    this.store = store;
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  public Report report(DateRange range, Resolution resolution, int top) {
    var series = series(range, resolution);
    long[] totals = totals(range);
    return new Report(
        range,
        resolution,
        series,
        totals[0],
        totals[1],
        articles(range, top),
        sections(range, top),
        sources(range, Batch.REFERRER, top),
        sources(range, Batch.CAMPAIGN, top));
  }

  public List<SeriesPoint> series(DateRange range, Resolution resolution) {
    var from = range.start(zone);
    var to = range.end(zone);
    var table = resolution == Resolution.HOUR ? "analytics_hour" : "analytics_day";
    var column = resolution == Resolution.HOUR ? "hour" : "day";
    var found = new HashMap<Long, SeriesPoint>();
    store.database().read(tx -> {
      tx.query("SELECT " + column + " AS at, views, visitors FROM " + table + " WHERE " + column
              + " >= :from AND " + column + " < :to")
          .bind("from", from.toEpochMilli())
          .bind("to", to.toEpochMilli())
          .map(rs -> new SeriesPoint(
              Instant.ofEpochMilli(rs.getLong("at")), rs.getLong("views"), rs.getLong("visitors")))
          .forEach(p -> found.put(p.start().toEpochMilli(), p));
      return null;
    });
    var points = new ArrayList<SeriesPoint>();
    if (resolution == Resolution.HOUR) {
      for (var at = from; at.isBefore(to); at = at.plus(Duration.ofHours(1)))
        points.add(pointAt(found, at));
    } else {
      for (var d = range.from(); !d.isAfter(range.to()); d = d.plusDays(1))
        points.add(pointAt(found, d.atStartOfDay(zone).toInstant()));
    }
    return points;
  }

  private static SeriesPoint pointAt(HashMap<Long, SeriesPoint> found, Instant at) {
    var p = found.get(at.toEpochMilli());
    return p == null ? new SeriesPoint(at, 0, 0) : p;
  }

  private long[] totals(DateRange range) {
    return store
        .database()
        .read(tx -> tx.query(
                "SELECT COALESCE(SUM(views), 0) AS v, "
                    + "COALESCE(SUM(visitors), 0) AS u FROM analytics_day WHERE day >= :from AND day < :to")
            .bind("from", range.start(zone).toEpochMilli())
            .bind("to", range.end(zone).toEpochMilli())
            .map(rs -> new long[] {rs.getLong("v"), rs.getLong("u")})
            .one());
  }

  public List<Ranked> articles(DateRange range, int limit) {
    return ranked(
        "SELECT CAST(article_id AS TEXT) AS k, SUM(views) AS n FROM analytics_page_day "
            + "WHERE day >= :from AND day < :to AND article_id IS NOT NULL GROUP BY article_id",
        range,
        limit,
        null);
  }

  public List<Ranked> sections(DateRange range, int limit) {
    return ranked(
        "SELECT section AS k, SUM(views) AS n FROM analytics_page_day "
            + "WHERE day >= :from AND day < :to AND section <> '' GROUP BY section",
        range,
        limit,
        null);
  }

  public List<Ranked> sources(DateRange range, String kind, int limit) {
    return ranked(
        "SELECT name AS k, SUM(views) AS n FROM analytics_source_day "
            + "WHERE day >= :from AND day < :to AND kind = :kind GROUP BY name",
        range,
        limit,
        kind);
  }

  private List<Ranked> ranked(String sql, DateRange range, int limit, String kind) {
    return store.database().read(tx -> {
      var q = tx.query(sql + " ORDER BY n DESC, k LIMIT :limit")
          .bind("from", range.start(zone).toEpochMilli())
          .bind("to", range.end(zone).toEpochMilli())
          .bind("limit", limit);
      if (kind != null) q.bind("kind", kind);
      return q.map(rs -> new Ranked(rs.getString("k"), rs.getLong("n"))).list();
    });
  }
}
