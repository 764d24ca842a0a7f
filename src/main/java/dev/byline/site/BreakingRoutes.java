package dev.byline.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.byline.curation.BreakingDesk;
import dev.byline.json.Json;
import dev.byline.store.SurrogateKey;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * The breaking-news banner without changing any page: every page loads {@code breaking.js},
 * which reads {@code /breaking.json} and shows what it says. The fragment is cached like a page
 * under the {@link SurrogateKey#BREAKING} key alone, so raising, changing, clearing or the expiry
 * of a banner purges these few bytes and nothing else; readers' browsers revalidate it on every
 * page (a 304 from memory) and shared caches hold it until the purge.
 */
public final class BreakingRoutes implements Routes {
  public static final String PATH = "/breaking.json";
  /**
   * Browsers ask again on every page view (cheaply: the ETag answers 304); shared caches keep it
   * a minute at most, so one that is not sent purges still drops a banner soon after it ends.
   */
  static final String CACHE_CONTROL = "public, max-age=0, must-revalidate, s-maxage=60";

  private final Site site;
  private final BreakingDesk breaking;

  public BreakingRoutes(Site site, BreakingDesk breaking) {
    this.site = site;
    this.breaking = breaking;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get(PATH, ctx -> site.cache().serve(ctx, PATH, this::render));
  }

  RenderedPage render() {
    return new RenderedPage(
        200, MostReadPages.JSON_TYPE, json(), Set.of(SurrogateKey.BREAKING), null, CACHE_CONTROL);
  }

  /** The banner now: {@code {}} when there is none, else its id, text, link and expiry. */
  public byte[] json() {
    var body = new LinkedHashMap<String, Object>();
    breaking.current().ifPresent(news -> {
      body.put("id", news.id());
      body.put("text", news.text());
      body.put("url", news.url());
      body.put("expires", Dates.iso(news.expiresAt()));
    });
    try {
      return Json.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
