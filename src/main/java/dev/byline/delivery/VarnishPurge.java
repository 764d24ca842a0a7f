package dev.byline.delivery;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.stream.Collectors;

/**
 * Purges a Varnish by surrogate key with a {@code BAN} request carrying the keys in {@code
 * Byline-Purge}; the VCL in {@code deploy/varnish/byline.vcl} turns that into a ban on cached
 * objects whose {@code Surrogate-Key} header holds any of them. Keys are regex-escaped here, so
 * the VCL only joins them. The delivery's idempotency key goes along in {@code Byline-Delivery}.
 */
final class VarnishPurge extends PurgeTarget {
  static final String HEADER = "Byline-Purge";

  private final URI uri;
  private final Http http;

  VarnishPurge(URI uri, Http http) {
    this.uri = uri;
    this.http = http;
  }

  @Override
  public String name() {
    return "varnish-" + uri.getHost() + "-" + uri.getPort();
  }

  @Override
  public int send(Delivery d) throws DeliveryFailed {
    var keys = keys(d).stream().map(VarnishPurge::escape).collect(Collectors.joining(" "));
    return http.send(HttpRequest.newBuilder(uri)
        .method("BAN", HttpRequest.BodyPublishers.noBody())
        .header(HEADER, keys)
        // The same key on every retry and from every node, so a log or a proxy can tell a
        // repeated purge from a new one.
        .header(WebhookTarget.DELIVERY_HEADER, d.idempotencyKey()));
  }

  /** A key as a literal in a Varnish (PCRE) regular expression. */
  static String escape(String key) {
    var out = new StringBuilder(key.length());
    for (char c : key.toCharArray()) {
      if (!Character.isLetterOrDigit(c) && c != ':' && c != '-' && c != '_') out.append('\\');
      out.append(c);
    }
    return out.toString();
  }
}
