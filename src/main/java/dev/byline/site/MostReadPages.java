package dev.byline.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.byline.analytics.MostRead;
import dev.byline.json.Json;
import dev.byline.store.SurrogateKey;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * "Most read" without un-caching any page: article and front pages carry a link to
 * {@code /most-read} (a cached page, the no-script fallback) that {@code for-you.js} replaces
 * with the list from {@code /most-read.json}. Both are cached like pages and purged by the
 * {@value MostRead#KEY} surrogate key when the ranking changes, at most once a minute.
 */
public final class MostReadPages implements Routes {
  public static final String PATH = "/most-read";
  public static final String JSON_PATH = "/most-read.json";
  static final String JSON_TYPE = "application/json; charset=utf-8";

  private final Site site;
  private final MostRead mostRead;

  public MostReadPages(Site site, MostRead mostRead) {
    this.site = site;
    this.mostRead = mostRead;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get(JSON_PATH, ctx -> site.cache().serve(ctx, JSON_PATH, this::renderJson));
    routes.get(PATH, ctx -> site.cache().serve(ctx, PATH, this::renderPage));
  }

  private static Set<String> keys() {
    // Headlines and sections show too, so story edits ("lists") purge it as well.
    // Dates are in the site's time zone and the page has the chrome: settings purge both.
    return Set.of(
        MostRead.KEY,
        SurrogateKey.LISTS,
        SurrogateKey.SECTIONS,
        SurrogateKey.CHROME,
        SurrogateKey.SOCIAL_IMAGE);
  }

  RenderedPage renderJson() {
    var stories = mostRead.stories();
    var body = new LinkedHashMap<String, Object>();
    body.put("title", site.messages().text("most.read.title"));
    body.put("updated", Dates.iso(mostRead.computedAt()));
    body.put(
        "items", stories.stream().map(s -> StoryItem.of(s, site.dates(), null)).toList());
    try {
      return new RenderedPage(200, JSON_TYPE, Json.MAPPER.writeValueAsBytes(body), keys(), null);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  RenderedPage renderPage() {
    var chrome = site.chrome();
    var crumbs = List.of(
        new Breadcrumb(chrome.siteName(), "/"),
        new Breadcrumb(chrome.t().text("most.read.title"), PATH));
    var meta = Meta.simple(
            chrome.t().text("most.read.title") + " | " + chrome.siteName(),
            chrome.t().text("most.read.description"),
            chrome.absolute(PATH))
        .withJsonLd(List.of(new StructuredData(chrome).breadcrumbs(crumbs)));
    var view = new MostReadView(chrome, meta, site.dates(), mostRead.stories(), crumbs);
    return RenderedPage.html(site.views().render("site/most-read.jte", view), keys(), null);
  }
}
