package dev.byline.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/**
 * Headlines for the search box as the reader types: every word typed must start a word of the
 * headline ("harb str" finds "Harbour strike ends"), newest first, since readers mostly look for
 * what is in the news now.
 */
final class Autocomplete {
  /** Words beyond this are ignored: a reader typing this much wants the search page. */
  static final int MAX_WORDS = 8;
  /** The longest word prefix indexed; longer typed words are cut to it. */
  static final int MAX_GRAM = 24;

  private final IndexSearcher searcher;
  private final Analyzer words;

  Autocomplete(IndexSearcher searcher, Analyzer words) {
    this.searcher = searcher;
    this.words = words;
  }

  List<Completion> complete(String typed, int limit) {
    var terms = terms(typed == null ? "" : typed);
    if (terms.isEmpty() || limit < 1) return List.of();
    var b = new BooleanQuery.Builder();
    for (var t : terms)
      b.add(new TermQuery(new Term(IndexSchema.COMPLETE, t)), BooleanClause.Occur.FILTER);
    try {
      var top = searcher.search(
          new ConstantScoreQuery(b.build()),
          limit,
          new Sort(new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG, true)),
          false);
      var stored = searcher.storedFields();
      var out = new ArrayList<Completion>();
      for (var hit : top.scoreDocs) {
        var doc = stored.document(
            hit.doc, Set.of(IndexSchema.SLUG, IndexSchema.SECTION, IndexSchema.HEADLINE));
        var leaves = searcher.getIndexReader().leaves();
        var leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
        var ids = DocValues.getNumeric(leaf.reader(), IndexSchema.ID);
        long id = ids.advanceExact(hit.doc - leaf.docBase) ? ids.longValue() : 0;
        out.add(new Completion(
            id,
            doc.get(IndexSchema.SLUG),
            doc.getField(IndexSchema.SECTION).numericValue().longValue(),
            doc.get(IndexSchema.HEADLINE)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> terms(String typed) {
    var out = new ArrayList<String>();
    try (var stream = words.tokenStream(IndexSchema.COMPLETE, typed)) {
      var term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken() && out.size() < MAX_WORDS) {
        var t = term.toString();
        out.add(t.length() > MAX_GRAM ? t.substring(0, MAX_GRAM) : t);
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
