package dev.byline.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * An article's related-text terms as a doc value: each distinct term as a 32-bit hash with its
 * frequency, sorted by hash. Re-ranking candidates reads one of these per candidate and walks it
 * beside the source article's own sorted list, which is far cheaper than reading and decoding a
 * term vector and hashing each of its terms again. Two different terms of two compared articles
 * share a hash about once in sixteen million pairs: a negligible blur on a similarity score.
 *
 * <p>Layout: a 4-byte count, then per term a 4-byte hash (big-endian, ascending as signed ints)
 * and a 1-byte frequency capped at 255.
 */
final class TermSignature {
  static final int ENTRY_BYTES = 5;
  /** More mentions than this add nothing the sub-linear weight would notice. */
  static final int MAX_FREQUENCY = 255;

  private TermSignature() {}

  static int hash(String term) {
    var bytes = term.getBytes(StandardCharsets.UTF_8);
    return StringHelper.murmurhash3_x86_32(bytes, 0, bytes.length, 0x5EED);
  }

  static BytesRef encode(Map<String, Integer> frequencies) {
    int n = frequencies.size();
    var packed = new long[n];
    int i = 0;
    for (var e : frequencies.entrySet()) {
      // Hash in the high half, frequency in the low: sorting the longs sorts by hash.
      packed[i++] = ((long) hash(e.getKey()) << 32) | Math.min(MAX_FREQUENCY, e.getValue());
    }
    Arrays.sort(packed);
    var out = new byte[4 + n * ENTRY_BYTES];
    putInt(out, 0, n);
    for (int k = 0; k < n; k++) {
      int at = 4 + k * ENTRY_BYTES;
      putInt(out, at, (int) (packed[k] >> 32));
      out[at + 4] = (byte) packed[k];
    }
    return new BytesRef(out);
  }

  /** The source side of a comparison: hashes ascending, each with its weight. */
  record Weighted(int[] hashes, double[] weights) {
    static Weighted of(Map<String, Double> weightsByTerm) {
      int n = weightsByTerm.size();
      var pairs = new long[n];
      var values = new double[n];
      int i = 0;
      for (var e : weightsByTerm.entrySet()) {
        values[i] = e.getValue();
        pairs[i] = ((long) hash(e.getKey()) << 32) | i;
        i++;
      }
      Arrays.sort(pairs);
      var hashes = new int[n];
      var weights = new double[n];
      for (int k = 0; k < n; k++) {
        hashes[k] = (int) (pairs[k] >> 32);
        weights[k] = values[(int) pairs[k]];
      }
      return new Weighted(hashes, weights);
    }

    /** Sum over shared terms of this side's weight times the other side's sub-linear frequency. */
    double dot(BytesRef signature) {
      var b = signature.bytes;
      int base = signature.offset;
      if (signature.length < 4) return 0;
      int n = Math.min(getInt(b, base), (signature.length - 4) / ENTRY_BYTES);
      double dot = 0;
      int i = 0;
      int k = 0;
      while (i < hashes.length && k < n) {
        int at = base + 4 + k * ENTRY_BYTES;
        int h = getInt(b, at);
        if (hashes[i] < h) {
          i++;
        } else if (hashes[i] > h) {
          k++;
        } else {
          dot += weights[i] * TextTerms.tfWeight(b[at + 4] & 0xFF);
          i++;
          k++;
        }
      }
      return dot;
    }
  }

  /** The length of a signature's sub-linear term-frequency vector, unweighted. */
  static double norm(BytesRef signature) {
    if (signature.length < 4) return 0;
    var b = signature.bytes;
    int base = signature.offset;
    int n = Math.min(getInt(b, base), (signature.length - 4) / ENTRY_BYTES);
    double sum = 0;
    for (int k = 0; k < n; k++) {
      double w = TextTerms.tfWeight(b[base + 4 + k * ENTRY_BYTES + 4] & 0xFF);
      sum += w * w;
    }
    return Math.sqrt(sum);
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private static int getInt(byte[] b, int at) {
    return (b[at] & 0xFF) << 24
        | (b[at + 1] & 0xFF) << 16
        | (b[at + 2] & 0xFF) << 8
        | (b[at + 3] & 0xFF);
  }
}
