package dev.byline.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The analysed terms of a related text and how often each occurs, as the index sees them. */
final class RelatedTerms {
  /** Words beyond this many are ignored: a very long piece says what it is about well before. */
  static final int MAX_TOKENS = 20_000;

  private RelatedTerms() {}

  static Map<String, Integer> frequencies(Analyzer analyzer, String text) {
    var counts = new HashMap<String, Integer>();
    try (var stream = analyzer.tokenStream(IndexSchema.RELATED, text)) {
      var term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      int n = 0;
      while (stream.incrementToken() && n++ < MAX_TOKENS) counts.merge(term.toString(), 1, Integer::sum);
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counts;
  }

  /** Sub-linear term weight: the tenth mention of a word adds far less than the second. */
  static double tfWeight(int freq) {
    return freq <= 0 ? 0 : 1 + Math.log(freq);
  }

  /**
   * The length of an article's term-frequency vector, without rarity weights. It depends on the
   * article alone, so it is computed once at indexing and stays exact as the archive grows.
   */
  static double norm(Map<String, Integer> freqs) {
    double sum = 0;
    for (int f : freqs.values()) {
      double w = tfWeight(f);
      sum += w * w;
    }
    return Math.sqrt(sum);
  }
}
