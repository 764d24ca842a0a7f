package dev.byline.site;

import dev.byline.web.ErrorRenderer;
import java.util.Set;

/**
 * Renders 4xx and 5xx pages in the site's own design and language. The handlers' own words are
 * English; a site in another language shows its bundle's words for the status instead, and for a
 * refused request (not a missing page) the handler's English detail under them, marked
 * {@code lang="en"}, since it names what was wrong.
 */
public final class ErrorPages implements ErrorRenderer {
  /** Statuses with a title of their own in the bundles ({@code error.title.N}). */
  static final Set<Integer> TITLED =
      Set.of(400, 401, 403, 404, 405, 409, 410, 411, 413, 414, 415, 429);

  /** Statuses with an explanation of their own ({@code error.text.N}). */
  static final Set<Integer> EXPLAINED = Set.of(404, 405, 410, 413);

  private final Site site;

  public ErrorPages(Site site) {
    this.site = site;
  }

  @Override
  public byte[] render(int status, String title, String message) {
    var chrome = site.chrome();
    var t = chrome.t();
    var english = t.language().equals("en");
    var heading = english ? title : t.text(titleKey(status));
    var text = english ? message : t.text(textKey(status));
    var detail = english || status >= 500 || EXPLAINED.contains(status) ? "" : message;
    var meta = Meta.simple(heading + " | " + chrome.siteName(), "", chrome.baseUrl() + "/")
        .noindexed();
    return site.views()
        .render("site/error.jte", new ErrorView(chrome, meta, status, heading, text, detail));
  }

  static String titleKey(int status) {
    if (TITLED.contains(status)) return "error.title." + status;
    return status >= 500 ? "error.title.server" : "error.title.refused";
  }

  static String textKey(int status) {
    if (EXPLAINED.contains(status)) return "error.text." + status;
    return status >= 500 ? "error.text.server" : "error.text.refused";
  }
}
