package dev.byline.search;

import dev.byline.content.Html;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Runs one reader search: parses the words with Lucene's {@link SimpleQueryParser} (made for what
 * people type: it never throws, and unbalanced quotes or lone operators just lose their meaning),
 * applies filters and order, and highlights what matched.
 */
final class ArticleSearch {
  /** What each word must match: the whole text, in which the headline already counts twice. */
  static final Map<String, Float> MATCHED_FIELDS = Map.of(IndexSchema.TEXT, 1f);
  /** Each word also found in the headline scores this much again, so headline matches lead. */
  static final Map<String, Float> HEADLINE_BOOST = Map.of(IndexSchema.HEADLINE, 2f);
  /** Shorter prefixes match too much to mean anything; they are searched as whole words. */
  static final int MIN_PREFIX = 2;
  /** Words and phrases only: no fuzzy or proximity syntax, which readers type by accident. */
  static final int PARSER_FLAGS = SimpleQueryParser.AND_OPERATOR
      | SimpleQueryParser.OR_OPERATOR
      | SimpleQueryParser.NOT_OPERATOR
      | SimpleQueryParser.PHRASE_OPERATOR
      | SimpleQueryParser.PREFIX_OPERATOR
      | SimpleQueryParser.PRECEDENCE_OPERATORS
      | SimpleQueryParser.ESCAPE_OPERATOR
      | SimpleQueryParser.WHITESPACE_OPERATOR;

  static final int SNIPPET_PASSAGES = 2;
  /** Completions a prefix is searched as: the common ones say what a reader is after. */
  static final int PREFIX_COMPLETIONS = 8;
  /** Distinct completions looked at before picking the common ones: bounds a two-letter prefix. */
  static final int MAX_PREFIX_TERMS_SCANNED = 20_000;

  static final int HIGHLIGHT_MAX_CHARS = 20_000;

  private final IndexSearcher searcher;
  private final Analyzer analyzer;

  ArticleSearch(IndexSearcher searcher, Analyzer analyzer) {
    this.searcher = searcher;
    this.analyzer = analyzer;
  }

  SearchResults run(SearchQuery q) {
    if (q.isEmpty()) return SearchResults.none(true);
    // Prefix completions found for the search are reused for the highlighted form below.
    var known = new HashMap<String, List<String>>();
    var words = parse(q.text(), true, known);
    if (words == null && !q.hasFilters()) return SearchResults.none(false);
    var query = withFilters(words == null ? new MatchAllDocsQuery() : words, q);
    try {
      int wanted = q.page() * SearchQuery.PAGE_SIZE + 1;
      TopDocs top;
      if (q.sort() == SearchQuery.Sort.NEWEST || words == null) {
        top = searcher.search(
            query,
            wanted,
            new Sort(new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG, true)),
            false);
      } else {
        // By score alone, which lets Lucene skip whatever cannot reach the page (a secondary sort
        // field stops that); equal scores are then put newest first here.
        top = searcher.search(query, wanted);
        newestFirstWithinEqualScores(top);
      }
      int from = (q.page() - 1) * SearchQuery.PAGE_SIZE;
      int to = Math.min(top.scoreDocs.length, from + SearchQuery.PAGE_SIZE);
      var hits = new ArrayList<SearchResults.Hit>();
      if (from < to) {
        // Phrases searched as pairs are highlighted as what they are: words in a row in the text.
        var shown = words == null
            ? query
            : q.text().indexOf('"') >= 0 ? parse(q.text(), false, known) : words;
        hits.addAll(hits(top, from, to, shown));
      }
      boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
      String suggestion = null;
      if (top.totalHits.value == 0 && words != null)
        suggestion = new SpellingSuggestion(searcher, this).suggest(q);
      return new SearchResults(
          hits, top.totalHits.value, exact, q.page(), top.scoreDocs.length > to, suggestion, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new dev.byline.content.InvalidInput(
          "q", "has too many words or prefixes to search at once");
    }
  }

  private void newestFirstWithinEqualScores(TopDocs top) throws IOException {
    var leaves = searcher.getIndexReader().leaves();
    var published = new HashMap<Integer, Long>();
    for (var hit : top.scoreDocs) {
      var leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
      published.put(hit.doc, number(leaf.reader(), IndexSchema.PUBLISHED, hit.doc - leaf.docBase));
    }
    Arrays.sort(
        top.scoreDocs,
        Comparator.<ScoreDoc>comparingDouble(h -> -h.score)
            .thenComparing(h -> -published.get(h.doc))
            .thenComparingInt(h -> h.doc));
  }

  /** How many articles match, for checking a spelling suggestion before offering it. */
  long count(SearchQuery q) throws IOException {
    var words = parse(q.text());
    if (words == null) return 0;
    return searcher.count(withFilters(words, q));
  }

  /**
   * The words as a query, or null when nothing searchable is left after parsing: every word must
   * be in the text; those also in the headline score more. The headline part is optional, so it
   * never changes what matches, only the order.
   */
  Query parse(String text) {
    return parse(text, true, new HashMap<>());
  }

  /**
   * With {@code pairs}, phrases are searched through the pairs field ({@link PhrasePairs}); without,
   * by positions in the text, which is what the highlighter needs to mark them. {@code known}
   * holds the completions of prefixes already looked up, so each is looked up once.
   */
  private Query parse(String text, boolean pairs, Map<String, List<String>> known) {
    var required = parse(text, MATCHED_FIELDS, BooleanClause.Occur.MUST, known, pairs);
    if (required == null || required instanceof MatchNoDocsQuery || isOnlyNegative(required))
      return null;
    var headline = parse(text, HEADLINE_BOOST, BooleanClause.Occur.SHOULD, known, false);
    if (headline == null || headline instanceof MatchNoDocsQuery || isOnlyNegative(headline))
      return required;
    return new BooleanQuery.Builder()
        .add(required, BooleanClause.Occur.MUST)
        .add(headline, BooleanClause.Occur.SHOULD)
        .build();
  }

  private Query parse(
      String text,
      Map<String, Float> fields,
      BooleanClause.Occur operator,
      Map<String, List<String>> known,
      boolean pairs) {
    var parser = new SimpleQueryParser(analyzer, fields, PARSER_FLAGS) {
      @Override
      protected Query newPhraseQuery(String phrase, int slop) {
        var byPairs = pairs && slop == 0 ? PhrasePairs.of(analyzer, phrase) : null;
        return byPairs != null ? byPairs : super.newPhraseQuery(phrase, slop);
      }

      @Override
      protected Query newPrefixQuery(String prefix) {
        var normalized = analyzer.normalize(IndexSchema.WORDS, prefix).utf8ToString();
        if (normalized.codePointCount(0, normalized.length()) < MIN_PREFIX
            || !normalized.chars().anyMatch(Character::isLetterOrDigit)) {
          return newDefaultQuery(prefix);
        }
        var words = known.computeIfAbsent(normalized.toLowerCase(Locale.ROOT), p -> completions(p));
        if (words.isEmpty()) return new MatchNoDocsQuery("no word starts with " + normalized);
        // Completions that stem alike ("president", "presidents") are searched once: a second
        // clause for the same term would only double its score and the work.
        var distinct = new LinkedHashSet<Query>();
        for (var word : words) {
          var q = newDefaultQuery(word);
          if (q != null && !(q instanceof MatchNoDocsQuery)) distinct.add(q);
        }
        var any = new BooleanQuery.Builder();
        for (var q : distinct) any.add(q, BooleanClause.Occur.SHOULD);
        // Stop words among the completions analyse to nothing, as they do when typed whole.
        var built = any.build();
        return built.clauses().isEmpty()
            ? new MatchNoDocsQuery("only stop words start with " + normalized)
            : built;
      }
    };
    parser.setDefaultOperator(operator);
    return parser.parse(text);
  }

  /**
   * The words of the archive that start with {@code prefix}, the {@link #PREFIX_COMPLETIONS} most
   * common first. A prefix is then searched as those words, scored and ranked like any other
   * words, rather than as one constant-score match over every completion: "stat*" on a large
   * archive matches most of it, and with every match scoring the same no hit can be skipped.
   */
  private List<String> completions(String prefix) {
    var counts = new HashMap<String, Integer>();
    try {
      var start = new BytesRef(prefix);
      for (var leaf : searcher.getIndexReader().leaves()) {
        var terms = leaf.reader().terms(IndexSchema.WORDS);
        if (terms == null) continue;
        var e = terms.iterator();
        if (e.seekCeil(start) == TermsEnum.SeekStatus.END) continue;
        for (var t = e.term(); t != null && StringHelper.startsWith(t, start); t = e.next()) {
          counts.merge(t.utf8ToString(), e.docFreq(), Integer::sum);
          if (counts.size() > MAX_PREFIX_TERMS_SCANNED) break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(PREFIX_COMPLETIONS)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static boolean isOnlyNegative(Query query) {
    if (!(query instanceof BooleanQuery b)) return false;
    if (b.clauses().isEmpty()) return true;
    return b.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT);
  }

  private static Query withFilters(Query words, SearchQuery q) {
    if (!q.hasFilters()) return words;
    var b = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST);
    if (q.sectionId() != null)
      b.add(
          new TermQuery(new Term(IndexSchema.SECTION, q.sectionId().toString())),
          BooleanClause.Occur.FILTER);
    if (q.topicId() != null)
      b.add(
          new TermQuery(new Term(IndexSchema.TOPIC, q.topicId().toString())),
          BooleanClause.Occur.FILTER);
    if (q.from() != null || q.to() != null) {
      long lo = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
      long hi = q.to() == null ? Long.MAX_VALUE : q.to().toEpochMilli() - 1;
      b.add(LongPoint.newRangeQuery(IndexSchema.PUBLISHED, lo, hi), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /**
   * The shown page only: headline and body highlighted in one pass from the offsets in the postings
   * (one stored-fields read per hit), the rest from doc values.
   */
  private List<SearchResults.Hit> hits(TopDocs top, int from, int to, Query words)
      throws IOException {
    var page = new TopDocs(top.totalHits, Arrays.copyOfRange(top.scoreDocs, from, to));
    var fields = new String[] {IndexSchema.HEADLINE, IndexSchema.TEXT};
    var highlighted =
        highlighter().highlightFields(fields, words, page, new int[] {1, SNIPPET_PASSAGES});
    var headlines = highlighted.get(IndexSchema.HEADLINE);
    var bodies = highlighted.get(IndexSchema.TEXT);
    var leaves = searcher.getIndexReader().leaves();
    var out = new ArrayList<SearchResults.Hit>();
    for (int i = 0; i < page.scoreDocs.length; i++) {
      int doc = page.scoreDocs[i].doc;
      var leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      var lr = leaf.reader();
      int local = doc - leaf.docBase;
      var headline = headlines[i] != null ? headlines[i] : Html.escape(headlineOf(doc));
      var snippet = bodies[i] == null ? "" : bodies[i];
      var slugs = DocValues.getBinary(lr, IndexSchema.SLUG);
      var slug = slugs.advanceExact(local) ? slugs.binaryValue().utf8ToString() : "";
      out.add(new SearchResults.Hit(
          number(lr, IndexSchema.ID, local),
          slug,
          number(lr, IndexSchema.SECTION, local),
          headline,
          snippet,
          Instant.ofEpochMilli(number(lr, IndexSchema.PUBLISHED, local))));
    }
    return out;
  }

  private UnifiedHighlighter highlighter() {
    var builder = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new MarkedPassages())
        .withFieldMatcher(f -> true)
        .withMaxLength(HIGHLIGHT_MAX_CHARS)
        .withScorer(new SnippetScorer());
    return new UnifiedHighlighter(builder) {
      /** The text field is not stored; its offsets up to the end of the body are the body's own. */
      @Override
      protected List<CharSequence[]> loadFieldValues(
          String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
        var names = fields.clone();
        for (int i = 0; i < names.length; i++)
          if (names[i].equals(IndexSchema.TEXT)) names[i] = IndexSchema.BODY;
        // The stored-fields visitor looks names up by binary search: it wants them sorted.
        var sorted = names.clone();
        Arrays.sort(sorted);
        var out = new ArrayList<CharSequence[]>();
        for (var row : super.loadFieldValues(sorted, docs, cacheCharsThreshold)) {
          var values = new CharSequence[names.length];
          for (int i = 0; i < names.length; i++)
            values[i] = row[Arrays.binarySearch(sorted, names[i])];
          out.add(values);
        }
        return out;
      }

      @Override
      protected BreakIterator getBreakIterator(String field) {
        // The headline is shown whole; the body as its best sentences.
        return field.equals(IndexSchema.HEADLINE)
            ? new WholeBreakIterator()
            : super.getBreakIterator(field);
      }
    };
  }

  private String headlineOf(int doc) throws IOException {
    return searcher
        .storedFields()
        .document(doc, Set.of(IndexSchema.HEADLINE))
        .get(IndexSchema.HEADLINE);
  }

  private static long number(LeafReader reader, String field, int doc) throws IOException {
    var values = DocValues.getNumeric(reader, field);
    return values.advanceExact(doc) ? values.longValue() : 0;
  }
}
