package dev.byline.wire;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Fetches a picture for a source, and nothing else: only http(s), only hosts the source allows,
 * never a private, loopback, link-local or multicast address unless the source is configured
 * to (SSRF guard), redirects followed by hand so every hop is checked again, a size cap enforced
 * while reading, a content type that must be an image, and timeouts.
 *
 * <p>Known limit: the address is checked before the request and the JDK client resolves the
 * name again, so a hostile DNS server could answer differently the second time (rebinding). The
 * host allow-list is the main guard; keep it to the agency's own domains.
 */
public final class PictureFetcher {
  /** Long enough for a big photo over a slow link; short enough not to hold up the desk. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
  static final int MAX_REDIRECTS = 3;
  private static final Set<String> IMAGE_TYPES =
      Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

  /**
   * Made on the first fetch: building one sets up TLS and a selector thread, a noticeable part of
   * start-up for a server that may never fetch a picture.
   */
  private volatile HttpClient http;

  private HttpClient http() {
    var client = http;
    if (client == null) {
      synchronized (this) {
        client = http;
        if (client == null)
          http = client = HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(CONNECT_TIMEOUT)
              .build();
      }
    }
    return client;
  }

  /** The reason a picture could not be fetched, in plain words. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message, null, false, false);
    }
  }

  public byte[] fetch(WireSource source, String href) throws Refused {
    URI uri;
    try {
      uri = URI.create(href.strip());
    } catch (IllegalArgumentException e) {
      throw new Refused("\"" + href + "\" is not a URL");
    }
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      check(source, uri);
      HttpResponse<InputStream> response;
      try {
        response = http()
            .send(
                HttpRequest.newBuilder(uri)
                    .timeout(REQUEST_TIMEOUT)
                    .GET()
                    .header("Accept", "image/jpeg, image/png, image/gif, image/webp")
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        throw new Refused("fetching " + uri + " failed: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Refused("interrupted while fetching " + uri);
      }
      int status = response.statusCode();
      if (status >= 300 && status < 400) {
        close(response.body());
        var location = response.headers().firstValue("Location");
        if (location.isEmpty()) throw new Refused(uri + " redirects nowhere");
        uri = uri.resolve(location.get());
        continue;
      }
      if (status != 200) {
        close(response.body());
        throw new Refused(uri + " answered " + status);
      }
      var type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
      int semi = type.indexOf(';');
      if (semi >= 0) type = type.substring(0, semi).strip();
      if (!IMAGE_TYPES.contains(type)) {
        close(response.body());
        throw new Refused(uri + " is " + (type.isEmpty() ? "of no stated type" : type)
            + ", not a JPEG, PNG, GIF or WebP picture");
      }
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > source.maxPictureBytes()) {
        close(response.body());
        throw new Refused(
            uri + " is " + declared + " bytes; the limit is " + source.maxPictureBytes());
      }
      return readCapped(response.body(), source.maxPictureBytes(), uri);
    }
    throw new Refused(href + " redirects more than " + MAX_REDIRECTS + " times");
  }

  static void check(WireSource source, URI uri) throws Refused {
    var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https"))
      throw new Refused(uri + " is not http or https");
    var host = uri.getHost();
    if (host == null || host.isEmpty()) throw new Refused(uri + " names no host");
    if (!source.allowsHost(host))
      throw new Refused("host " + host + " is not allowed for source " + source.name());
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new Refused("host " + host + " does not resolve");
    }
    if (source.allowPrivateHosts()) return;
    for (var a : addresses) {
      if (isInternal(a))
        throw new Refused(
            "host " + host + " resolves to " + a.getHostAddress() + ", a private or local address");
    }
  }

  /** True for loopback, private, link-local, multicast and other non-public addresses. */
  public static boolean isInternal(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    var b = a.getAddress();
    if (a instanceof Inet6Address) return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0
        || first == 100 && second >= 64 && second < 128 // carrier-grade NAT
        || first == 169 && second == 254
        || first >= 224;
  }

  private static byte[] readCapped(InputStream in, long max, URI uri) throws Refused {
    try (in) {
      var out = new java.io.ByteArrayOutputStream();
      var buf = new byte[16 * 1024];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > max) throw new Refused(uri + " is larger than the limit of " + max + " bytes");
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new Refused("reading " + uri + " failed: " + e.getMessage());
    }
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing to do: the response is abandoned
    }
  }
}
