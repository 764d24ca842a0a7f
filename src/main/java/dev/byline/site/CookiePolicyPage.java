package dev.byline.site;

import dev.byline.consent.ConsentPolicy;
import dev.byline.store.SurrogateKey;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The cookie policy at {@code /cookies}, generated from the configured services so it always
 * says what the site really uses. Registered before the catch-all section route ("cookies" is a
 * reserved section slug). The footer's "Cookie settings" link points here, and the consent
 * script opens the settings dialog instead when it is running.
 */
public final class CookiePolicyPage implements Routes {
  private final Site site;
  private final ConsentPolicy policy;

  public CookiePolicyPage(Site site, ConsentPolicy policy) {
    this.site = site;
    this.policy = policy;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get(ConsentMarkup.POLICY_PATH, this::show);
  }

  private void show(Context ctx) {
    site.cache().serve(ctx, ConsentMarkup.POLICY_PATH, this::render);
  }

  RenderedPage render() {
    var chrome = site.chrome();
    var meta = Meta.simple(
        chrome.t().text("cookies.title") + " | " + chrome.siteName(),
        chrome.t().text("cookies.standfirst", chrome.siteName()),
        chrome.absolute(ConsentMarkup.POLICY_PATH));
    var bytes = site.views().render("site/cookies.jte", new CookiePolicyView(chrome, meta, policy));
    var keys = new java.util.HashSet<>(Site.chromeKeys(meta));
    keys.add(SurrogateKey.SECTIONS);
    return RenderedPage.html(bytes, keys, null);
  }
}
