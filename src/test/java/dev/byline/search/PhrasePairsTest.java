package dev.byline.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

class PhrasePairsTest {
  final Analyzer analyzer = IndexSchema.analyzer();

  static TermQuery pair(String text) {
    return new TermQuery(new Term(IndexSchema.PAIRS, text));
  }

  @Test
  void the_common_word_list_is_analysed_into_stems_and_leaves_stop_words_out() {
    assertThat(CommonTerms.contains("said")).isTrue();
    assertThat(CommonTerms.contains("presid")).isTrue();
    assertThat(CommonTerms.contains("president")).isFalse();
    assertThat(CommonTerms.contains("the")).isFalse();
    assertThat(CommonTerms.contains("harbour")).isFalse();
    assertThat(CommonTerms.size()).isGreaterThan(300);
  }

  @Test
  void two_common_words_are_one_pair_term_with_dropped_stop_words_kept_as_gaps() {
    assertThat(PhrasePairs.of(analyzer, "President said")).isEqualTo(pair("presid said"));
    assertThat(PhrasePairs.of(analyzer, "president of the party"))
        .isEqualTo(pair("presid _ _ parti"));
  }

  @Test
  void longer_phrases_need_every_pair_of_common_neighbours_and_their_positions() {
    var q = (BooleanQuery) PhrasePairs.of(analyzer, "harbour officials said on Friday");
    assertThat(q.clauses())
        .filteredOn(c -> c.getOccur() == BooleanClause.Occur.MUST)
        .extracting(BooleanClause::getQuery)
        .containsExactly(pair("offici said"), pair("said _ fridai"));
    assertThat(q.clauses())
        .filteredOn(c -> c.getOccur() == BooleanClause.Occur.FILTER)
        .extracting(BooleanClause::getQuery)
        .singleElement()
        .isInstanceOf(PhraseQuery.class);
  }

  @Test
  void what_pairs_cannot_answer_is_left_to_positions() {
    assertThat(PhrasePairs.of(analyzer, "said")).isNull();
    assertThat(PhrasePairs.of(analyzer, "the")).isNull();
    assertThat(PhrasePairs.of(analyzer, "harbour pilots")).isNull();
    assertThat(PhrasePairs.of(analyzer, "president zanzibar")).isNull();
    assertThat(PhrasePairs.of(analyzer, "said that it was on the Friday")).isNull();
  }

  @Test
  void the_index_writes_the_same_pairs_a_phrase_is_searched_by() throws Exception {
    var terms = TextTerms.analyse(
        analyzer,
        "Party president resigns",
        "",
        "Officials said on Friday. Harbour pilots strike. It was said that it was on the Friday.");
    var pairs = new ArrayList<String>();
    try (var stream = terms.pairStream()) {
      var term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) pairs.add(term.toString());
      stream.end();
    }
    // Body, then each copy of the headline; only common neighbours, never from one part into the
    // next, nor over more than three dropped words.
    assertThat(pairs)
        .containsExactly("offici said", "said _ fridai", "parti presid", "parti presid");
  }
}
