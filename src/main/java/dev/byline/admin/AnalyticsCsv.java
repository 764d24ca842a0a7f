package dev.byline.admin;

import dev.byline.analytics.AnalyticsReports;
import dev.byline.analytics.DateRange;
import dev.byline.analytics.Resolution;
import dev.byline.content.ArticleStore;
import dev.byline.content.SectionStore;
import java.time.format.DateTimeFormatter;

/**
 * The dashboard's tables as CSV (RFC 4180, CRLF line ends). Text cells that a spreadsheet would
 * run as a formula (starting with = + - @) get a leading apostrophe.
 */
final class AnalyticsCsv {
  /** Rankings in an export go deeper than on screen. */
  static final int EXPORT_TOP = 1000;

  private final AnalyticsReports reports;
  private final ArticleStore articles;
  private final SectionStore sections;

  AnalyticsCsv(AnalyticsReports reports, ArticleStore articles, SectionStore sections) {
    this.reports = reports;
    this.articles = articles;
    this.sections = sections;
  }

  String series(DateRange range, Resolution resolution) {
    var out = new StringBuilder(resolution == Resolution.HOUR ? "hour" : "day")
        .append(",page_views,visitors\r\n");
    var f = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(reports.zone());
    for (var p : reports.series(range, resolution)) {
      out.append(f.format(p.start()))
          .append(',')
          .append(p.views())
          .append(',')
          .append(p.visitors())
          .append("\r\n");
    }
    return out.toString();
  }

  String articles(DateRange range) {
    var out = new StringBuilder("rank,article_id,headline,path,page_views\r\n");
    int rank = 1;
    for (var r : reports.articles(range, EXPORT_TOP)) {
      var article = articles.byId(Long.parseLong(r.key()));
      out.append(rank++)
          .append(',')
          .append(r.key())
          .append(',')
          .append(cell(article.map(a -> a.headline()).orElse("")))
          .append(',')
          .append(cell(article.map(a -> a.path()).orElse("")))
          .append(',')
          .append(r.views())
          .append("\r\n");
    }
    return out.toString();
  }

  String sections(DateRange range) {
    var out = new StringBuilder("rank,section,name,page_views\r\n");
    int rank = 1;
    for (var r : reports.sections(range, EXPORT_TOP)) {
      out.append(rank++)
          .append(',')
          .append(cell(r.key()))
          .append(',')
          .append(cell(sections.bySlug(r.key()).map(s -> s.name()).orElse("")))
          .append(',')
          .append(r.views())
          .append("\r\n");
    }
    return out.toString();
  }

  String sources(DateRange range, String kind) {
    var out = new StringBuilder("rank,").append(kind).append(",page_views\r\n");
    int rank = 1;
    for (var r : reports.sources(range, kind, EXPORT_TOP)) {
      out.append(rank++)
          .append(',')
          .append(cell(r.key()))
          .append(',')
          .append(r.views())
          .append("\r\n");
    }
    return out.toString();
  }

  static String cell(String value) {
    return dev.byline.content.Text.csvCell(value);
  }
}
