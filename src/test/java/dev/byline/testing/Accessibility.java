package dev.byline.testing;

import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core over the page in the browser now, with the rules Byline holds its pages to: WCAG 2.0,
 * 2.1 and 2.2 at levels A and AA, which include target size (2.5.8, at least 24 by 24 CSS pixels
 * or enough space around), plus heading order, which Lighthouse's accessibility score also counts.
 *
 * <pre>{@code
 * Accessibility.onPhone(driver);
 * driver.get(site.url("/"));
 * assertThat(Accessibility.violations(driver)).as("axe on /").isEmpty();
 * }</pre>
 */
public final class Accessibility {
  /** axe's tags for WCAG 2.2 level AA; {@code wcag22aa} is where {@code target-size} lives. */
  public static final List<String> WCAG22_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  /** Best-practice rules outside WCAG's tags that Lighthouse scores and pages once failed. */
  public static final List<String> ALSO = List.of("heading-order");

  /**
   * Lighthouse's mobile preset (Moto G Power): 412 by 823 CSS pixels at 1.75 device pixels each.
   * Tap targets and layout differ from the desktop, so pages are checked at both widths.
   */
  public static final int PHONE_WIDTH = 412;

  public static final int PHONE_HEIGHT = 823;

  private Accessibility() {}

  /**
   * Every violation, of any impact, as "rule: help [targets]"; empty when the page passes. Moderate
   * findings count too: a Lighthouse score below 100 is made of them.
   */
  public static List<String> violations(ChromeDriver driver) {
    var wcag = new AxeBuilder().withTags(WCAG22_AA).analyze(driver).getViolations();
    var also = new AxeBuilder().withOnlyRules(ALSO).analyze(driver).getViolations();
    return Stream.concat(wcag.stream(), also.stream())
        .map(v -> v.getId() + ": " + v.getHelp() + " "
            + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
        .toList();
  }

  /** Lays pages out as on Lighthouse's phone until {@link #onDesktop} (a touch screen, too). */
  public static void onPhone(ChromeDriver driver) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            PHONE_WIDTH,
            "height",
            PHONE_HEIGHT,
            "deviceScaleFactor",
            1.75,
            "mobile",
            true));
  }

  /** Back to the browser window's own size. */
  public static void onDesktop(ChromeDriver driver) {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }
}
