package dev.byline.site;

import dev.byline.analytics.Beacon;
import dev.byline.analytics.PageViews;
import dev.byline.analytics.Reader;
import dev.byline.content.InvalidInput;
import dev.byline.web.ClientAddress;
import dev.byline.web.SecurityHeaders;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /beacon}: the page-view report {@code beacon.js} sends with
 * {@code navigator.sendBeacon}, a small form ({@code p} path, {@code r} referring host, {@code u}
 * utm_source). Every reader sends one per page, so it is answered by Jetty directly, before
 * routing and the servlet layer, like the page cache's fast path: that triples what one core can
 * take. It needs no session (and is exempt from CSRF by its path).
 *
 * <p>Answers 204 whether or not the view was counted (bots, prefetches, readers whose browser
 * sends Global Privacy Control or Do Not Track, and views over {@link
 * dev.byline.analytics.ViewLimits} are not), so bots and scripts learn nothing; 403 for
 * reports from other sites' pages, 400 naming the field for malformed ones, 413 for large ones.
 * Every other request passes through untouched.
 */
public final class BeaconHandler extends Handler.Wrapper {
  public static final String PATH = "/beacon";
  /** A beacon is a few hundred bytes; four times the largest real one is plenty. */
  static final int MAX_BODY = 2048;

  private static final HttpField NO_STORE =
      new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");
  private static final HttpField TEXT =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");

  private final PageViews views;
  private final ClientAddress address;
  private final String siteHost;
  private final HttpField[] securityHeaders;

  /**
   * @param clientIpHeader a header a trusted proxy sets with the reader's address, or empty
   * @param siteHost this site's host name: a "referrer" on the same host is internal navigation
   */
  public BeaconHandler(
      PageViews views, String clientIpHeader, String siteHost, SecurityHeaders headers) {
    this.views = views;
    this.address = new ClientAddress(clientIpHeader);
    this.siteHost = siteHost.toLowerCase(Locale.ROOT);
    this.securityHeaders = headers.all().entrySet().stream()
        .map(e -> new PreEncodedHttpField(e.getKey(), e.getValue()))
        .toArray(HttpField[]::new);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!HttpMethod.POST.is(request.getMethod())
        || !PATH.equals(request.getHttpURI().getPath())) {
      return super.handle(request, response, callback);
    }
    var headers = response.getHeaders();
    for (var h : securityHeaders) headers.add(h);
    headers.add(NO_STORE);
    var in = request.getHeaders();
    if ("cross-site".equals(in.get("Sec-Fetch-Site"))) {
      return refuse(
          response, callback, 403, "Page views are accepted from this site's own pages only.");
    }
    if (request.getLength() > MAX_BODY)
      return refuse(
          response, callback, 413, "A page view report is at most " + MAX_BODY + " bytes.");
    byte[] body;
    try (var stream = Request.asInputStream(request)) {
      body = stream.readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      return refuse(response, callback, 400, "The page view report could not be read.");
    }
    if (body.length > MAX_BODY)
      return refuse(
          response, callback, 413, "A page view report is at most " + MAX_BODY + " bytes.");
    Beacon beacon;
    try {
      beacon = beacon(parse(new String(body, StandardCharsets.UTF_8)));
    } catch (InvalidInput e) {
      return refuse(
          response, callback, 400, "The page view report is not valid: " + e.getMessage() + ".");
    } catch (IllegalArgumentException e) {
      return refuse(
          response, callback, 400, "The page view report is not a properly encoded form.");
    }
    var prefetch = views
        .bots()
        .isPrefetch(in.get("Sec-Purpose"), in.get("Purpose"), in.get("X-Purpose"), in.get("X-Moz"));
    var objects = "1".equals(in.get("Sec-GPC")) || "1".equals(in.get("DNT"));
    views.record(
        beacon, new Reader(clientIp(request), in.get(HttpHeader.USER_AGENT), prefetch, objects));
    response.setStatus(204);
    response.write(true, null, callback);
    return true;
  }

  private Beacon beacon(Map<String, String> form) {
    var beacon = new Beacon(form.get("p"), form.get("r"), form.get("u"));
    var host = beacon.referrerHost();
    if (host.equals(siteHost) || ("www." + host).equals(siteHost))
      return new Beacon(beacon.path(), "", beacon.campaign());
    return beacon;
  }

  private static boolean refuse(Response response, Callback callback, int status, String message) {
    response.setStatus(status);
    response.getHeaders().add(TEXT);
    response.write(
        true, ByteBuffer.wrap((message + "\n").getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }

  static Map<String, String> parse(String body) {
    var out = new HashMap<String, String>();
    for (var pair : body.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      var key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      var value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(key, value);
    }
    return out;
  }

  /** The reader's address by the one rule, read from Jetty's request: the beacon runs before Javalin. */
  private String clientIp(Request request) {
    var header = address.trustedHeader();
    return address.resolve(
        header.isEmpty() ? null : request.getHeaders().get(header), Request.getRemoteAddr(request));
  }
}
