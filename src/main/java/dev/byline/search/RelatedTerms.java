package dev.byline.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The analysed terms of a related text and how often each occurs, as the index sees them. */
final class RelatedTerms {
  /** Words beyond this many are ignored: a very long piece says what it is about well before. */
  static final int MAX_TOKENS = 20_000;

  private final List<String> tokens;
  private final Map<String, Integer> frequencies;

  private RelatedTerms(List<String> tokens, Map<String, Integer> frequencies) {
    this.tokens = tokens;
    this.frequencies = frequencies;
  }

  /** Runs the analyzer over the text once, keeping the terms in order (at most {@link #MAX_TOKENS}). */
  static RelatedTerms analyse(Analyzer analyzer, String text) {
    var tokens = new ArrayList<String>();
    var counts = new HashMap<String, Integer>();
    try (var stream = analyzer.tokenStream(IndexSchema.RELATED, text)) {
      var term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (tokens.size() < MAX_TOKENS && stream.incrementToken()) {
        var t = term.toString();
        tokens.add(t);
        counts.merge(t, 1, Integer::sum);
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RelatedTerms(tokens, counts);
  }

  static Map<String, Integer> frequencies(Analyzer analyzer, String text) {
    return analyse(analyzer, text).frequencies();
  }

  Map<String, Integer> frequencies() {
    return frequencies;
  }

  /** The terms again as a stream, for indexing them without a second analysis. */
  TokenStream tokenStream() {
    return new TokenStream() {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
      private int next;

      @Override
      public boolean incrementToken() {
        if (next >= tokens.size()) return false;
        clearAttributes();
        term.setEmpty().append(tokens.get(next++));
        return true;
      }

      @Override
      public void reset() throws IOException {
        super.reset();
        next = 0;
      }
    };
  }

  /**
   * The length of the article's term-frequency vector, without rarity weights. It depends on the
   * article alone, so it is computed once at indexing and stays exact as the archive grows.
   */
  double norm() {
    return norm(frequencies);
  }

  /** Sub-linear term weight: the tenth mention of a word adds far less than the second. */
  static double tfWeight(int freq) {
    return freq <= 0 ? 0 : 1 + Math.log(freq);
  }

  static double norm(Map<String, Integer> freqs) {
    double sum = 0;
    for (int f : freqs.values()) {
      double w = tfWeight(f);
      sum += w * w;
    }
    return Math.sqrt(sum);
  }
}
