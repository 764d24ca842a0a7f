package dev.byline.site;

import dev.byline.pages.PageStore;
import dev.byline.pages.SitePage;
import dev.byline.store.SurrogateKey;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Set;

/**
 * The site's own pages at {@code /page/{slug}}, cached like articles and purged by the page's
 * key. A page that is not published answers 404. The old address {@code /privacy} (a reserved
 * section slug) moves permanently to the privacy page.
 */
public final class SitePageRoutes implements Routes {
  /** The page the cookie policy links to, and the address {@code /privacy} leads to. */
  public static final String PRIVACY_SLUG = "privacy";

  private final Site site;
  private final PageStore pages;

  public SitePageRoutes(Site site, PageStore pages) {
    this.site = site;
    this.pages = pages;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get(SitePage.PREFIX + "{slug}", this::show);
    routes.get("/" + PRIVACY_SLUG, ctx -> {
      throw new Redirect(SitePage.pathOf(PRIVACY_SLUG), 301);
    });
  }

  private void show(Context ctx) {
    var slug = ctx.pathParam("slug");
    site.cache().serve(ctx, SitePage.pathOf(slug), () -> render(slug));
  }

  RenderedPage render(String slug) {
    var page = pages
        .published(slug)
        .orElseThrow(() -> new NotFoundResponse("There is no page at this address."));
    var chrome = site.chrome();
    var crumbs =
        List.of(new Breadcrumb(chrome.siteName(), "/"), new Breadcrumb(page.title(), page.path()));
    var meta = Meta.simple(
            page.title() + " | " + chrome.siteName(), page.summary(), chrome.absolute(page.path()))
        .withJsonLd(List.of(new StructuredData(chrome).breadcrumbs(crumbs)));
    var view = new SitePageView(chrome, meta, site.dates(), page, crumbs);
    var modified = page.updatedAt() != null ? page.updatedAt() : page.publishedAt();
    return RenderedPage.html(
        site.views().render("site/page.jte", view),
        Set.of(SurrogateKey.page(page.id()), SurrogateKey.SECTIONS),
        modified);
  }
}
