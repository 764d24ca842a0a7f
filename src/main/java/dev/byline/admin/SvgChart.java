package dev.byline.admin;

import dev.byline.analytics.Resolution;
import dev.byline.analytics.SeriesPoint;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a two-line time chart (page views and visitors), drawn as SVG by
 * {@code admin/chart.jte}: no script, readable without colour (solid and dashed lines, a
 * legend), with a title, a description of the figures and labelled axes.
 *
 * @param viewsLine SVG points of the page-views line, "x,y x,y ..."
 * @param viewsArea the same closed down to the axis, for the shaded area
 * @param visitorsLine SVG points of the visitors line
 */
public record SvgChart(
    int width,
    int height,
    int left,
    int top,
    int right,
    int bottom,
    String title,
    String description,
    String xAxisLabel,
    String yAxisLabel,
    List<Tick> xTicks,
    List<Tick> yTicks,
    String viewsLine,
    String viewsArea,
    String visitorsLine) {

  /** A labelled position along an axis, in SVG units. */
  public record Tick(double at, String label) {}

  static final int WIDTH = 880;
  static final int HEIGHT = 300;
  static final int LEFT = 64;
  static final int RIGHT = 16;
  static final int TOP = 16;
  static final int BOTTOM = 56;
  /** More x labels than this overlap at the chart's width. */
  static final int MAX_X_LABELS = 8;

  public SvgChart {
    xTicks = List.copyOf(xTicks);
    yTicks = List.copyOf(yTicks);
  }

  public static SvgChart of(
      List<SeriesPoint> series,
      Resolution resolution,
      ZoneId zone,
      String title,
      String description) {
    long max = 0;
    for (var p : series) max = Math.max(max, Math.max(p.views(), p.visitors()));
    long step = niceStep(max);
    long top = Math.max(step, ((max + step - 1) / step) * step);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    int n = series.size();
    double dx = n > 1 ? (double) plotW / (n - 1) : 0;
    var views = new StringBuilder();
    var visitors = new StringBuilder();
    for (int i = 0; i < n; i++) {
      double x = LEFT + (n > 1 ? i * dx : plotW / 2.0);
      views
          .append(fmt(x))
          .append(',')
          .append(fmt(y(series.get(i).views(), top, plotH)))
          .append(' ');
      visitors
          .append(fmt(x))
          .append(',')
          .append(fmt(y(series.get(i).visitors(), top, plotH)))
          .append(' ');
    }
    var area = n == 0
        ? ""
        : fmt(LEFT + (n > 1 ? 0 : plotW / 2.0)) + "," + (TOP + plotH) + " " + views
            + fmt(LEFT + (n > 1 ? (n - 1) * dx : plotW / 2.0)) + "," + (TOP + plotH);
    var yTicks = new ArrayList<Tick>();
    for (long v = 0; v <= top; v += step)
      yTicks.add(new Tick(y(v, top, plotH), String.format(Locale.ROOT, "%,d", v)));
    var xTicks = new ArrayList<Tick>();
    var format = DateTimeFormatter.ofPattern(
            resolution == Resolution.HOUR ? (n > 48 ? "d MMM" : "HH:mm") : "d MMM", Locale.ENGLISH)
        .withZone(zone);
    int every = Math.max(1, (int) Math.ceil(n / (double) MAX_X_LABELS));
    if (resolution == Resolution.HOUR && n > 48)
      every = Math.max(24, (int) Math.ceil(n / 24.0 / MAX_X_LABELS) * 24);
    for (int i = 0; i < n; i += every)
      xTicks.add(new Tick(
          LEFT + (n > 1 ? i * dx : plotW / 2.0), format.format(series.get(i).start())));
    var xLabel = (resolution == Resolution.HOUR ? "Hour" : "Day") + " (" + zone.getId() + ")";
    return new SvgChart(
        WIDTH,
        HEIGHT,
        LEFT,
        TOP,
        WIDTH - RIGHT,
        TOP + plotH,
        title,
        description,
        xLabel,
        "Count",
        xTicks,
        yTicks,
        views.toString().strip(),
        area,
        visitors.toString().strip());
  }

  /** A round step (1, 2 or 5 times a power of ten) giving about four gridlines. */
  static long niceStep(long max) {
    if (max <= 4) return 1;
    double raw = max / 4.0;
    double pow = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / pow;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return Math.max(1, (long) (nice * pow));
  }

  private static double y(long value, long top, int plotH) {
    return TOP + plotH - (double) value / top * plotH;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
