package dev.byline.site;

import dev.byline.web.Gzip;
import dev.byline.web.SecurityHeaders;
import java.nio.ByteBuffer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The fast path: a cache hit is answered by Jetty directly, before routing, filters and the
 * servlet layer, with the same headers the full path sends. Anything else (a miss, a query string
 * other than {@code page=N}, any method but GET and HEAD) falls through to the application unchanged.
 */
public final class CachedPageHandler extends Handler.Wrapper {
  /** Told of every answer from memory, e.g. to count it; called on the request thread. */
  public interface Observer {
    Observer NONE = (request, status, startNanos) -> {};

    void served(Request request, int status, long startNanos);
  }

  /** Paths the page cache can hold: lower-case slugs and slashes, nothing that needs decoding. */
  private static final Pattern CACHEABLE_PATH = Pattern.compile("/(?:[a-z0-9-]+(?:/[a-z0-9-]+)?)?");

  private static final Pattern PAGE_QUERY = Pattern.compile("page=([1-9][0-9]{0,3})");
  private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");

  private final PageCache cache;
  private final HttpField[] securityHeaders;
  private final Observer observer;

  public CachedPageHandler(PageCache cache, SecurityHeaders headers) {
    this(cache, headers, Observer.NONE);
  }

  public CachedPageHandler(PageCache cache, SecurityHeaders headers, Observer observer) {
    this.cache = cache;
    this.observer = observer;
    this.securityHeaders = headers.all().entrySet().stream()
        .map(e -> new PreEncodedHttpField(e.getKey(), e.getValue()))
        .toArray(HttpField[]::new);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long started = System.nanoTime();
    // HEAD gets the same headers; Jetty leaves out the body.
    var method = request.getMethod();
    var page = HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method) ? lookup(request) : null;
    if (page == null) return super.handle(request, response, callback);
    var headers = response.getHeaders();
    for (var h : securityHeaders) headers.add(h);
    headers.add(VARY); // Cache-Control comes with the page's own headers
    boolean gzip = Gzip.accepted(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
    for (var h : gzip ? page.gzipHeaders() : page.identityHeaders()) headers.add(h);
    if (page.matches(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
      headers.remove(HttpHeader.CONTENT_TYPE);
      headers.remove(HttpHeader.CONTENT_ENCODING);
      response.setStatus(304);
      response.write(true, null, callback);
      observer.served(request, 304, started);
      return true;
    }
    response.setStatus(page.status());
    var body = gzip ? page.gzip() : page.body();
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    observer.served(request, page.status(), started);
    return true;
  }

  /** Same as {@link #CACHEABLE_PATH}, without a regex on the hot path. */
  static boolean cacheablePath(String path) {
    int n = path.length();
    if (n == 0 || path.charAt(0) != '/') return false;
    int slashes = 0;
    char prev = '/';
    for (int i = 1; i < n; i++) {
      char c = path.charAt(i);
      if (c == '/') {
        if (prev == '/' || ++slashes > 1) return false;
      } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
      prev = c;
    }
    return n == 1 || prev != '/';
  }

  private CachedPage lookup(Request request) {
    var uri = request.getHttpURI();
    var path = uri.getPath();
    if (path == null || !cacheablePath(path)) return null;
    var query = uri.getQuery();
    if (query == null) return cache.peek(path);
    var m = PAGE_QUERY.matcher(query);
    if (!m.matches()) return null;
    return cache.peek(Params.cacheKey(path, Integer.parseInt(m.group(1))));
  }
}
