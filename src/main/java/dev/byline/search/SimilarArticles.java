package dev.byline.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Finds the published articles whose text is most like a given one, in two steps. First, as
 * Lucene's MoreLikeThis does, the article's most telling terms (frequent in it, rare in the
 * archive, the headline counting twice) make a weighted query that gathers candidates. Then each
 * candidate is scored by the cosine of the two texts' term-frequency vectors over every shared
 * term (the candidate's read from its {@link TermSignature}), which tells a story from its
 * neighbours far better than the few query terms alone.
 */
final class SimilarArticles {
  /**
   * Query terms: enough to pin down a story's names and events, few enough to stay fast on a
   * large archive. On a generated million-article archive 15 terms gather the same top three as
   * 25 did (every one of 1,000 articles asked) at under half the cost; the cosine re-ranking
   * reads every term anyway.
   */
  static final int MAX_QUERY_TERMS = 15;
  /** Candidates gathered beyond those asked for, for re-ranking; each costs a doc-value read. */
  static final int CANDIDATE_MARGIN = 0;
  /** Terms in more than this share of articles say nothing about any one story. */
  static final double MAX_DOC_SHARE = 0.3;

  private final IndexSearcher searcher;
  private final IndexReader reader;
  private final Analyzer analyzer;
  private final DocFreqs docFreqs;

  SimilarArticles(IndexSearcher searcher, Analyzer analyzer, DocFreqs docFreqs) {
    this.searcher = searcher;
    this.reader = searcher.getIndexReader();
    this.analyzer = analyzer;
    this.docFreqs = docFreqs;
  }

  List<SimilarArticle> find(SimilarityRequest request) {
    int docs = reader.maxDoc();
    if (reader.numDocs() == 0) return List.of();
    var terms =
        TextTerms.analyse(analyzer, request.headline(), request.standfirst(), request.body());
    // The article's side of each cosine: every term, weighted by frequency and rarity.
    var source = new HashMap<String, Double>(terms.frequencies().size() * 2);
    var queryTerms = new ArrayList<Map.Entry<String, Double>>();
    var idf = new HashMap<String, Double>(terms.frequencies().size() * 2);
    for (var e : terms.frequencies().entrySet()) {
      int df = docFreqs.of(reader, e.getKey());
      double rarity = Math.log((docs + 1.0) / (df + 1.0));
      double w = TextTerms.tfWeight(e.getValue()) * rarity;
      idf.put(e.getKey(), rarity);
      source.put(e.getKey(), w);
      if (df > 0 && df <= docs * MAX_DOC_SHARE) queryTerms.add(Map.entry(e.getKey(), w));
    }
    var text = Side.of(source);
    if (queryTerms.isEmpty() || text.norm() == 0) return List.of();
    var asked = new Asked(
        text,
        Side.of(weighted(terms.headlineFrequencies(), idf)),
        Side.of(weighted(terms.nameFrequencies(), idf)),
        Years.of(request.headline(), request.standfirst(), request.body()));
    try {
      var query = query(queryTerms, request);
      var hits = searcher.search(query, request.limit() + CANDIDATE_MARGIN).scoreDocs;
      // In index order: doc values are read forwards within each segment.
      var docIds = Arrays.stream(hits).mapToInt(h -> h.doc).sorted().toArray();
      var found = new ArrayList<SimilarArticle>(docIds.length);
      var leaves = reader.leaves();
      LeafReaderContext leaf = null;
      Columns columns = null;
      for (int doc : docIds) {
        if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
          leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
          columns = new Columns(leaf.reader());
        }
        found.add(columns.candidate(doc - leaf.docBase, asked));
      }
      found.sort(Comparator.comparingDouble(SimilarArticle::similarity)
          .reversed()
          .thenComparingLong(SimilarArticle::id));
      return found.size() > request.limit()
          ? List.copyOf(found.subList(0, request.limit()))
          : found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Double> weighted(Map<String, Integer> freqs, Map<String, Double> idf) {
    var out = new HashMap<String, Double>(freqs.size() * 2);
    freqs.forEach((term, f) -> out.put(term, TextTerms.tfWeight(f) * idf.getOrDefault(term, 0.0)));
    return out;
  }

  /** One weighted vector of the asking article, ready to be walked beside a candidate's signature. */
  private record Side(TermSignature.Weighted weighted, double norm) {
    static Side of(Map<String, Double> weights) {
      double sum = 0;
      for (double w : weights.values()) sum += w * w;
      return new Side(TermSignature.Weighted.of(weights), Math.sqrt(sum));
    }

    /** The cosine against a candidate's unweighted signature of the given length, 0 to 1. */
    double cosine(BytesRef signature, double signatureNorm) {
      if (norm == 0 || signatureNorm == 0) return 0;
      return Math.min(1, weighted.dot(signature) / (norm * signatureNorm));
    }
  }

  /** What the candidates are compared with: the asking article's text, headline, names and years. */
  private record Asked(Side text, Side headline, Side names, long[] years) {}

  private BooleanQuery query(List<Map.Entry<String, Double>> weights, SimilarityRequest request)
      throws IOException {
    var top = weights.stream()
        .sorted(Map.Entry.<String, Double>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_QUERY_TERMS)
        .toList();
    var terms = top.stream().map(e -> new Term(IndexSchema.TEXT, e.getKey())).toList();
    var states = termStates(terms);
    var b = new BooleanQuery.Builder();
    for (int i = 0; i < top.size(); i++) {
      b.add(
          new BoostQuery(
              new TermQuery(terms.get(i), states[i]), top.get(i).getValue().floatValue()),
          BooleanClause.Occur.SHOULD);
    }
    if (request.articleId() > 0)
      b.add(new TermQuery(IndexSchema.key(request.articleId())), BooleanClause.Occur.MUST_NOT);
    for (long id : request.exclude())
      b.add(new TermQuery(IndexSchema.key(id)), BooleanClause.Occur.MUST_NOT);
    return b.build();
  }

  /**
   * Where each term's postings start in each segment, looked up with one terms-dictionary reader
   * per segment for all the terms (in sorted order, so neighbouring seeks share their path). Left
   * to itself each term query opens a reader per segment of its own: fifteen terms on a large
   * archive's dozen segments made 180 of them per request, most of the memory a request used.
   */
  private TermStates[] termStates(List<Term> terms) throws IOException {
    var context = searcher.getTopReaderContext();
    var states = new TermStates[terms.size()];
    for (int i = 0; i < states.length; i++) states[i] = new TermStates(context);
    Integer[] order = new Integer[terms.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparing(terms::get));
    for (var leaf : reader.leaves()) {
      var fieldTerms = leaf.reader().terms(IndexSchema.TEXT);
      if (fieldTerms == null) continue;
      var e = fieldTerms.iterator();
      for (int i : order) {
        if (e.seekExact(terms.get(i).bytes()))
          states[i].register(e.termState(), leaf.ord, e.docFreq(), e.totalTermFreq());
      }
    }
    return states;
  }

  /** One segment's doc values, opened once and read forwards for the candidates in it. */
  private static final class Columns {
    private final NumericDocValues ids;
    private final NumericDocValues norms;
    private final NumericDocValues published;
    private final SortedNumericDocValues topics;
    private final SortedDocValues stories;
    private final BinaryDocValues prints;
    private final BinaryDocValues signatures;
    private final BinaryDocValues names;
    private final SortedNumericDocValues years;

    Columns(LeafReader reader) throws IOException {
      ids = DocValues.getNumeric(reader, IndexSchema.ID);
      norms = DocValues.getNumeric(reader, IndexSchema.RELATED_NORM);
      published = DocValues.getNumeric(reader, IndexSchema.PUBLISHED);
      topics = DocValues.getSortedNumeric(reader, IndexSchema.TOPIC);
      stories = DocValues.getSorted(reader, IndexSchema.STORY);
      prints = DocValues.getBinary(reader, IndexSchema.FINGERPRINT);
      signatures = DocValues.getBinary(reader, IndexSchema.RELATED_TERMS);
      names = DocValues.getBinary(reader, IndexSchema.NAMES);
      years = DocValues.getSortedNumeric(reader, IndexSchema.YEARS);
    }

    SimilarArticle candidate(int local, Asked asked) throws IOException {
      // The candidate side is unweighted: its length is then a property of the candidate alone,
      // computed once at indexing, and each cosine stays within 0..1.
      double candidateNorm =
          norms.advanceExact(local) ? Float.intBitsToFloat((int) norms.longValue()) : 0;
      double similarity = 0;
      double headline = 0;
      if (signatures.advanceExact(local)) {
        var signature = signatures.binaryValue();
        similarity = asked.text().cosine(signature, candidateNorm);
        headline = asked.headline().cosine(signature, candidateNorm);
      }
      double named = 0;
      if (names.advanceExact(local)) {
        var signature = names.binaryValue();
        named = asked.names().cosine(signature, TermSignature.norm(signature));
      }
      long id = ids.advanceExact(local) ? ids.longValue() : 0;
      var when = published.advanceExact(local)
          ? Instant.ofEpochMilli(published.longValue())
          : Instant.EPOCH;
      String story =
          stories.advanceExact(local) ? stories.lookupOrd(stories.ordValue()).utf8ToString() : null;
      var fingerprint = prints.advanceExact(local)
          ? Fingerprint.fromBytes(BytesRef.deepCopyOf(prints.binaryValue()).bytes)
          : Fingerprint.empty();
      return new SimilarArticle(
          id,
          similarity,
          headline,
          named,
          yearMatch(local, asked.years()),
          topics(local),
          when,
          story,
          fingerprint);
    }

    private List<Long> topics(int local) throws IOException {
      var topicIds = new ArrayList<Long>();
      if (topics.advanceExact(local)) {
        for (int i = 0; i < topics.docValueCount(); i++) topicIds.add(topics.nextValue());
      }
      return topicIds;
    }

    private SimilarArticle.YearMatch yearMatch(int local, long[] asked) throws IOException {
      if (asked.length == 0 || !years.advanceExact(local)) return SimilarArticle.YearMatch.UNKNOWN;
      var theirs = new long[years.docValueCount()];
      for (int i = 0; i < theirs.length; i++) theirs[i] = years.nextValue();
      return Years.shareAny(asked, theirs)
          ? SimilarArticle.YearMatch.SHARED
          : SimilarArticle.YearMatch.DIFFERENT;
    }
  }

  /** Lucene's MoreLikeThis as it comes, over headline, standfirst and body: the baseline to beat. */
  List<Long> plainMoreLikeThis(long articleId, int limit) {
    try {
      var hits = searcher.search(new TermQuery(IndexSchema.key(articleId)), 1).scoreDocs;
      if (hits.length == 0) return List.of();
      var mlt = new MoreLikeThis(reader);
      mlt.setAnalyzer(analyzer);
      // The searched text field is not stored: its parts are read back and given as the text to be
      // like.
      mlt.setFieldNames(new String[] {IndexSchema.TEXT});
      var stored = searcher
          .storedFields()
          .document(
              hits[0].doc, Set.of(IndexSchema.HEADLINE, IndexSchema.STANDFIRST, IndexSchema.BODY));
      var like = mlt.like(
          IndexSchema.TEXT,
          new StringReader(stored.get(IndexSchema.HEADLINE)),
          new StringReader(stored.get(IndexSchema.STANDFIRST)),
          new StringReader(stored.get(IndexSchema.BODY)));
      var query = new BooleanQuery.Builder()
          .add(like, BooleanClause.Occur.SHOULD)
          .add(new TermQuery(IndexSchema.key(articleId)), BooleanClause.Occur.MUST_NOT)
          .build();
      var out = new ArrayList<Long>();
      for (var hit : searcher.search(query, limit).scoreDocs) out.add(idOf(hit.doc));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long idOf(int doc) throws IOException {
    var leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
    var ids = DocValues.getNumeric(leaf.reader(), IndexSchema.ID);
    return ids.advanceExact(doc - leaf.docBase) ? ids.longValue() : 0;
  }
}
