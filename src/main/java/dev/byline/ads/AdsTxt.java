package dev.byline.ads;

import java.util.ArrayList;
import java.util.Optional;

/** The body of {@code /ads.txt} (IAB Tech Lab ads.txt 1.1), from configuration. */
public final class AdsTxt {
  /** Google's certification authority id, the same for every AdSense publisher. */
  static final String GOOGLE_CERTIFICATION = "f08c47fec0942fa0";

  private AdsTxt() {}

  /** Empty when nothing is configured: then the site has no ads.txt and answers 404. */
  public static Optional<String> render(AdsSettings ads, String siteName) {
    var lines = new ArrayList<String>();
    ads.adsenseClient()
        .ifPresent(
            c -> lines.add("google.com, " + c.substring(3) + ", DIRECT, " + GOOGLE_CERTIFICATION));
    lines.addAll(ads.adsTxtLines());
    if (lines.isEmpty()) return Optional.empty();
    return Optional.of("# ads.txt for " + siteName.replaceAll("[\\r\\n]", " ") + "\n"
        + String.join("\n", lines) + "\n");
  }
}
