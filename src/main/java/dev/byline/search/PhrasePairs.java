package dev.byline.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * An exact phrase searched through the pairs field ({@link IndexSchema#PAIRS}). A phrase of two
 * common words, searched by positions, walks both words' postings across the archive and checks
 * positions wherever both occur; as one pair it is a single, much shorter term list, scored and
 * skipped like a word. Longer phrases need every pair, and their positions are then checked only
 * where all pairs occur.
 */
final class PhrasePairs {
  private PhrasePairs() {}

  /**
   * The phrase as a query on pairs, or null when pairs cannot answer it exactly: fewer than two
   * terms left after analysis, or neighbours further apart than {@link TextTerms#MAX_PAIR_GAP}.
   */
  static Query of(Analyzer analyzer, String phrase) {
    var terms = new ArrayList<String>();
    var gaps = new ArrayList<Integer>();
    try (var stream = analyzer.tokenStream(IndexSchema.TEXT, phrase)) {
      var term = stream.addAttribute(CharTermAttribute.class);
      var increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
        gaps.add(increment.getPositionIncrement());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (terms.size() < 2) return null;
    for (int i = 1; i < gaps.size(); i++) {
      if (gaps.get(i) < 1 || gaps.get(i) > TextTerms.MAX_PAIR_GAP) return null;
    }
    var pairs = new ArrayList<Query>();
    for (int i = 1; i < terms.size(); i++) {
      pairs.add(new TermQuery(new Term(IndexSchema.PAIRS, TextTerms.pair(terms.get(i - 1), gaps.get(i), terms.get(i)))));
    }
    if (pairs.size() == 1) return pairs.get(0);
    var all = new BooleanQuery.Builder();
    for (var pair : pairs) all.add(pair, BooleanClause.Occur.MUST);
    // Every pair present does not make the phrase ("a b ... b c" has both pairs of "a b c"):
    // positions decide, read only where the rarest pair already narrowed things down.
    var positions = new PhraseQuery.Builder();
    int at = 0;
    for (int i = 0; i < terms.size(); i++) {
      if (i > 0) at += gaps.get(i);
      positions.add(new Term(IndexSchema.TEXT, terms.get(i)), at);
    }
    all.add(positions.build(), BooleanClause.Occur.FILTER);
    return all.build();
  }
}
