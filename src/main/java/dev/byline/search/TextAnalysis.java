package dev.byline.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * One pass over a text that yields both analyses the index keeps of it: the English terms
 * (stemmed, stop words out, with positions and offsets) and the plain lower-cased words. Indexing
 * an article used to run three passes over its whole text (the searchable fields, the related
 * text and the plain words); this runs one and replays it to each field.
 *
 * <p>The chain is the English analyzer's with lower-casing moved ahead of the possessive filter
 * (which strips "'s" and "'S" alike, so the terms are the same) and the plain words taken just
 * after lower-casing, exactly where the standard analyzer would stop. {@code TextAnalysisTest}
 * holds both to the stock analyzers' output, since queries are still analysed by those.
 */
final class TextAnalysis {
  private static final Analyzer CHAIN = new Chain();
  /** Words seen by the capture step on this thread during the current analysis. */
  private static final ThreadLocal<List<String>> WORDS = ThreadLocal.withInitial(ArrayList::new);

  private TextAnalysis() {}

  /** English tokens of one field's text, replayable as a token stream with their positions and offsets. */
  static final class Tokens {
    private String[] terms = new String[64];
    private int[] increments = new int[64];
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int size;
    private int finalOffset;

    private void add(String term, int increment, int start, int end) {
      if (size == terms.length) {
        int n = size * 2;
        terms = Arrays.copyOf(terms, n);
        increments = Arrays.copyOf(increments, n);
        starts = Arrays.copyOf(starts, n);
        ends = Arrays.copyOf(ends, n);
      }
      terms[size] = term;
      increments[size] = increment;
      starts[size] = start;
      ends[size] = end;
      size++;
    }

    int size() {
      return size;
    }

    String term(int i) {
      return terms[i];
    }

    TokenStream stream() {
      return new TokenStream() {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private int next;

        @Override
        public boolean incrementToken() {
          if (next >= size) return false;
          clearAttributes();
          term.setEmpty().append(terms[next]);
          increment.setPositionIncrement(increments[next]);
          offset.setOffset(starts[next], ends[next]);
          next++;
          return true;
        }

        @Override
        public void end() throws IOException {
          super.end();
          offset.setOffset(finalOffset, finalOffset);
        }

        @Override
        public void reset() throws IOException {
          super.reset();
          next = 0;
        }
      };
    }
  }

  /** The English tokens of {@code text}; its plain words are appended to {@code words}. */
  static Tokens analyse(String text, List<String> words) {
    var tokens = new Tokens();
    var sink = WORDS.get();
    sink.clear();
    try (var stream = CHAIN.tokenStream("text", text)) {
      var term = stream.addAttribute(CharTermAttribute.class);
      var increment = stream.addAttribute(PositionIncrementAttribute.class);
      var offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString(), increment.getPositionIncrement(), offset.startOffset(), offset.endOffset());
      }
      stream.end();
      tokens.finalOffset = offset.endOffset();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    words.addAll(sink);
    sink.clear();
    return tokens;
  }

  /** Plain words as a token stream, for a field indexed for matching only. */
  static TokenStream wordStream(List<String> words) {
    return new TokenStream() {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
      private int next;

      @Override
      public boolean incrementToken() {
        if (next >= words.size()) return false;
        clearAttributes();
        term.setEmpty().append(words.get(next++));
        return true;
      }

      @Override
      public void reset() throws IOException {
        super.reset();
        next = 0;
      }
    };
  }

  private static final class Chain extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      var source = new StandardTokenizer();
      TokenStream result = new LowerCaseFilter(source);
      result = new Capture(result);
      result = new EnglishPossessiveFilter(result);
      result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      result = new PorterStemFilter(result);
      return new TokenStreamComponents(source, result);
    }
  }

  /** Passes every token on, noting it as a plain word first. */
  private static final class Capture extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private List<String> sink;

    Capture(TokenStream in) {
      super(in);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      sink = WORDS.get();
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) return false;
      sink.add(term.toString());
      return true;
    }
  }
}
