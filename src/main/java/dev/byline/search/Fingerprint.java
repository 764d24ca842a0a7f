package dev.byline.search;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A MinHash sketch of an article's word shingles, small enough to keep for every article and
 * compare in nanoseconds. Two texts that share most of their five-word runs (a wire story and its
 * next version, a reprint, a brief cut from a longer piece) have sketches that mostly agree.
 *
 * <pre>{@code
 * var a = Fingerprint.of(first.bodyText());
 * var b = Fingerprint.of(second.bodyText());
 * if (a.resemblance(b) > 0.5) ...   // estimated Jaccard similarity of the shingle sets
 * }</pre>
 */
public final class Fingerprint {
  /** 64 hash functions estimate resemblance to within about ±0.06, plenty to tell a copy from a story. */
  static final int HASHES = 64;
  /** Five-word shingles: long enough that shared phrases of ordinary English rarely collide. */
  static final int SHINGLE_WORDS = 5;
  /** Serialised size: the shingle count, then one 16-bit minimum per hash function. */
  static final int BYTES = 4 + HASHES * 2;
  private static final long[] SEEDS = seeds();

  private final int shingles;
  private final short[] minima;

  private Fingerprint(int shingles, short[] minima) {
    this.shingles = shingles;
    this.minima = minima;
  }

  /** The fingerprint of a text: lower-cased words of letters and digits, in five-word shingles. */
  public static Fingerprint of(String text) {
    var words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    var hashes = new long[HASHES];
    Arrays.fill(hashes, Long.MAX_VALUE);
    int count = 0;
    int start = words.length > 0 && words[0].isEmpty() ? 1 : 0;
    for (int i = start; i + SHINGLE_WORDS <= words.length; i++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int w = i; w < i + SHINGLE_WORDS; w++) h = mix(h ^ words[w].hashCode()) + w - i;
      count++;
      for (int k = 0; k < HASHES; k++) {
        long v = mix(h ^ SEEDS[k]) >>> 1;
        if (v < hashes[k]) hashes[k] = v;
      }
    }
    var minima = new short[HASHES];
    for (int k = 0; k < HASHES; k++) minima[k] = (short) (hashes[k] >>> 47);
    return new Fingerprint(count, minima);
  }

  static Fingerprint fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != BYTES) return empty();
    var buf = ByteBuffer.wrap(bytes);
    int count = buf.getInt();
    var minima = new short[HASHES];
    for (int k = 0; k < HASHES; k++) minima[k] = buf.getShort();
    return new Fingerprint(count, minima);
  }

  /** A fingerprint that resembles nothing (a text too short to shingle). */
  public static Fingerprint empty() {
    return new Fingerprint(0, new short[HASHES]);
  }

  byte[] toBytes() {
    var buf = ByteBuffer.allocate(BYTES);
    buf.putInt(shingles);
    for (short m : minima) buf.putShort(m);
    return buf.array();
  }

  /** How many five-word shingles the text had; 0 means too short to compare. */
  public int shingles() {
    return shingles;
  }

  /** Estimated Jaccard similarity of the two shingle sets, 0 to 1; 0 when either text is too short. */
  public double resemblance(Fingerprint other) {
    if (shingles == 0 || other.shingles == 0) return 0;
    int same = 0;
    for (int k = 0; k < HASHES; k++) if (minima[k] == other.minima[k]) same++;
    return same / (double) HASHES;
  }

  /**
   * Estimated share of the shorter text's shingles that the longer one also has, 0 to 1: near 1
   * when one text is cut from the other.
   */
  public double containment(Fingerprint other) {
    double j = resemblance(other);
    if (j == 0) return 0;
    double shared = j * (shingles + other.shingles) / (1 + j);
    return Math.min(1, shared / Math.min(shingles, other.shingles));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  private static long[] seeds() {
    var seeds = new long[HASHES];
    long s = 0x2545F4914F6CDD1DL;
    for (int k = 0; k < HASHES; k++) {
      s = mix(s + 0x9E3779B97F4A7C15L);
      seeds[k] = s;
    }
    return seeds;
  }
}
