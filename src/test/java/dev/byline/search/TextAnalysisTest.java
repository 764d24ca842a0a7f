package dev.byline.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.bench.NewsCorpus;
import dev.byline.testing.Fixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** Indexing analyses in one pass, but queries go through the stock analyzers: both must agree token for token. */
class TextAnalysisTest {
  static final List<String> TRICKY = List.of(
      "The Minister's plan and the MINISTER'S PLAN and the minister’s plans",
      "Don't stop: it's the U.S.A.'s 2024 budget, café naïve résumé — 10,000.50 ALL-CAPS e-mail",
      "Η κυβέρνηση ανακοίνωσε νέα μέτρα; 東京で地震 and Jones’S case",
      "  leading spaces, trailing stops ... and a the an of to be it is ",
      "");

  @Test
  void english_terms_positions_and_offsets_and_plain_words_match_the_stock_analyzers() throws IOException {
    var texts = new ArrayList<>(TRICKY);
    var corpus = NewsCorpus.fromWikinews(Fixtures.dir().resolve("corpus").resolve("wikinews"));
    var r = new Random(3);
    for (int i = 0; i < 200; i++) texts.add(corpus.sentence(r, 30, List.of("O'Neill's", "McDONALD'S")));
    try (var english = new EnglishAnalyzer(); var plain = new StandardAnalyzer(CharArraySet.EMPTY_SET)) {
      for (var text : texts) {
        var words = new ArrayList<String>();
        var tokens = TextAnalysis.analyse(text, words);
        assertThat(describe(tokens.stream())).as(text).isEqualTo(describe(english, text));
        assertThat(words).as(text).isEqualTo(terms(plain, text));
      }
    }
  }

  @Test
  void related_terms_from_the_one_pass_equal_those_of_analysing_the_related_text() {
    var headline = "Harbour workers' strike enters its third day";
    var standfirst = "Dockers say talks with the port authority have stalled";
    var body = "The strike at the harbour began on Monday.\n\nShips are waiting offshore; the port's owners say losses mount.";
    var words = new ArrayList<String>();
    var one = RelatedTerms.of(TextAnalysis.analyse(headline, words), TextAnalysis.analyse(standfirst, words),
        TextAnalysis.analyse(body, words));
    try (var english = new EnglishAnalyzer()) {
      var stock = RelatedTerms.analyse(english, IndexSchema.relatedText(headline, standfirst, body));
      assertThat(one.frequencies()).isEqualTo(stock.frequencies()).containsEntry("harbour", 3);
      assertThat(one.norm()).isEqualTo(stock.norm());
    }
    assertThat(words).startsWith("harbour", "workers", "strike").contains("the", "port's");
  }

  private static List<String> describe(Analyzer analyzer, String text) throws IOException {
    return describe(analyzer.tokenStream("body", text));
  }

  private static List<String> describe(TokenStream stream) throws IOException {
    var out = new ArrayList<String>();
    try (stream) {
      var term = stream.addAttribute(CharTermAttribute.class);
      var inc = stream.addAttribute(PositionIncrementAttribute.class);
      var offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term + "+" + inc.getPositionIncrement() + "@" + offset.startOffset() + "-" + offset.endOffset());
      }
      stream.end();
      out.add("end@" + offset.endOffset());
    }
    return out;
  }

  private static List<String> terms(Analyzer analyzer, String text) throws IOException {
    var out = new ArrayList<String>();
    try (var stream = analyzer.tokenStream("words", text)) {
      var term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) out.add(term.toString());
      stream.end();
    }
    return out;
  }
}
