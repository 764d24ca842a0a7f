package dev.byline.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The analysed terms of an article's whole text (body, standfirst, headline repeated) with their
 * positions and offsets, and how often each occurs: analysed once, then indexed as the searched
 * field, summed into the related-article signature and measured for its length.
 *
 * <p>The body comes first so that its offsets are its own: the search page highlights the stored
 * body straight from the field's postings. Standfirst and headline follow at offsets past the end
 * of the body, where the highlighter stops looking.
 */
final class TextTerms {
  /** Words beyond this many are ignored: a very long piece says what it is about well before. */
  static final int MAX_TOKENS = 20_000;
  /**
   * Positions left empty between body, standfirst and headline, so that a phrase never matches
   * across the end of one and the start of the next.
   */
  static final int PART_GAP = 100;

  private final Tokens tokens;
  private final Map<String, Integer> frequencies;

  private TextTerms(Tokens tokens, Map<String, Integer> frequencies) {
    this.tokens = tokens;
    this.frequencies = frequencies;
  }

  /**
   * Analyses each part once; the headline counts {@link IndexSchema#HEADLINE_REPEATS} times (it
   * says what the story is about). At most {@link #MAX_TOKENS} terms, the headline and standfirst
   * always among them.
   */
  static TextTerms analyse(Analyzer analyzer, String headline, String standfirst, String body) {
    var head = Tokens.of(analyzer, headline, MAX_TOKENS / (IndexSchema.HEADLINE_REPEATS + 1));
    int room = MAX_TOKENS - head.size * IndexSchema.HEADLINE_REPEATS;
    var lead = Tokens.of(analyzer, standfirst, room / 2);
    var rest = Tokens.of(analyzer, body, room - lead.size);
    var all = new Tokens(rest.size + lead.size + head.size * IndexSchema.HEADLINE_REPEATS);
    all.append(rest, 0);
    int base = body.length() + 1;
    all.append(lead, base);
    base += standfirst.length() + 1;
    for (int i = 0; i < IndexSchema.HEADLINE_REPEATS; i++) {
      all.append(head, base);
      base += headline.length() + 1;
    }
    var counts = new HashMap<String, Integer>();
    for (int i = 0; i < all.size; i++) counts.merge(all.terms[i], 1, Integer::sum);
    return new TextTerms(all, counts);
  }

  /** Terms in order with position increments and character offsets. */
  private static final class Tokens {
    String[] terms;
    int[] increments;
    int[] starts;
    int[] ends;
    int size;

    Tokens(int capacity) {
      int c = Math.max(capacity, 16);
      terms = new String[c];
      increments = new int[c];
      starts = new int[c];
      ends = new int[c];
    }

    static Tokens of(Analyzer analyzer, String text, int limit) {
      var out = new Tokens(text.length() / 6);
      try (var stream = analyzer.tokenStream(IndexSchema.TEXT, text)) {
        var term = stream.addAttribute(CharTermAttribute.class);
        var increment = stream.addAttribute(PositionIncrementAttribute.class);
        var offset = stream.addAttribute(OffsetAttribute.class);
        stream.reset();
        while (out.size < limit && stream.incrementToken()) {
          out.add(term.toString(), increment.getPositionIncrement(), offset.startOffset(), offset.endOffset());
        }
        stream.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out;
    }

    void add(String term, int increment, int start, int end) {
      if (size == terms.length) {
        int c = size * 2;
        terms = Arrays.copyOf(terms, c);
        increments = Arrays.copyOf(increments, c);
        starts = Arrays.copyOf(starts, c);
        ends = Arrays.copyOf(ends, c);
      }
      terms[size] = term;
      increments[size] = increment;
      starts[size] = start;
      ends[size] = end;
      size++;
    }

    /** Another part after this one: a gap in positions, offsets moved to where the part starts. */
    void append(Tokens part, int offsetBase) {
      for (int i = 0; i < part.size; i++) {
        int gap = i == 0 && size > 0 ? PART_GAP : 0;
        add(part.terms[i], part.increments[i] + gap, offsetBase + part.starts[i], offsetBase + part.ends[i]);
      }
    }
  }

  Map<String, Integer> frequencies() {
    return frequencies;
  }

  /** The terms again as a stream, for indexing them without a second analysis. */
  TokenStream tokenStream() {
    return new TokenStream() {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
      private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
      private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
      private int next;

      @Override
      public boolean incrementToken() {
        if (next >= tokens.size) return false;
        clearAttributes();
        increment.setPositionIncrement(tokens.increments[next]);
        offset.setOffset(tokens.starts[next], tokens.ends[next]);
        term.setEmpty().append(tokens.terms[next++]);
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
