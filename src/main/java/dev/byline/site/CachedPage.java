package dev.byline.site;

import dev.byline.web.Gzip;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * A page ready to send: the identity and gzip bytes, each with its own strong ETag (two
 * encodings are two representations), and the headers caches need.
 */
record CachedPage(int status, String contentType, byte[] body, byte[] gzip, String etag, String gzipEtag,
    String surrogateKeys, Set<String> keys, Instant lastModified) {

  static CachedPage of(RenderedPage page) {
    var hash = hash(page.body());
    var gzip = Gzip.compress(page.body());
    return new CachedPage(page.status(), page.contentType(), page.body(), gzip, "\"" + hash + "\"",
        "\"" + hash + "-gz\"", String.join(" ", new java.util.TreeSet<>(page.keys())), page.keys(),
        page.lastModified());
  }

  /** Bytes held in memory, for the cache's weight limit. */
  int weight() {
    return body.length + gzip.length + 256;
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
