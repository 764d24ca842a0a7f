package dev.byline.admin;

import dev.byline.analytics.AnalyticsReports;
import dev.byline.analytics.DateRange;
import dev.byline.analytics.PageViews;
import dev.byline.analytics.Ranked;
import dev.byline.analytics.Report;
import dev.byline.analytics.Resolution;
import dev.byline.content.ArticleStore;
import dev.byline.content.SectionStore;
import dev.byline.web.Access;
import dev.byline.web.BadRequest;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /admin/analytics}: visitors and page views over a date range (by hour or day), the top
 * articles, sections, referrers and campaigns, and live readers; {@code
 * /admin/analytics/export.csv} gives each table as CSV. Editors and above.
 */
public final class AnalyticsDashboard implements Routes {
  public static final String PATH = "/admin/analytics";
  public static final String EXPORT_PATH = "/admin/analytics/export.csv";

  private final AdminSite site;
  private final AnalyticsReports reports;
  private final PageViews pageViews;
  private final ArticleStore articles;
  private final SectionStore sections;
  private final Clock clock;

  public AnalyticsDashboard(
      AdminSite site,
      AnalyticsReports reports,
      PageViews pageViews,
      ArticleStore articles,
      SectionStore sections,
      Clock clock) {
    this.site = site;
    this.reports = reports;
    this.pageViews = pageViews;
    this.articles = articles;
    this.sections = sections;
    this.clock = clock;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get(PATH, this::show, Access.EDITOR);
    routes.get(EXPORT_PATH, this::export, Access.EDITOR);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(reports.zone()));
  }

  private DateRange range(Context ctx) {
    return DateRange.parse(ctx.queryParam("from"), ctx.queryParam("to"), today());
  }

  private Resolution resolution(Context ctx, DateRange range) {
    return Resolution.parse(ctx.queryParam("resolution"), range);
  }

  private void show(Context ctx) {
    var range = range(ctx);
    var resolution = resolution(ctx, range);
    var report = reports.report(range, resolution, AnalyticsReports.TOP);
    var chart = SvgChart.of(
        report.series(),
        resolution,
        reports.zone(),
        "Page views and visitors, " + label(range),
        summary(report));
    var format = DateTimeFormatter.ofPattern(
            resolution == Resolution.HOUR ? "EEE d MMM, HH:mm" : "EEE d MMM yyyy", Locale.ENGLISH)
        .withZone(reports.zone());
    var table = report.series().stream()
        .map(p -> AnalyticsView.point(p, format.format(p.start())))
        .toList();
    var query = "from=" + range.from() + "&to=" + range.to() + "&resolution=" + resolution.value();
    var view = new AnalyticsView(
        site.chrome(ctx, "analytics"),
        range,
        resolution,
        presets(range),
        report.views(),
        report.visitors(),
        pageViews.liveReaders(),
        chart,
        table,
        articleRows(report),
        sectionRows(report),
        rows(report.referrers(), report.views(), false),
        rows(report.campaigns(), report.views(), false),
        query);
    site.render(ctx, "admin/analytics.jte", view);
  }

  private void export(Context ctx) {
    var range = range(ctx);
    var what = ctx.queryParam("what") == null ? "series" : ctx.queryParam("what");
    var csv = new AnalyticsCsv(reports, articles, sections);
    var body = switch (what) {
      case "series" -> csv.series(range, resolution(ctx, range));
      case "articles" -> csv.articles(range);
      case "sections" -> csv.sections(range);
      case "referrers" -> csv.sources(range, "referrer");
      case "campaigns" -> csv.sources(range, "campaign");
      default ->
        throw new BadRequest("what must be series, articles, sections, referrers or campaigns.");
    };
    ctx.header("Cache-Control", "no-store");
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"analytics-" + what + "-" + range.from() + "-to-" + range.to()
            + ".csv\"");
    ctx.contentType("text/csv; charset=utf-8");
    ctx.result(body);
  }

  private List<AnalyticsView.Preset> presets(DateRange current) {
    var today = today();
    var out = new ArrayList<AnalyticsView.Preset>();
    out.add(preset("Today", new DateRange(today, today), current));
    out.add(preset("Yesterday", new DateRange(today.minusDays(1), today.minusDays(1)), current));
    out.add(preset("Last 7 days", DateRange.last(7, today), current));
    out.add(preset("Last 30 days", DateRange.last(30, today), current));
    out.add(preset("Last 12 months", DateRange.last(365, today), current));
    return out;
  }

  private static AnalyticsView.Preset preset(String label, DateRange range, DateRange current) {
    return new AnalyticsView.Preset(
        label, "?from=" + range.from() + "&to=" + range.to(), range.equals(current));
  }

  private static String label(DateRange range) {
    var f = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    return range.from().equals(range.to())
        ? f.format(range.from())
        : f.format(range.from()) + " to " + f.format(range.to());
  }

  private String summary(Report report) {
    var peak = report.series().stream().max((a, b) -> Long.compare(a.views(), b.views()));
    var unit = report.resolution() == Resolution.HOUR ? "hour" : "day";
    var f = DateTimeFormatter.ofPattern(
            report.resolution() == Resolution.HOUR ? "d MMMM, HH:mm" : "d MMMM", Locale.ENGLISH)
        .withZone(reports.zone());
    return String.format(
            Locale.ENGLISH,
            "%,d page views and %,d visitors in all, by %s.",
            report.views(),
            report.visitors(),
            unit)
        + peak.filter(p -> p.views() > 0)
            .map(p -> String.format(
                Locale.ENGLISH,
                " The busiest %s was %s with %,d page views and %,d visitors.",
                unit,
                f.format(p.start()),
                p.views(),
                p.visitors()))
            .orElse(" Nothing was counted.");
  }

  private List<AnalyticsView.Row> articleRows(Report report) {
    var out = new ArrayList<AnalyticsView.Row>();
    for (var r : report.articles()) {
      long id = Long.parseLong(r.key());
      var article = articles.byId(id);
      var label = article
          .map(a -> a.headline() + (a.isPublished() ? "" : " (not published)"))
          .orElse("Article " + id + " (deleted)");
      var href = article.filter(a -> a.isPublished()).map(a -> a.path()).orElse("");
      out.add(new AnalyticsView.Row(label, href, r.views(), 0, percent(r.views(), report.views())));
    }
    return out;
  }

  private List<AnalyticsView.Row> sectionRows(Report report) {
    var out = new ArrayList<AnalyticsView.Row>();
    for (var r : report.sections()) {
      var section = sections.bySlug(r.key());
      out.add(new AnalyticsView.Row(
          section.map(s -> s.name()).orElse(r.key()),
          section.map(s -> s.path()).orElse(""),
          r.views(),
          0,
          percent(r.views(), report.views())));
    }
    return out;
  }

  private static List<AnalyticsView.Row> rows(List<Ranked> ranked, long total, boolean linked) {
    return ranked.stream()
        .map(r -> new AnalyticsView.Row(
            r.key(), linked ? r.key() : "", r.views(), 0, percent(r.views(), total)))
        .toList();
  }

  private static int percent(long part, long total) {
    return total == 0 ? 0 : (int) Math.round(100.0 * part / total);
  }
}
