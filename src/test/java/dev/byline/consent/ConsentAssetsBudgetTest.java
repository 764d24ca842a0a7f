package dev.byline.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The banner's script and styles (the library, Byline's glue and overrides) stay under about
 * 20 KB gzipped, as readers download them on a first visit (gzipped as the site serves them, from
 * the built classpath, so the script is the minified one). Size, not time, so a plain test.
 */
class ConsentAssetsBudgetTest {
  static final int BUDGET_BYTES = 20 * 1024;
  static final List<String> ASSETS =
      List.of("cookieconsent.umd.js", "cookieconsent.css", "consent.js", "consent.css");

  @Test
  void banner_script_and_styles_stay_under_20_kb_gzipped() throws IOException {
    long total = 0;
    var report = new StringBuilder();
    for (var name : ASSETS) {
      byte[] raw;
      try (var in = getClass().getClassLoader().getResourceAsStream("static/" + name)) {
        assertThat(in).as("static/" + name + " on the classpath").isNotNull();
        raw = in.readAllBytes();
      }
      var gz = dev.byline.web.Gzip.compress(raw).length;
      total += gz;
      report.append(String.format("%s raw=%d gzip=%d%n", name, raw.length, gz));
    }
    System.out.print(report.append("total gzip=").append(total).append(System.lineSeparator()));
    assertThat(total).as(report.toString()).isLessThan(BUDGET_BYTES);
  }
}
