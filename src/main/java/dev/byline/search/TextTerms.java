package dev.byline.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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

  /**
   * Neighbours further apart than this (stop words dropped between them) make no pair; a phrase
   * with such a gap is matched by positions alone.
   */
  static final int MAX_PAIR_GAP = 3;

  /** The parts in the order they are indexed, each with the offset it starts at. */
  private final List<Tokens> parts;

  private final int[] offsetBases;
  private final Map<String, Integer> frequencies;
  private final Map<String, Integer> headlineFrequencies;
  private final Map<String, Integer> nameFrequencies;

  private TextTerms(
      List<Tokens> parts,
      int[] offsetBases,
      Map<String, Integer> frequencies,
      Map<String, Integer> headlineFrequencies,
      Map<String, Integer> nameFrequencies) {
    this.parts = parts;
    this.offsetBases = offsetBases;
    this.frequencies = frequencies;
    this.headlineFrequencies = headlineFrequencies;
    this.nameFrequencies = nameFrequencies;
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
    var parts = new ArrayList<Tokens>(List.of(rest, lead));
    var bases = new int[2 + IndexSchema.HEADLINE_REPEATS];
    bases[1] = body.length() + 1;
    int base = bases[1] + standfirst.length() + 1;
    for (int i = 0; i < IndexSchema.HEADLINE_REPEATS; i++) {
      parts.add(head);
      bases[2 + i] = base;
      base += headline.length() + 1;
    }
    var counts = new HashMap<String, Integer>();
    for (var part : parts) {
      for (int i = 0; i < part.size; i++) counts.merge(part.terms[i], 1, Integer::sum);
    }
    var headCounts = new HashMap<String, Integer>();
    for (int i = 0; i < head.size; i++) headCounts.merge(head.terms[i], 1, Integer::sum);
    var names = new HashMap<String, Integer>();
    Names.count(rest, body, names);
    Names.count(lead, standfirst, names);
    return new TextTerms(parts, bases, counts, headCounts, names);
  }

  /** Terms in order with position increments and character offsets. */
  static final class Tokens {
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
          out.add(
              term.toString(),
              increment.getPositionIncrement(),
              offset.startOffset(),
              offset.endOffset());
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
  }

  Map<String, Integer> frequencies() {
    return frequencies;
  }

  /** How often each term occurs in the headline alone. */
  Map<String, Integer> headlineFrequencies() {
    return headlineFrequencies;
  }

  /** How often each term is written as a name in the standfirst and body ({@link Names}). */
  Map<String, Integer> nameFrequencies() {
    return nameFrequencies;
  }

  /**
   * The terms again as a stream, for indexing them without a second analysis: part after part,
   * with a gap in positions before each and offsets moved to where it starts.
   */
  TokenStream tokenStream() {
    return new TokenStream() {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
      private final PositionIncrementAttribute increment =
          addAttribute(PositionIncrementAttribute.class);
      private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
      private int part;
      private int next;
      private boolean started;

      @Override
      public boolean incrementToken() {
        while (part < parts.size() && next >= parts.get(part).size) {
          part++;
          next = 0;
        }
        if (part == parts.size()) return false;
        var tokens = parts.get(part);
        int base = offsetBases[part];
        clearAttributes();
        increment.setPositionIncrement(
            tokens.increments[next] + (next == 0 && started ? PART_GAP : 0));
        offset.setOffset(base + tokens.starts[next], base + tokens.ends[next]);
        term.setEmpty().append(tokens.terms[next++]);
        started = true;
        return true;
      }

      @Override
      public void reset() throws IOException {
        super.reset();
        part = 0;
        next = 0;
        started = false;
      }
    };
  }

  /**
   * Each pair of neighbouring common terms within a part as one term ({@link #pair}), for the pairs
   * field: a phrase of two common words is then a single term list to read instead of two long ones
   * to intersect position by position. Only frequencies are indexed, so positions here mean nothing.
   */
  TokenStream pairStream() {
    return new TokenStream() {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
      private int part;
      private int next = 1;

      @Override
      public boolean incrementToken() {
        while (part < parts.size()) {
          var tokens = parts.get(part);
          while (next < tokens.size) {
            int i = next++;
            int gap = tokens.increments[i];
            if (!pairs(tokens.terms[i - 1], gap, tokens.terms[i])) continue;
            clearAttributes();
            appendPair(term.setEmpty(), tokens.terms[i - 1], gap, tokens.terms[i]);
            return true;
          }
          part++;
          next = 1;
        }
        return false;
      }

      @Override
      public void reset() throws IOException {
        super.reset();
        part = 0;
        next = 1;
      }
    };
  }

  /** Whether two neighbouring terms, {@code gap} positions apart, are indexed as a pair. */
  static boolean pairs(String first, int gap, String second) {
    return gap >= 1
        && gap <= MAX_PAIR_GAP
        && CommonTerms.contains(first)
        && CommonTerms.contains(second);
  }

  /**
   * Two neighbouring terms as one: {@code second} came {@code gap} positions after {@code first},
   * each skipped position (a dropped stop word) written as "_", so "bank of england" and "bank
   * england" stay apart, as they do for a phrase query.
   */
  static String pair(String first, int gap, String second) {
    var sb = new StringBuilder(first.length() + second.length() + 2 * gap);
    appendPair(sb, first, gap, second);
    return sb.toString();
  }

  private static void appendPair(Appendable out, String first, int gap, String second) {
    try {
      out.append(first).append(' ');
      for (int g = 1; g < gap; g++) out.append("_ ");
      out.append(second);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
