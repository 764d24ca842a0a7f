package dev.byline.admin;

import dev.byline.analytics.DateRange;
import dev.byline.analytics.Resolution;
import dev.byline.analytics.SeriesPoint;
import java.util.List;

/**
 * The analytics dashboard.
 *
 * @param series the chart's figures again, as a table for screen readers and for checking
 * @param exportQuery the query string of the range shown, for the CSV links
 */
public record AnalyticsView(
    AdminChrome chrome,
    DateRange range,
    Resolution resolution,
    List<Preset> presets,
    long views,
    long visitors,
    long liveReaders,
    SvgChart chart,
    List<Row> series,
    List<Row> articles,
    List<Row> sections,
    List<Row> referrers,
    List<Row> campaigns,
    String exportQuery) {

  /** One line of a table: a label (linked when {@code href} is not empty), a count and its share. */
  public record Row(String label, String href, long views, long visitors, int percent) {}

  /** A quick range ("Last 7 days") as the query string that shows it. */
  public record Preset(String label, String query, boolean current) {}

  public AnalyticsView {
    presets = List.copyOf(presets);
    series = List.copyOf(series);
    articles = List.copyOf(articles);
    sections = List.copyOf(sections);
    referrers = List.copyOf(referrers);
    campaigns = List.copyOf(campaigns);
  }

  public boolean hourly() {
    return resolution == Resolution.HOUR;
  }

  static Row point(SeriesPoint p, String label) {
    return new Row(label, "", p.views(), p.visitors(), 0);
  }
}
