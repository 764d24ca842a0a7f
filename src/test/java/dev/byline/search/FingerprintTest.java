package dev.byline.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.bench.NewsCorpus;
import dev.byline.testing.Fixtures;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  static NewsCorpus corpus;

  @BeforeAll
  static void corpus() {
    corpus = NewsCorpus.fromWikinews(Fixtures.dir().resolve("corpus").resolve("wikinews"));
  }

  static String story(long seed, int sentences) {
    var r = new Random(seed);
    var sb = new StringBuilder();
    for (int i = 0; i < sentences; i++)
      sb.append(corpus.sentence(r, 18, java.util.List.of())).append(' ');
    return sb.toString();
  }

  @Test
  void the_same_text_resembles_itself_whatever_its_case_and_punctuation() {
    var text = story(1, 30);
    var shouted = text.toUpperCase(java.util.Locale.ROOT).replace(" ", " -- ");
    assertThat(Fingerprint.of(text).resemblance(Fingerprint.of(text))).isEqualTo(1.0);
    assertThat(Fingerprint.of(text).resemblance(Fingerprint.of(shouted))).isEqualTo(1.0);
  }

  @Test
  void unrelated_stories_hardly_resemble_each_other() {
    for (long seed = 2; seed < 12; seed++) {
      assertThat(Fingerprint.of(story(seed, 30)).resemblance(Fingerprint.of(story(seed + 100, 30))))
          .isLessThan(0.1);
    }
  }

  @Test
  void a_new_version_with_one_paragraph_added_still_resembles_the_first() {
    var first = story(3, 40);
    var second = first + story(4, 4);
    double r = Fingerprint.of(first).resemblance(Fingerprint.of(second));
    // True Jaccard is about 40/44; the sketch estimates it within its error.
    assertThat(r).isBetween(0.75, 1.0);
  }

  @Test
  void a_brief_cut_from_a_long_piece_is_contained_in_it_without_resembling_it() {
    var full = story(5, 60);
    var brief = full.substring(0, full.length() / 5);
    var a = Fingerprint.of(full);
    var b = Fingerprint.of(brief);
    assertThat(b.resemblance(a)).isLessThan(0.4);
    assertThat(b.containment(a)).isGreaterThan(0.8);
    assertThat(Fingerprint.of(story(6, 12)).containment(a)).isLessThan(0.2);
  }

  @Test
  void texts_too_short_to_shingle_resemble_nothing_and_survive_storage() {
    var tiny = Fingerprint.of("Four words only here");
    assertThat(tiny.shingles()).isZero();
    assertThat(tiny.resemblance(tiny)).isZero();
    var text = Fingerprint.of(story(7, 10));
    var back = Fingerprint.fromBytes(text.toBytes());
    assertThat(back.shingles()).isEqualTo(text.shingles());
    assertThat(back.resemblance(text)).isEqualTo(1.0);
    assertThat(Fingerprint.fromBytes(new byte[3]).shingles()).isZero();
  }

  @Test
  void words_are_letters_and_digits_in_any_script() {
    var greek =
        "Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την οικονομία της χώρας μετά τις εκλογές του 2024";
    assertThat(Fingerprint.of(greek).shingles()).isEqualTo(16 - 4);
    assertThat(Fingerprint.of("a,b;c d\te\nf").shingles()).isEqualTo(2);
  }
}
