package dev.byline.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class PhrasePairsTest {
  final org.apache.lucene.analysis.Analyzer analyzer = IndexSchema.analyzer();

  @Test
  void two_words_are_one_pair_term_with_dropped_stop_words_kept_as_gaps() {
    assertThat(PhrasePairs.of(analyzer, "Harbour pilots")).isEqualTo(new TermQuery(new Term(IndexSchema.PAIRS, "harbour pilot")));
    assertThat(PhrasePairs.of(analyzer, "Tower of the Sun")).isEqualTo(new TermQuery(new Term(IndexSchema.PAIRS, "tower _ _ sun")));
  }

  @Test
  void longer_phrases_need_every_pair_and_their_positions() {
    var q = (BooleanQuery) PhrasePairs.of(analyzer, "harbour pilots strike");
    assertThat(q.clauses()).filteredOn(c -> c.getOccur() == BooleanClause.Occur.MUST).extracting(BooleanClause::getQuery)
        .containsExactly(new TermQuery(new Term(IndexSchema.PAIRS, "harbour pilot")),
            new TermQuery(new Term(IndexSchema.PAIRS, "pilot strike")));
    assertThat(q.clauses()).filteredOn(c -> c.getOccur() == BooleanClause.Occur.FILTER).extracting(BooleanClause::getQuery)
        .singleElement().isInstanceOf(PhraseQuery.class);
  }

  @Test
  void what_pairs_cannot_answer_is_left_to_positions() {
    assertThat(PhrasePairs.of(analyzer, "pilots")).isNull();
    assertThat(PhrasePairs.of(analyzer, "the")).isNull();
    assertThat(PhrasePairs.of(analyzer, "fire that was in the hall")).isNull();
  }

  @Test
  void the_index_writes_the_same_pairs_a_phrase_is_searched_by() throws Exception {
    var terms = TextTerms.analyse(analyzer, "Tower of the Sun reopens", "", "Harbour pilots strike. A fire that was in the hall.");
    var pairs = new java.util.ArrayList<String>();
    try (var stream = terms.pairStream()) {
      var term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) pairs.add(term.toString());
      stream.end();
    }
    // Body, then each copy of the headline; never from one part into the next, nor over five dropped words.
    assertThat(pairs).containsExactly("harbour pilot", "pilot strike", "strike _ fire",
        "tower _ _ sun", "sun reopen", "tower _ _ sun", "sun reopen");
  }
}
