package dev.byline.search;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A MinHash sketch of an article's word shingles, small enough to keep for every article and
 * compare in nanoseconds. Two texts that share most of their five-word runs (a wire story and its
 * next version, a reprint, a brief cut from a longer piece) have sketches that mostly agree.
 *
 * <p>One hash per shingle, split into {@link #HASHES} bins by its top bits, keeping the least
 * value per bin ("one permutation hashing"): the same estimate of resemblance as 64 separate
 * hash functions, at one sixty-fourth of the hashing, which matters when every published
 * article is fingerprinted on its way into the index.
 *
 * <pre>{@code
 * var a = Fingerprint.of(first.bodyText());
 * var b = Fingerprint.of(second.bodyText());
 * if (a.resemblance(b) > 0.5) ...   // estimated Jaccard similarity of the shingle sets
 * }</pre>
 */
public final class Fingerprint {
  /** 64 bins estimate resemblance to within about ±0.06, plenty to tell a copy from a story. */
  static final int HASHES = 64;
  /** Five-word shingles: long enough that shared phrases of ordinary English rarely collide. */
  static final int SHINGLE_WORDS = 5;
  /** Serialised size: the shingle count, then one 16-bit minimum per bin. */
  static final int BYTES = 4 + HASHES * 2;
  /** A bin no shingle fell into; real minima are kept below it. */
  private static final short EMPTY = (short) 0xFFFF;

  private static final long SEED = 0x2545F4914F6CDD1DL;
  /** Bits of a shingle's hash left after the top six choose its bin. */
  private static final int VALUE_BITS = 63 - 6;

  private final int shingles;
  private final short[] minima;

  private Fingerprint(int shingles, short[] minima) {
    this.shingles = shingles;
    this.minima = minima;
  }

  /** The fingerprint of a text: lower-cased words of letters and digits, in five-word shingles. */
  public static Fingerprint of(String text) {
    var lower = text.toLowerCase(Locale.ROOT);
    var least = new long[HASHES];
    Arrays.fill(least, Long.MAX_VALUE);
    var window = new int[SHINGLE_WORDS];
    int words = 0;
    int count = 0;
    int n = lower.length();
    int i = 0;
    while (i < n) {
      int cp = lower.codePointAt(i);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      // The word's String.hashCode, computed without making the String.
      int word = 0;
      while (i < n && isWordChar(cp = lower.codePointAt(i))) {
        if (Character.isBmpCodePoint(cp)) {
          word = 31 * word + cp;
        } else {
          word = 31 * (31 * word + Character.highSurrogate(cp)) + Character.lowSurrogate(cp);
        }
        i += Character.charCount(cp);
      }
      window[words % SHINGLE_WORDS] = word;
      words++;
      if (words < SHINGLE_WORDS) continue;
      long h = 0x9E3779B97F4A7C15L;
      for (int w = 0; w < SHINGLE_WORDS; w++) h = mix(h ^ window[(words + w) % SHINGLE_WORDS]) + w;
      count++;
      long v = mix(h ^ SEED) >>> 1;
      int bin = (int) (v >>> VALUE_BITS);
      long value = v & ((1L << VALUE_BITS) - 1);
      if (value < least[bin]) least[bin] = value;
    }
    var minima = new short[HASHES];
    for (int k = 0; k < HASHES; k++) {
      minima[k] = least[k] == Long.MAX_VALUE
          ? EMPTY
          : (short) Math.min(0xFFFE, least[k] >>> (VALUE_BITS - 16));
    }
    return new Fingerprint(count, minima);
  }

  private static boolean isWordChar(int cp) {
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER -> true;
      default -> false;
    };
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
    var minima = new short[HASHES];
    Arrays.fill(minima, EMPTY);
    return new Fingerprint(0, minima);
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

  /**
   * Estimated Jaccard similarity of the two shingle sets, 0 to 1; 0 when either text is too short.
   * Bins empty in both texts say nothing and are left out.
   */
  public double resemblance(Fingerprint other) {
    if (shingles == 0 || other.shingles == 0) return 0;
    int same = 0;
    int counted = 0;
    for (int k = 0; k < HASHES; k++) {
      if (minima[k] == EMPTY && other.minima[k] == EMPTY) continue;
      counted++;
      if (minima[k] == other.minima[k]) same++;
    }
    return counted == 0 ? 0 : same / (double) counted;
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
}
