package dev.byline.analytics;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Turns (day, IP address, user agent) into a visitor number: the first 64 bits of
 * SHA-256(salt, site, IP, user agent). The salt is 32 random bytes made when its day begins,
 * held only in this object, and wiped when its day is over ({@link #forgetBefore}, called at every
 * flush) or the next day's salt replaces it, so a number cannot
 * be recomputed from an address afterwards, nor linked to the same reader on another day.
 *
 * <p>Each node makes its own salt. Behind a load balancer that spreads one reader over several
 * nodes, that reader counts once per node; sticky routing by address (nginx {@code ip_hash})
 * keeps counts exact. Sharing the salt through the database would write it to disk.
 */
public final class VisitorHash {
  /** As long as the hash's own security margin; more adds nothing. */
  static final int SALT_BYTES = 32;

  private record Salt(LocalDate day, byte[] bytes) {}

  private final SecureRandom random = new SecureRandom();
  private final byte[] site;
  private volatile Salt salt;

  /** @param site the site's host name, so two sites on one server never share numbers */
  public VisitorHash(String site) {
    this.site = site.getBytes(StandardCharsets.UTF_8);
  }

  /** The visitor number for a reader on {@code day}. */
  public long visitor(LocalDate day, String ip, String userAgent) {
    return hash(day, (byte) 0, ip, userAgent);
  }

  /**
   * The number for an address group ({@link AddressGroup}) on {@code day}, made the same way
   * with its own tag, so the beacon's limits hold no address, and none can be linked to a visitor.
   */
  long sender(LocalDate day, String addressGroup) {
    return hash(day, (byte) 1, addressGroup, "");
  }

  private long hash(LocalDate day, byte tag, String ip, String userAgent) {
    var s = saltFor(day);
    var digest = sha256();
    digest.update(s.bytes());
    digest.update(site);
    digest.update(tag);
    digest.update(ip.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(userAgent.getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(digest.digest()).getLong();
  }

  /** Wipes the salt if its day is over, even when no reader has come since to replace it. */
  public synchronized void forgetBefore(LocalDate today) {
    var s = salt;
    if (s != null && s.day().isBefore(today)) {
      salt = null;
      Arrays.fill(s.bytes(), (byte) 0);
    }
  }

  /** The day whose salt is held now, or null before the first visitor. For tests. */
  LocalDate saltDay() {
    var s = salt;
    return s == null ? null : s.day();
  }

  /** A copy of the salt held now, for tests that prove it never reaches disk. */
  byte[] saltBytes() {
    var s = salt;
    return s == null ? new byte[0] : s.bytes().clone();
  }

  private Salt saltFor(LocalDate day) {
    var s = salt;
    if (s != null && s.day().equals(day)) return s;
    synchronized (this) {
      s = salt;
      if (s != null && s.day().equals(day)) return s;
      // A late hit from a day that has ended gets a fresh, throwaway salt rather than the old one
      // back.
      var bytes = new byte[SALT_BYTES];
      random.nextBytes(bytes);
      var next = new Salt(day, bytes);
      if (s == null || day.isAfter(s.day())) {
        salt = next;
        if (s != null) Arrays.fill(s.bytes(), (byte) 0);
      }
      return next;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
