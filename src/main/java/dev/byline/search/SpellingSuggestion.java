package dev.byline.search;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;

/**
 * "Did you mean …?" for a search that found nothing: each word the archive has never seen is
 * replaced by the closest word it has (by edit distance, preferring common words), and the
 * corrected search is offered only if it finds something.
 */
final class SpellingSuggestion {
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'’]*");
  /** Words shorter than this are too ambiguous to correct. */
  static final int MIN_WORD = 3;

  private final IndexSearcher searcher;
  private final ArticleSearch search;

  SpellingSuggestion(IndexSearcher searcher, ArticleSearch search) {
    this.searcher = searcher;
    this.search = search;
  }

  String suggest(SearchQuery q) throws IOException {
    var checker = new DirectSpellChecker();
    var reader = searcher.getIndexReader();
    Matcher m = WORD.matcher(q.text());
    var corrected = new StringBuilder();
    int last = 0;
    boolean changed = false;
    while (m.find()) {
      var word = m.group();
      var lower = word.toLowerCase(Locale.ROOT);
      corrected.append(q.text(), last, m.start());
      last = m.end();
      boolean operator = word.equals("AND") || word.equals("OR") || word.equals("NOT");
      if (operator
          || lower.length() < MIN_WORD
          || reader.docFreq(new Term(IndexSchema.WORDS, lower)) > 0) {
        corrected.append(word);
        continue;
      }
      var options = checker.suggestSimilar(
          new Term(IndexSchema.WORDS, lower), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      if (options.length == 0) {
        corrected.append(word);
      } else {
        corrected.append(options[0].string);
        changed = true;
      }
    }
    corrected.append(q.text().substring(last));
    if (!changed) return null;
    var candidate = corrected.toString();
    return search.count(q.withText(candidate).withPage(1)) > 0 ? candidate : null;
  }
}
