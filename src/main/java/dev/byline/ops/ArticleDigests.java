package dev.byline.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A content hash per article: SHA-256 over what a reader and an editor would notice (slug,
 * status, headline, standfirst, body, version). Read in one statement, so on a snapshot the
 * count and the hashes agree with each other.
 */
public final class ArticleDigests {
  private ArticleDigests() {}

  public static Map<Long, String> of(Connection c) throws SQLException {
    var out = new TreeMap<Long, String>();
    try (var s = c.createStatement();
        var rs = s.executeQuery("SELECT id, slug, status, headline, standfirst, body, version"
            + " FROM article ORDER BY id")) {
      while (rs.next()) {
        var digest = sha256();
        for (int i = 2; i <= 7; i++) {
          var v = rs.getString(i);
          digest.update((v == null ? "" : v).getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0); // a separator, so "ab","c" and "a","bc" differ
        }
        out.put(rs.getLong(1), HexFormat.of().formatHex(digest.digest()));
      }
    }
    return out;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
