package dev.byline.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class SnippetScorerTest {
  @Test
  void scores_every_passage_as_the_stock_scorer_does() {
    var random = new Random(3);
    var stock = new PassageScorer();
    var ours = new SnippetScorer();
    String[] words = {"harbour", "pilot", "strike", "presid", "said"};
    for (int round = 0; round < 1_000; round++) {
      var passage = new Passage();
      int start = random.nextInt(5_000);
      passage.setStartOffset(start);
      passage.setEndOffset(start + 10_000);
      int at = start;
      for (int m = 0, n = random.nextInt(8); m < n; m++) {
        var word = words[random.nextInt(words.length)];
        passage.addMatch(at, at + word.length(), new BytesRef(word), 1 + random.nextInt(20));
        at += word.length() + 1 + random.nextInt(30);
      }
      passage.setEndOffset(at + random.nextInt(50));
      int contentLength = at + 1_000;
      assertThat(ours.score(passage, contentLength))
          .as("round %d", round)
          .isEqualTo(stock.score(passage, contentLength));
    }
  }
}
