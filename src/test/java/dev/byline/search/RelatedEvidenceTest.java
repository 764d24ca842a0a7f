package dev.byline.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The evidence beside the text cosine: names and years, read from plain text. */
class RelatedEvidenceTest {
  private static TextTerms terms(String body) {
    return TextTerms.analyse(IndexSchema.analyzer(), "Coach Fired After Slump", "", body);
  }

  @Test
  void names_are_capitalised_words_inside_sentences_not_first_words_or_headline_words() {
    var names = terms("The Philadelphia 76ers fired Maurice Cheeks on Saturday. "
            + "Officials said \"Stefanski\" would lead the search.\n\nCoaches rarely last.")
        .nameFrequencies();
    assertThat(names).containsKeys("philadelphia", "mauric", "cheek", "saturdai", "stefanski");
    assertThat(names).doesNotContainKeys("offici", "coach", "fire", "slump", "rare");
  }

  @Test
  void years_are_free_standing_four_digit_dates_and_not_parts_of_numbers() {
    assertThat(Years.of("Hired in May 2005, fired in 2008.", "A 2,005-seat hall; 12005 fans"))
        .containsExactly(2005, 2008);
    assertThat(Years.of("1.2005 metres, 2005,000 people, A2005, 1850 and 2150")).isEmpty();
    assertThat(Years.shareAny(new long[] {2005, 2008}, new long[] {2008})).isTrue();
    assertThat(Years.shareAny(new long[] {2005}, new long[] {2008, 2013})).isFalse();
  }
}
