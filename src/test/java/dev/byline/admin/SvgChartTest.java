package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.analytics.Resolution;
import dev.byline.analytics.SeriesPoint;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The chart's geometry and the CSV cells, without a server. */
class SvgChartTest {
  static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void gridlines_fall_on_round_numbers_above_the_highest_point() {
    assertThat(SvgChart.niceStep(0)).isEqualTo(1);
    assertThat(SvgChart.niceStep(37)).isEqualTo(10);
    assertThat(SvgChart.niceStep(1234)).isEqualTo(500);
    assertThat(SvgChart.niceStep(9_000_000)).isEqualTo(5_000_000);
    var points = new ArrayList<SeriesPoint>();
    var start = Instant.parse("2026-03-10T00:00:00Z");
    for (int h = 0; h < 24; h++)
      points.add(new SeriesPoint(start.plus(Duration.ofHours(h)), h * 10L, h * 4L));
    var chart = SvgChart.of(
        points,
        Resolution.HOUR,
        LONDON,
        "Page views and visitors, 10 March 2026",
        "230 at the peak.");
    assertThat(chart.yTicks())
        .extracting(SvgChart.Tick::label)
        .containsExactly("0", "100", "200", "300");
    assertThat(chart.xTicks())
        .extracting(SvgChart.Tick::label)
        .startsWith("00:00", "03:00")
        .hasSizeLessThanOrEqualTo(8);
    assertThat(chart.viewsLine().split(" ")).hasSize(24);
    assertThat(chart.viewsLine()).startsWith(SvgChart.LEFT + ".0," + chart.bottom() + ".0");
    assertThat(chart.xAxisLabel()).isEqualTo("Hour (Europe/London)");
  }

  @Test
  void a_month_by_hour_is_labelled_by_day_and_an_empty_range_still_draws() {
    var points = new ArrayList<SeriesPoint>();
    var start = Instant.parse("2026-03-01T00:00:00Z");
    for (int h = 0; h < 24 * 30; h++)
      points.add(new SeriesPoint(start.plus(Duration.ofHours(h)), 5, 2));
    var chart = SvgChart.of(points, Resolution.HOUR, LONDON, "t", "d");
    assertThat(chart.xTicks()).extracting(SvgChart.Tick::label).first().isEqualTo("1 Mar");
    assertThat(chart.xTicks()).hasSizeLessThanOrEqualTo(8);
    var empty = SvgChart.of(java.util.List.of(), Resolution.DAY, LONDON, "t", "d");
    assertThat(empty.viewsLine()).isEmpty();
    assertThat(empty.yTicks()).extracting(SvgChart.Tick::label).containsExactly("0", "1");
  }

  @Test
  void csv_cells_are_quoted_and_formulas_are_defused() {
    assertThat(AnalyticsCsv.cell("Plain")).isEqualTo("Plain");
    assertThat(AnalyticsCsv.cell("Talks, resumed")).isEqualTo("\"Talks, resumed\"");
    assertThat(AnalyticsCsv.cell("He said \"no\"")).isEqualTo("\"He said \"\"no\"\"\"");
    assertThat(AnalyticsCsv.cell("=HYPERLINK(\"http://evil\")")).startsWith("\"'=HYPERLINK(");
    assertThat(AnalyticsCsv.cell("-5 degrees")).isEqualTo("'-5 degrees");
  }
}
