package dev.byline.site;

import dev.byline.content.ArticleSummary;
import dev.byline.content.Block;
import dev.byline.content.PublishedArticles;
import dev.byline.media.ImageStore;
import dev.byline.pages.PageStore;
import dev.byline.pages.SitePage;
import dev.byline.store.SurrogateKey;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The site's own pages at {@code /page/{slug}}, cached like articles and purged by the page's
 * key. A page that is not published answers 404. The old address {@code /privacy} (a reserved
 * section slug) moves permanently to the privacy page.
 *
 * <p>A page's body holds the blocks an article's does and renders with the same tags: photos with
 * their renditions, caption and credit, consent-gated embeds, related links. Its cached copy is
 * tagged with each photo's key, so a changed caption or credit purges it as it does an article,
 * and with each linked story's, so publishing or unpublishing one shows or hides its link.
 */
public final class SitePageRoutes implements Routes {
  /** The page the cookie policy links to, and the address {@code /privacy} leads to. */
  public static final String PRIVACY_SLUG = "privacy";

  private final Site site;
  private final PageStore pages;
  private final ImageStore images;
  private final PublishedArticles articles;
  private final boolean youtube;

  /**
   * @param youtube whether YouTube embeds show a click-to-load player (else a plain link)
   */
  public SitePageRoutes(
      Site site, PageStore pages, ImageStore images, PublishedArticles articles, boolean youtube) {
    this.site = site;
    this.pages = pages;
    this.images = images;
    this.articles = articles;
    this.youtube = youtube;
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
    var imageIds = Block.imageIds(page.body());
    var linkIds = Block.linkedArticleIds(page.body());
    var links = articles.summaries(linkIds).stream()
        .collect(Collectors.toMap(ArticleSummary::id, Function.identity(), (a, b) -> a));
    var view = new SitePageView(
        chrome, meta, site.dates(), page, crumbs, images.byIds(imageIds), links, youtube);
    var keys = new HashSet<String>();
    keys.add(SurrogateKey.page(page.id()));
    keys.add(SurrogateKey.SECTIONS);
    imageIds.forEach(id -> keys.add(SurrogateKey.image(id)));
    // A link to a story counts when the story is not published now: publishing it brings it back.
    linkIds.forEach(id -> keys.add(SurrogateKey.article(id)));
    var modified = page.updatedAt() != null ? page.updatedAt() : page.publishedAt();
    return RenderedPage.html(site.views().render("site/page.jte", view), keys, modified);
  }
}
