package dev.byline;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.byline.admin.NewsletterAdmin;
import dev.byline.api.BounceIntake;
import dev.byline.auth.Role;
import dev.byline.config.Config;
import dev.byline.config.ConfigException;
import dev.byline.consent.SubmissionLimiter;
import dev.byline.content.ArticleSummary;
import dev.byline.newsletter.Newsletter;
import dev.byline.newsletter.NewsletterSettings;
import dev.byline.newsletter.SiteVoice;
import dev.byline.newsletter.Story;
import dev.byline.site.Chrome;
import dev.byline.site.NewsletterMail;
import dev.byline.site.NewsletterPages;
import dev.byline.site.Site;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Newsletters by email, on when {@code newsletter.smtp.host} is set: the sign-up, confirm and
 * unsubscribe pages, the sender and the daily briefing, the admin page and the editor's alert
 * button, and the bounce intake.
 */
final class NewsletterFeature implements Routes, AutoCloseable {
  /** A reader signs up once; a few tries cover typos, and an office behind one address. */
  static final int DEFAULT_BURST = 5;

  static final int DEFAULT_REFILL_SECONDS = 60;

  private final Optional<Newsletter> newsletter;
  private final SiteFeature site;
  private final AdminFeature admin;
  private final Newsroom newsroom;
  private final SubmissionLimiter limiter;

  NewsletterFeature(
      Config config, Newsroom newsroom, SiteFeature site, AdminFeature admin, Clock clock) {
    this.site = site;
    this.admin = admin;
    this.newsroom = newsroom;
    this.limiter = limiter(config);
    if (!NewsletterSettings.enabled(config)) {
      newsletter = Optional.empty();
      return;
    }
    var settings = NewsletterSettings.from(config);
    newsletter = Optional.of(Newsletter.start(
        settings,
        newsroom.db(),
        newsroom.state(),
        config.setting("newsletter.secret", ""),
        new NewsletterMail(site.site().views()),
        n -> topStories(config.baseUrl(), n),
        () -> voice(site.site()),
        clock));
    admin.site().addNav("newsletter", "Newsletter", NewsletterAdmin.PATH, Role.ADMIN);
    site.site().addFooterLink(new Chrome.FooterLink("footer.newsletter", NewsletterPages.PATH, ""));
  }

  Optional<Newsletter> newsletter() {
    return newsletter;
  }

  /** The site's name, language and zone as its settings say now: mails follow a change at once. */
  private static SiteVoice voice(Site site) {
    var s = site.settings();
    return new SiteVoice(s.name(), site.messages(), s.zone());
  }

  /** The front page's stories, its lead (the newest with a picture) first, as absolute links. */
  private List<Story> topStories(String baseUrl, int n) {
    var pool = new ArrayList<>(newsroom.published().latest(1, Math.max(n, 12)).items());
    pool.stream().filter(ArticleSummary::hasImage).findFirst().ifPresent(lead -> {
      pool.remove(lead);
      pool.add(0, lead);
    });
    return pool.stream()
        .limit(n)
        .map(s -> new Story(
            s.headline(), s.standfirst() == null ? "" : s.standfirst(), baseUrl + s.path()))
        .toList();
  }

  private static SubmissionLimiter limiter(Config config) {
    int burst = config.intSetting("newsletter.subscribe.burst", DEFAULT_BURST);
    int refill = config.intSetting("newsletter.subscribe.refill.seconds", DEFAULT_REFILL_SECONDS);
    if (burst < 1) throw new ConfigException("newsletter.subscribe.burst", "must be 1 or more");
    if (refill < 1)
      throw new ConfigException("newsletter.subscribe.refill.seconds", "must be 1 or more");
    return new SubmissionLimiter(burst, Duration.ofSeconds(refill), Ticker.systemTicker());
  }

  @Override
  public void routes(RoutesConfig r) {
    if (newsletter.isEmpty()) return;
    var n = newsletter.get();
    new NewsletterPages(site.site(), n, limiter).routes(r);
    var pages = new NewsletterAdmin(
        admin.site(), n, newsroom.articles(), admin.accounts().audit());
    admin.panels().add(pages.editorPanel());
    pages.routes(r);
    new BounceIntake(n).routes(r);
  }

  @Override
  public void close() {
    newsletter.ifPresent(Newsletter::close);
  }
}
