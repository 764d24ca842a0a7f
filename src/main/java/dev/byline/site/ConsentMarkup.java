package dev.byline.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.byline.ads.AdsSettings;
import dev.byline.consent.ConsentPolicy;
import dev.byline.consent.KnownServices;
import dev.byline.consent.Service;
import dev.byline.content.Html;
import dev.byline.i18n.Messages;
import dev.byline.json.Json;
import dev.byline.web.Views;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The markup the consent feature adds to every page, the same for every reader:
 *
 * <ul>
 *   <li>in {@code <head>}, the Google Consent Mode defaults (inline, allowed by CSP hash), before any Google tag;
 *   <li>at the end of {@code <body>}, each third-party tag inert ({@code type="text/plain"} with
 *       {@code data-category}) for the consent script to activate after the reader agrees.
 * </ul>
 *
 * The banner's settings (policy, words, where to send records) are a separate, versioned script
 * ({@link #SETTINGS_ASSET}), so pages do not carry them and browsers cache them once.
 */
public final class ConsentMarkup {
  /**
   * The generated static asset holding the settings in {@code language}; one per shipped language,
   * so a change of the site's language reaches the banner with the next page. Loaded before the
   * consent script.
   */
  public static String settingsAsset(String language) {
    return "consent-settings-" + language + ".js";
  }

  public static final String RECORDS_PATH = "/consent/records";
  public static final String POLICY_PATH = "/cookies";

  private final ConsentPolicy policy;
  private final AdsSettings ads;

  public ConsentMarkup(ConsentPolicy policy, AdsSettings ads) {
    this.policy = policy;
    this.ads = ads;
  }

  /** What consent puts on every page, rendered by {@code site/consent-head.jte} and {@code site/consent-end.jte}. */
  public record Tags(String consentModeScript, String analyticsSrc, String adsenseSrc) {}

  Tags tags() {
    return new Tags(
        policy.googleConsentMode().map(m -> m.inlineScript()).orElse(""),
        policy
            .service(KnownServices.GOOGLE_ANALYTICS)
            .map(ga -> "https://www.googletagmanager.com/gtag/js?id=" + ga4Id())
            .orElse(""),
        ads.adsenseClient()
            .map(c -> "https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=" + c)
            .orElse(""));
  }

  /** The inline Consent Mode defaults, or nothing when no Google tag is configured. */
  public String head(Views views) {
    return new String(views.render("site/consent-head.jte", tags()), StandardCharsets.UTF_8);
  }

  /** The inert third-party tags the consent script activates after the reader agrees. */
  public String bodyEnd(Views views) {
    return new String(views.render("site/consent-end.jte", tags()), StandardCharsets.UTF_8);
  }

  /** The settings asset in {@code t}'s language: one assignment the consent script reads. */
  public byte[] settingsScript(Messages t) {
    return ("window.bylineConsentSettings=" + settingsJson(t) + ";\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** What the consent script needs: the policy, the banner's words, and where to send records. */
  String settingsJson(Messages t) {
    var s = new LinkedHashMap<String, Object>();
    s.put("revision", policy.revision());
    s.put("expiryDays", policy.expiryDays());
    s.put("cookie", ConsentPolicy.COOKIE);
    s.put("lang", t.language());
    s.put("rtl", t.dir().equals("rtl"));
    s.put("recordUrl", RECORDS_PATH);
    if (policy.has(KnownServices.GOOGLE_ANALYTICS)) s.put("ga4", ga4Id());
    ads.adsenseClient().ifPresent(c -> s.put("adsense", c));
    var categories = new ArrayList<Map<String, Object>>();
    for (var c : policy.categories()) {
      var services = new ArrayList<Map<String, Object>>();
      for (var svc : policy.services(c)) {
        services.add(ordered(
            "id",
            svc.id(),
            "label",
            serviceLabel(svc),
            "cookies",
            svc.cookies().stream()
                .filter(k -> k.firstParty())
                .map(k -> k.name())
                .toList()));
      }
      categories.add(ordered("id", c.id(), "services", services));
    }
    s.put("categories", categories);
    s.put("text", new BannerText(policy, POLICY_PATH, t).translation());
    try {
      // "<" is escaped so the JSON stays safe even if it is ever inlined in a page.
      return Json.MAPPER.writeValueAsString(s).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String ga4Id() {
    return policy.service(KnownServices.GOOGLE_ANALYTICS).orElseThrow().account();
  }

  private static String serviceLabel(Service s) {
    return Html.escape(s.name())
        + (s.thirdParty()
            ? " <span class=\"cc-provider\">(" + Html.escape(s.provider()) + ")</span>"
            : "");
  }

  /** A map that keeps the order given, so the page's bytes are the same on every start. */
  static Map<String, Object> ordered(Object... keysAndValues) {
    var m = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2)
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    return m;
  }
}
