package dev.byline.search;

import java.util.ArrayList;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * An exact phrase searched through the pairs field ({@link IndexSchema#PAIRS}) where it can be.
 * A phrase of two common words ("from President"), searched by positions, walks both words'
 * postings across most of the archive and checks positions wherever both occur; as one pair it is
 * a single, much shorter term list, scored and skipped like a word. In a longer phrase every pair
 * of common neighbours must be present, and positions are then checked only where they all are.
 */
final class PhrasePairs {
  private PhrasePairs() {}

  /**
   * The phrase as a query using pairs, or null when it has no pair of common neighbours (fewer
   * than two terms, a rarer word between, or stop words beyond {@link TextTerms#MAX_PAIR_GAP}):
   * positions alone then answer it, cheaply, since a rarer word narrows them down.
   */
  static Query of(Analyzer analyzer, String phrase) {
    var tokens = TextTerms.Tokens.of(analyzer, phrase, TextTerms.MAX_TOKENS);
    var terms = tokens.terms;
    var gaps = tokens.increments;
    var pairs = new ArrayList<Query>();
    for (int i = 1; i < tokens.size; i++) {
      // A stacked term (no gap) would make the pairs say more than the phrase does.
      if (gaps[i] < 1) return null;
      if (TextTerms.pairs(terms[i - 1], gaps[i], terms[i])) {
        pairs.add(new TermQuery(
            new Term(IndexSchema.PAIRS, TextTerms.pair(terms[i - 1], gaps[i], terms[i]))));
      }
    }
    if (pairs.isEmpty()) return null;
    if (tokens.size == 2) return pairs.get(0);
    var all = new BooleanQuery.Builder();
    for (var pair : pairs) all.add(pair, BooleanClause.Occur.MUST);
    // Every pair present does not make the phrase ("a b ... b c" has both pairs of "a b c"), and
    // neighbours that are not both common have no pair: positions decide, read only where the
    // pairs already narrowed things down.
    var positions = new PhraseQuery.Builder();
    int at = 0;
    for (int i = 0; i < tokens.size; i++) {
      if (i > 0) at += gaps[i];
      positions.add(new Term(IndexSchema.TEXT, terms[i]), at);
    }
    all.add(positions.build(), BooleanClause.Occur.FILTER);
    return all.build();
  }
}
