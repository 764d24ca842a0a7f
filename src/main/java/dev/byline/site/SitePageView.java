package dev.byline.site;

import dev.byline.content.ArticleSummary;
import dev.byline.media.Image;
import dev.byline.pages.SitePage;
import java.util.List;
import java.util.Map;

/**
 * One of the site's own pages (About, Imprint, Privacy...).
 *
 * @param images every photo the body places, by id (one missing from the photo desk is left out)
 * @param links the published stories the body's related links point at, by id
 * @param youtube whether YouTube embeds show a click-to-load player (else a plain link), as on
 *     article pages
 */
public record SitePageView(
    Chrome chrome,
    Meta meta,
    Dates dates,
    SitePage page,
    List<Breadcrumb> crumbs,
    Map<Long, Image> images,
    Map<Long, ArticleSummary> links,
    boolean youtube) {
  public SitePageView {
    crumbs = List.copyOf(crumbs);
    images = Map.copyOf(images);
    links = Map.copyOf(links);
  }

  /** The privacy page and the cookie policy point at each other. */
  public boolean isPrivacy() {
    return page.slug().equals(SitePageRoutes.PRIVACY_SLUG);
  }
}
