package dev.byline.site;

import dev.byline.analytics.Beacon;
import dev.byline.analytics.PageViews;
import dev.byline.analytics.Reader;
import dev.byline.content.InvalidInput;
import dev.byline.web.BadRequest;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.ContentTooLargeResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /beacon}: the page-view report {@code beacon.js} sends with
 * {@code navigator.sendBeacon} as a small form ({@code p} path, {@code r} referring host,
 * {@code u} utm_source). Answers 204 whether or not the view was counted (bots, prefetches and
 * readers whose browser sends Global Privacy Control or Do Not Track are not), so bots learn nothing;
 * refuses reports from other sites' pages (403) and malformed ones (400, naming the field). It
 * needs no session, so it is exempt from CSRF checks by its path.
 */
public final class BeaconRoute implements Routes {
  public static final String PATH = "/beacon";
  /** A beacon is a few hundred bytes; four times the largest real one is plenty. */
  static final int MAX_BODY = 2048;

  private final PageViews views;
  private final String clientIpHeader;
  private final String siteHost;

  /**
   * @param clientIpHeader a header a trusted proxy sets with the reader's address, or empty
   * @param siteHost this site's host name: a "referrer" on the same host is internal navigation
   */
  public BeaconRoute(PageViews views, String clientIpHeader, String siteHost) {
    this.views = views;
    this.clientIpHeader = clientIpHeader;
    this.siteHost = siteHost.toLowerCase(Locale.ROOT);
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.post(PATH, this::receive);
  }

  private void receive(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    if ("cross-site".equals(ctx.header("Sec-Fetch-Site"))) {
      throw new ForbiddenResponse("Page views are accepted from this site's own pages only.");
    }
    var form = parse(body(ctx));
    Beacon beacon;
    try {
      beacon = new Beacon(form.get("p"), form.get("r"), form.get("u"));
    } catch (InvalidInput e) {
      throw new BadRequest("The page view report is not valid: " + e.getMessage() + ".");
    }
    if (beacon.referrerHost().equals(siteHost) || ("www." + beacon.referrerHost()).equals(siteHost)) {
      beacon = new Beacon(beacon.path(), "", beacon.campaign());
    }
    var prefetch = views.bots().isPrefetch(ctx.header("Sec-Purpose"), ctx.header("Purpose"), ctx.header("X-Purpose"),
        ctx.header("X-Moz"));
    var objects = "1".equals(ctx.header("Sec-GPC")) || "1".equals(ctx.header("DNT"));
    views.record(beacon, new Reader(clientIp(ctx), ctx.userAgent(), prefetch, objects));
    ctx.status(204);
  }

  private static String body(Context ctx) {
    if (ctx.contentLength() > MAX_BODY) throw tooLarge();
    try (var in = ctx.bodyInputStream()) {
      var bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) throw tooLarge();
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ContentTooLargeResponse tooLarge() {
    return new ContentTooLargeResponse("A page view report is at most " + MAX_BODY + " bytes.");
  }

  private static Map<String, String> parse(String body) {
    var out = new HashMap<String, String>();
    for (var pair : body.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      try {
        var key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        var value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.putIfAbsent(key, value);
      } catch (IllegalArgumentException e) {
        throw new BadRequest("The page view report is not a properly encoded form.");
      }
    }
    return out;
  }

  /** The socket address, or the last entry of the trusted proxy's header (the one it added). */
  private String clientIp(Context ctx) {
    if (clientIpHeader.isEmpty()) return ctx.ip();
    var value = ctx.header(clientIpHeader);
    if (value == null || value.isBlank()) return ctx.ip();
    var parts = value.split(",");
    return parts[parts.length - 1].strip();
  }
}
