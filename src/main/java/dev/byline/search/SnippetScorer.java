package dev.byline.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Scores snippet passages by the highlighter's own formula ({@link PassageScorer#tf},
 * {@link PassageScorer#weight}, {@link PassageScorer#norm}), counting each distinct matched term
 * once, without the hash table the stock scorer builds for every passage: a passage holds a handful
 * of matches, and that table (32 KB each) was over half of all the memory a search page allocated.
 */
final class SnippetScorer extends PassageScorer {
  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] inDoc = passage.getMatchTermFreqsInDoc();
    double score = 0;
    for (int i = 0; i < matches; i++) {
      if (seenBefore(terms, i)) continue;
      int inPassage = 1;
      for (int j = i + 1; j < matches; j++) if (terms[j].bytesEquals(terms[i])) inPassage++;
      score += tf(inPassage, passage.getLength()) * weight(contentLength, inDoc[i]);
    }
    return (float) (score * norm(passage.getStartOffset()));
  }

  private static boolean seenBefore(BytesRef[] terms, int i) {
    for (int j = 0; j < i; j++) if (terms[j].bytesEquals(terms[i])) return true;
    return false;
  }
}
