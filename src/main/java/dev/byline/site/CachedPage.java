package dev.byline.site;

import dev.byline.web.Gzip;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * A page ready to send: the identity and gzip bytes, each with its own strong ETag (two
 * encodings are two representations), and the headers caches need, encoded once so a hit
 * costs no formatting.
 */
record CachedPage(
    int status,
    String contentType,
    byte[] body,
    byte[] gzip,
    String etag,
    String gzipEtag,
    String surrogateKeys,
    String cacheControl,
    Set<String> keys,
    Instant lastModified,
    Instant renderedAt,
    HttpField[] identityHeaders,
    HttpField[] gzipHeaders) {

  static CachedPage of(RenderedPage page, Instant renderedAt) {
    var hash = hash(page.body());
    var gzip = Gzip.compress(page.body(), Gzip.PAGE_LEVEL);
    var etag = "\"" + hash + "\"";
    var gzipEtag = "\"" + hash + "-gz\"";
    var surrogate = String.join(" ", new TreeSet<>(page.keys()));
    var common = new ArrayList<HttpField>();
    common.add(new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, page.cacheControl()));
    common.add(new PreEncodedHttpField("Surrogate-Key", surrogate));
    // Cloudflare purges by tag from this header, comma-separated; Varnish and Fastly read the one
    // above.
    common.add(new PreEncodedHttpField("Cache-Tag", surrogate.replace(' ', ',')));
    if (page.lastModified() != null) {
      common.add(new PreEncodedHttpField(
          HttpHeader.LAST_MODIFIED, PageCache.HTTP_DATE.format(page.lastModified())));
    }
    common.add(new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, page.contentType()));
    var identity = new ArrayList<>(common);
    identity.add(new PreEncodedHttpField(HttpHeader.ETAG, etag));
    var zipped = new ArrayList<>(common);
    zipped.add(new PreEncodedHttpField(HttpHeader.ETAG, gzipEtag));
    zipped.add(new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip"));
    return new CachedPage(
        page.status(),
        page.contentType(),
        page.body(),
        gzip,
        etag,
        gzipEtag,
        surrogate,
        page.cacheControl(),
        page.keys(),
        page.lastModified(),
        renderedAt,
        identity.toArray(HttpField[]::new),
        zipped.toArray(HttpField[]::new));
  }

  /** Bytes held in memory, for the cache's weight limit. */
  int weight() {
    return body.length + gzip.length + 512;
  }

  boolean matches(String ifNoneMatch) {
    if (ifNoneMatch == null) return false;
    for (var tag : ifNoneMatch.split(",")) {
      var t = tag.strip();
      if (t.startsWith("W/")) t = t.substring(2);
      if (t.equals(etag) || t.equals(gzipEtag) || t.equals("*")) return true;
    }
    return false;
  }

  private static String hash(byte[] bytes) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
