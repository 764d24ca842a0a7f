package dev.byline;

import dev.byline.ads.AdsSettings;
import dev.byline.config.Config;
import dev.byline.consent.ConsentPolicy;
import dev.byline.i18n.Messages;
import dev.byline.site.Chrome;
import dev.byline.site.ConsentMarkup;
import dev.byline.site.Site;
import dev.byline.web.SecurityHeaders;
import dev.byline.web.StaticAssets;
import java.util.ArrayList;
import java.util.Locale;

/**
 * Consent and ads as read from {@code consent.*} and {@code ads.*}: the policy, and what it puts
 * on every page (the banner's markup and scripts, the settings script among the static files, the
 * hosts the security policy lets in). The site is built with it; {@link ConsentFeature} serves
 * the rest.
 */
record ConsentSettings(
    AdsSettings ads, ConsentPolicy policy, ConsentMarkup markup, StaticAssets assets) {

  static ConsentSettings from(Config config, StaticAssets files) {
    var ads = AdsSettings.from(config);
    var policy = ConsentPolicy.from(config, ads.services());
    var markup = new ConsentMarkup(policy, ads);
    var assets = files;
    for (var language : Messages.SHIPPED) {
      assets = assets.with(
          ConsentMarkup.settingsAsset(language),
          markup.settingsScript(Messages.of(Locale.forLanguageTag(language))));
    }
    return new ConsentSettings(ads, policy, markup, assets);
  }

  /** Puts the banner on every page: its markup, its scripts in order, and the settings link. */
  void addTo(Site site) {
    site.addToHead(markup.head(site.views()));
    site.addToBodyEnd(markup.bodyEnd(site.views()));
    // In the page's first styling: added later, they would restyle the whole page once loaded,
    // the longest task a phone ran before the banner showed.
    site.addStylesheet("cookieconsent.css");
    site.addStylesheet("consent.css");
    site.addScriptPerLanguage(ConsentMarkup::settingsAsset);
    site.addScript("cookieconsent.umd.js");
    site.addScript("consent.js");
    site.addFooterLink(new Chrome.FooterLink(
        "footer.cookie.settings", ConsentMarkup.POLICY_PATH + "#settings", "consent-settings"));
  }

  /**
   * The strict policy, widened only by what consent allows to load: the hash of the inline Consent
   * Mode defaults (pages are cached and identical for every reader, so a per-response nonce cannot
   * be used) and the hosts of configured third parties, which the consent script reaches only after
   * the reader agrees.
   */
  SecurityHeaders headers(Config config) {
    var hosts = policy.hosts();
    var scripts = new ArrayList<String>();
    policy.googleConsentMode().ifPresent(m -> scripts.add(m.cspSource()));
    scripts.addAll(hosts.scripts());
    return SecurityHeaders.of(
        scripts,
        hosts.frames(),
        hosts.connects(),
        hosts.images(),
        config.baseUrl().startsWith("https://"));
  }
}
