package dev.byline;

import dev.byline.admin.ConsentAdmin;
import dev.byline.ads.AdsTxt;
import dev.byline.auth.Role;
import dev.byline.config.Config;
import dev.byline.consent.ConsentChoiceReader;
import dev.byline.consent.ConsentRecords;
import dev.byline.consent.SubmissionLimiter;
import dev.byline.site.AdsTxtRoute;
import dev.byline.site.ConsentRoutes;
import dev.byline.site.CookiePolicyPage;
import dev.byline.web.ClientAddress;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import java.time.Clock;

/**
 * Cookie consent and ads, what is served: the cookie policy page, the records of readers'
 * choices (taken in, and shown to admins), and {@code ads.txt}. What consent puts on every page
 * is in {@link ConsentSettings}, which the site is built with.
 */
final class ConsentFeature implements Routes {
  private final Config config;
  private final ConsentSettings settings;
  private final SiteFeature site;
  private final AdminFeature admin;
  private final ConsentRecords records;
  private final SubmissionLimiter limiter;
  private final Clock clock;

  ConsentFeature(
      Config config,
      Newsroom newsroom,
      ConsentSettings settings,
      SiteFeature site,
      AdminFeature admin,
      Clock clock) {
    this.config = config;
    this.settings = settings;
    this.site = site;
    this.admin = admin;
    this.records = new ConsentRecords(newsroom.db(), clock);
    this.limiter = SubmissionLimiter.from(config);
    this.clock = clock;
    admin.site().addNav("consent", "Consent records", "/admin/consent", Role.ADMIN);
  }

  @Override
  public void routes(RoutesConfig r) {
    new CookiePolicyPage(site.site(), settings.policy()).routes(r);
    new ConsentRoutes(
            new ConsentChoiceReader(settings.policy()),
            records,
            limiter,
            config.baseUrl(),
            ClientAddress::of)
        .routes(r);
    new AdsTxtRoute(AdsTxt.render(settings.ads(), config.siteName())).routes(r);
    new ConsentAdmin(admin.site(), records, settings.policy(), clock).routes(r);
  }
}
