package dev.byline.admin;

import dev.byline.auth.Role;
import dev.byline.config.Config;
import dev.byline.site.Dates;
import dev.byline.web.Auth;
import dev.byline.web.StaticAssets;
import dev.byline.web.Views;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * What every admin page class shares: templates, assets, dates, and the navigation. Features
 * add their own sections to the navigation at start-up with {@link #addNav}.
 */
public final class AdminSite {
  private record Nav(AdminChrome.NavItem item, Role role) {}

  private final Config config;
  private final Views views;
  private final StaticAssets assets;
  private final Dates dates;
  private final List<Nav> nav = new ArrayList<>();

  public AdminSite(Config config, Views views, StaticAssets assets) {
    this.config = config;
    this.views = views;
    this.assets = assets;
    this.dates = new Dates(config.timeZone(), java.util.Locale.ENGLISH);
    addNav("dashboard", "Dashboard", "/admin", Role.WRITER);
    addNav("articles", "Articles", AdminPaths.ARTICLES, Role.WRITER);
    addNav("photos", "Photos", "/admin/photos", Role.WRITER);
    addNav("sections", "Sections", "/admin/sections", Role.EDITOR);
    addNav("topics", "Topics", "/admin/topics", Role.EDITOR);
    addNav("authors", "Authors", "/admin/authors", Role.EDITOR);
    addNav("users", "Users", "/admin/users", Role.ADMIN);
    addNav("audit", "Audit log", "/admin/audit", Role.ADMIN);
  }

  /** Adds a navigation link shown to users with at least {@code role} (call during start-up only). */
  public void addNav(String key, String label, String href, Role role) {
    nav.add(new Nav(new AdminChrome.NavItem(key, label, href), role));
  }

  public AdminChrome chrome(Context ctx, String active) {
    var user = Auth.user(ctx).orElse(null);
    var items = user == null
        ? List.<AdminChrome.NavItem>of()
        : nav.stream().filter(n -> user.can(n.role())).map(Nav::item).toList();
    return new AdminChrome(
        config.siteName(),
        "en", // the admin is in English whatever the site's language
        assets.url("admin.css"),
        assets.url("admin.js"),
        assets.url("favicon.svg"),
        user,
        Auth.csrfToken(ctx),
        items,
        active);
  }

  /** Renders an admin page; admin pages are never cached anywhere. */
  public void render(Context ctx, String template, Object model) {
    ctx.header("Cache-Control", "no-store");
    views.render(ctx, template, model);
  }

  public Views views() {
    return views;
  }

  public Dates dates() {
    return dates;
  }

  public Config config() {
    return config;
  }

  public StaticAssets assets() {
    return assets;
  }
}
