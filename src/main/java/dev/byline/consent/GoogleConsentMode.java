package dev.byline.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * Google Consent Mode v2 defaults: the small inline script that must run in {@code <head>}
 * before any Google tag. Everything a reader controls starts denied ({@code security_storage}
 * is granted), with {@code wait_for_update} so a stored choice can be applied first. Google tags
 * themselves load only after consent (basic mode), so these defaults are a second lock.
 *
 * <p>Pages are cached and the same bytes for every reader, so a per-response CSP nonce cannot be
 * used; the script is fixed at start-up and allowed by its hash ({@link #cspSource()}) instead.
 */
public record GoogleConsentMode(List<RegionDefault> regions, int waitForUpdateMillis) {
  /** Long enough for the consent script to read a stored choice, short enough not to delay tags. */
  public static final int DEFAULT_WAIT_MILLIS = 500;

  public GoogleConsentMode {
    regions = List.copyOf(regions);
    if (waitForUpdateMillis < 0 || waitForUpdateMillis > 10_000) {
      throw new dev.byline.config.ConfigException(
          "consent.google.wait.ms", "must be between 0 and 10000");
    }
  }

  /** The exact text inside the inline {@code <script>}; its bytes are what the CSP hash covers. */
  public String inlineScript() {
    var s = new StringBuilder();
    s.append("window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}");
    s.append("gtag('consent','default',{")
        .append(types(List.of()))
        .append(",'wait_for_update':")
        .append(waitForUpdateMillis)
        .append("});");
    for (var r : regions) {
      s.append("gtag('consent','default',{")
          .append(types(List.copyOf(r.granted())))
          .append(",'region':[")
          .append(String.join(",", r.regions().stream().map(x -> "'" + x + "'").toList()))
          .append("],'wait_for_update':")
          .append(waitForUpdateMillis)
          .append("});");
    }
    s.append("gtag('set','ads_data_redaction',true);");
    return s.toString();
  }

  /** The CSP script-src entry that allows exactly {@link #inlineScript()}. */
  public String cspSource() {
    try {
      var digest = MessageDigest.getInstance("SHA-256")
          .digest(inlineScript().getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String types(List<String> granted) {
    var parts = new java.util.ArrayList<String>();
    for (var t : RegionDefault.TYPES)
      parts.add("'" + t + "':'" + (granted.contains(t) ? "granted" : "denied") + "'");
    parts.add("'security_storage':'granted'");
    return String.join(",", parts);
  }
}
