package dev.byline.site;

import dev.byline.web.ErrorRenderer;

/** Renders 4xx and 5xx pages in the site's own design. */
public final class ErrorPages implements ErrorRenderer {
  private final Site site;

  public ErrorPages(Site site) {
    this.site = site;
  }

  @Override
  public byte[] render(int status, String title, String message) {
    var chrome = site.chrome();
    var meta = Meta.simple(title + " | " + chrome.siteName(), "", chrome.baseUrl() + "/")
        .noindexed();
    return site.views()
        .render("site/error.jte", new ErrorView(chrome, meta, status, title, message));
  }
}
