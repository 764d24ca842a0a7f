package dev.byline.brand;

import dev.byline.content.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the site says about itself as a {@code NewsMediaOrganization} in structured data: the
 * addresses of its policies, which Google News reads (schema.org's publishing-principles
 * properties). Each is empty, a path on this site ({@code /about/ethics}) or an absolute http(s)
 * address.
 */
public record Publisher(
    String ethicsPolicy,
    String correctionsPolicy,
    String masthead,
    String ownershipFundingInfo,
    String diversityPolicy,
    String actionableFeedbackPolicy,
    String unnamedSourcesPolicy,
    String verificationFactCheckingPolicy,
    String noBylinesPolicy) {
  public static final Publisher NONE = new Publisher("", "", "", "", "", "", "", "", "");

  /** Longest address accepted; a policy page has no reason for a longer one. */
  static final int MAX_URL = 500;

  public Publisher {
    ethicsPolicy = url("ethicsPolicy", ethicsPolicy);
    correctionsPolicy = url("correctionsPolicy", correctionsPolicy);
    masthead = url("masthead", masthead);
    ownershipFundingInfo = url("ownershipFundingInfo", ownershipFundingInfo);
    diversityPolicy = url("diversityPolicy", diversityPolicy);
    actionableFeedbackPolicy = url("actionableFeedbackPolicy", actionableFeedbackPolicy);
    unnamedSourcesPolicy = url("unnamedSourcesPolicy", unnamedSourcesPolicy);
    verificationFactCheckingPolicy =
        url("verificationFactCheckingPolicy", verificationFactCheckingPolicy);
    noBylinesPolicy = url("noBylinesPolicy", noBylinesPolicy);
  }

  /** Property name to address, in schema.org's names, leaving out the empty ones. */
  public Map<String, String> properties() {
    var all = new LinkedHashMap<String, String>();
    all.put("ethicsPolicy", ethicsPolicy);
    all.put("correctionsPolicy", correctionsPolicy);
    all.put("masthead", masthead);
    all.put("ownershipFundingInfo", ownershipFundingInfo);
    all.put("diversityPolicy", diversityPolicy);
    all.put("actionableFeedbackPolicy", actionableFeedbackPolicy);
    all.put("unnamedSourcesPolicy", unnamedSourcesPolicy);
    all.put("verificationFactCheckingPolicy", verificationFactCheckingPolicy);
    all.put("noBylinesPolicy", noBylinesPolicy);
    all.values().removeIf(String::isEmpty);
    return all;
  }

  /** Empty, a site path, or an absolute http(s) address; anything else is refused naming the field. */
  static String url(String field, String value) {
    var v = value == null ? "" : value.strip();
    if (v.isEmpty()) return v;
    if (v.length() > MAX_URL)
      throw new InvalidInput(field, "is longer than " + MAX_URL + " characters");
    if (v.startsWith("/") && !v.startsWith("//")) {
      parse(field, v);
      return v;
    }
    var uri = parse(field, v);
    var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null)
      throw new InvalidInput(
          field, "must be an address such as https://example.org/ethics or a path such as /ethics");
    return v;
  }

  private static URI parse(String field, String v) {
    try {
      return new URI(v);
    } catch (URISyntaxException e) {
      throw new InvalidInput(field, "is not a valid address: " + e.getReason());
    }
  }
}
