package dev.byline;

import dev.byline.admin.AccountPages;
import dev.byline.admin.AdminSite;
import dev.byline.admin.ArticleDesk;
import dev.byline.admin.ArticleEditor;
import dev.byline.admin.AuditPages;
import dev.byline.admin.BodyFormats;
import dev.byline.admin.BreakingAdmin;
import dev.byline.admin.CatalogPages;
import dev.byline.admin.CurationAdmin;
import dev.byline.admin.Dashboard;
import dev.byline.admin.EditorPanels;
import dev.byline.admin.LoginPages;
import dev.byline.admin.MenuAdmin;
import dev.byline.admin.PageDesk;
import dev.byline.admin.PhotoDesk;
import dev.byline.admin.RelatedAdmin;
import dev.byline.admin.RevisionPages;
import dev.byline.admin.SessionGate;
import dev.byline.admin.SettingsPages;
import dev.byline.admin.TwoFactorPages;
import dev.byline.admin.UserPages;
import dev.byline.auth.Accounts;
import dev.byline.auth.Role;
import dev.byline.auth.SignInRules;
import dev.byline.auth.SlowLane;
import dev.byline.config.Config;
import dev.byline.config.ConfigException;
import dev.byline.content.ArticleRevisions;
import dev.byline.content.ScheduledPublisher;
import dev.byline.curation.Expiries;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Duration;

/**
 * The newsroom under {@code /admin}: accounts and the session gate every request passes, the
 * desk, the editor with its revisions and related links, photos, sections, topics, authors,
 * users and the audit log, the site's own pages, menus, front-page curation and breaking news;
 * the publisher that puts scheduled stories out, and the sweep that announces expired pins. Its routes go
 * first, since the gate must see every request before any page does.
 */
final class AdminFeature implements Routes, AutoCloseable {
  private final Newsroom newsroom;
  private final SiteFeature site;
  private final Clock clock;
  private final Accounts accounts;
  private final SessionGate gate;
  private final AdminSite admin;
  private final ArticleRevisions revisions;
  private final RelatedAdmin related;
  private final EditorPanels panels = new EditorPanels();
  private final ScheduledPublisher publisher;
  private final Expiries expiries;

  AdminFeature(
      Config config, Newsroom newsroom, SiteFeature site, SearchFeature search, Clock clock) {
    this.newsroom = newsroom;
    this.site = site;
    this.clock = clock;
    accounts = Accounts.open(newsroom.db(), clock, signInRules(config));
    gate = new SessionGate(
        accounts.sessions(),
        accounts.tokens(),
        Byline.CSRF_EXEMPT,
        Byline.FORM_PAGES,
        config.baseUrl().startsWith("https://"),
        config.boolSetting("http.trust.forwarded", false),
        accounts.rules()::requiresTwoFactor);
    admin = new AdminSite(config, site.site().views(), site.site().assets());
    admin.addNav("settings", "Site settings", "/admin/settings", Role.ADMIN);
    revisions = new ArticleRevisions(newsroom.db(), clock);
    related = new RelatedAdmin(
        admin, newsroom.articles(), newsroom.published(), search.choices(), search.related());
    panels.add(related.editorPanel());
    publisher = new ScheduledPublisher(newsroom.articles(), clock).start();
    expiries = new Expiries(newsroom.curation(), newsroom.breaking()).start();
  }

  /** {@code auth.signin.slow.ms} (0 to 10 s) and {@code auth.2fa.required} (a list of roles). */
  private static SignInRules signInRules(Config config) {
    var delay = Duration.ofMillis(
        config.intSetting("auth.signin.slow.ms", (int) SlowLane.DELAY.toMillis(), 0, 10_000));
    try {
      return new SignInRules(delay, SignInRules.roles(config.setting("auth.2fa.required", "")));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("auth.2fa.required", e.getMessage());
    }
  }

  Accounts accounts() {
    return accounts;
  }

  /** Panels beside the article editor; other features add theirs at start-up. */
  EditorPanels panels() {
    return panels;
  }

  /** What every admin page shares; other features add their pages and navigation to it. */
  AdminSite site() {
    return admin;
  }

  @Override
  public void routes(RoutesConfig r) {
    gate.routes(r);
    new LoginPages(admin, accounts, gate).routes(r);
    new Dashboard(admin, newsroom.desk(), accounts.audit()).routes(r);
    new AccountPages(admin, accounts).routes(r);
    new TwoFactorPages(admin, accounts).routes(r);
    new UserPages(admin, accounts).routes(r);
    new AuditPages(admin, accounts.audit()).routes(r);
    new SettingsPages(admin, site.settings(), newsroom.images(), accounts.audit()).routes(r);
    new PhotoDesk(
            admin,
            newsroom.db(),
            newsroom.images(),
            newsroom.published(),
            newsroom.pages(),
            accounts.audit())
        .routes(r);
    new BodyFormats().routes(r);
    new CatalogPages(
            admin,
            newsroom.db(),
            newsroom.sections(),
            newsroom.topics(),
            newsroom.authors(),
            newsroom.images(),
            accounts.audit())
        .routes(r);
    articleRoutes(r);
    siteRoutes(r);
  }

  /** The site's own pages, its menus, the front page's pins and collections, breaking news. */
  private void siteRoutes(RoutesConfig r) {
    new PageDesk(admin, newsroom.db(), newsroom.pages(), newsroom.images(), accounts.audit())
        .routes(r);
    new MenuAdmin(
            admin,
            newsroom.db(),
            newsroom.menus(),
            newsroom.sections(),
            newsroom.pages(),
            newsroom.topics(),
            accounts.audit())
        .routes(r);
    new CurationAdmin(
            admin,
            newsroom.db(),
            newsroom.curation(),
            newsroom.published(),
            newsroom.sections(),
            accounts.audit())
        .routes(r);
    new BreakingAdmin(admin, newsroom.db(), newsroom.breaking(), accounts.audit(), clock).routes(r);
  }

  /** The desk, the editor, revisions and related links. */
  private void articleRoutes(RoutesConfig r) {
    new ArticleDesk(admin, newsroom.desk(), newsroom.topics()).routes(r);
    new ArticleEditor(
            admin,
            newsroom.db(),
            newsroom.articles(),
            revisions,
            newsroom.sections(),
            newsroom.topics(),
            newsroom.authors(),
            newsroom.images(),
            site.articlePages(),
            accounts.audit(),
            panels,
            clock)
        .routes(r);
    new RevisionPages(
            admin,
            newsroom.db(),
            newsroom.articles(),
            revisions,
            newsroom.sections(),
            newsroom.topics(),
            newsroom.authors(),
            newsroom.images(),
            accounts.audit(),
            clock)
        .routes(r);
    related.routes(r);
  }

  @Override
  public void close() {
    publisher.close();
    expiries.close();
  }
}
