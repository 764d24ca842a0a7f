package dev.byline.analytics;

import java.util.List;

/**
 * What the dashboard shows for a date range.
 *
 * @param visitors the sum of each day's visitors (a reader on two days counts twice: days
 *     cannot be linked, by design)
 * @param articles article ids (as keys) by views
 * @param sections section slugs by views of the section page and its articles
 * @param referrers other sites' host names by views that arrived from them
 * @param campaigns utm_source values by views
 */
public record Report(
    DateRange range,
    Resolution resolution,
    List<SeriesPoint> series,
    long views,
    long visitors,
    List<Ranked> articles,
    List<Ranked> sections,
    List<Ranked> referrers,
    List<Ranked> campaigns) {
  public Report {
    series = List.copyOf(series);
    articles = List.copyOf(articles);
    sections = List.copyOf(sections);
    referrers = List.copyOf(referrers);
    campaigns = List.copyOf(campaigns);
  }
}
