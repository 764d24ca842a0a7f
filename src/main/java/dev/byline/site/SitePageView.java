package dev.byline.site;

import dev.byline.pages.SitePage;
import java.util.List;

/** One of the site's own pages (About, Imprint, Privacy...). */
public record SitePageView(
    Chrome chrome, Meta meta, Dates dates, SitePage page, List<Breadcrumb> crumbs) {
  public SitePageView {
    crumbs = List.copyOf(crumbs);
  }

  /** The privacy page and the cookie policy point at each other. */
  public boolean isPrivacy() {
    return page.slug().equals(SitePageRoutes.PRIVACY_SLUG);
  }
}
