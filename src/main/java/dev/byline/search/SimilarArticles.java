package dev.byline.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
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
 * candidate is scored by the cosine of the two texts' term vectors over every shared term, which
 * tells a story from its neighbours far better than the few query terms alone.
 */
final class SimilarArticles {
  /** Query terms: enough to pin down a story's names and events, few enough to stay fast on a large archive. */
  static final int MAX_QUERY_TERMS = 25;
  /** Candidates gathered beyond those asked for, for re-ranking; each costs a term-vector read. */
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
    var text = IndexSchema.relatedText(request.headline(), request.standfirst(), request.body());
    var freqs = RelatedTerms.frequencies(analyzer, text);
    // The article's side of the cosine: every term, weighted by frequency and rarity.
    var source = new HashMap<BytesRef, Double>(freqs.size() * 2);
    var queryTerms = new ArrayList<Map.Entry<String, Double>>();
    double norm = 0;
    for (var e : freqs.entrySet()) {
      int df = docFreqs.of(reader, e.getKey());
      double idf = Math.log((docs + 1.0) / (df + 1.0));
      double w = RelatedTerms.tfWeight(e.getValue()) * idf;
      norm += w * w;
      source.put(new BytesRef(e.getKey()), w);
      if (df > 0 && df <= docs * MAX_DOC_SHARE) queryTerms.add(Map.entry(e.getKey(), w));
    }
    if (queryTerms.isEmpty() || norm == 0) return List.of();
    var query = query(queryTerms, request);
    try {
      var hits = searcher.search(query, request.limit() + CANDIDATE_MARGIN).scoreDocs;
      // In index order, so each segment's term vectors are read front to back.
      var docIds = Arrays.stream(hits).mapToInt(h -> h.doc).sorted().toArray();
      var found = new ArrayList<SimilarArticle>(docIds.length);
      var leaves = reader.leaves();
      LeafReaderContext leaf = null;
      TermVectors vectors = null;
      for (int doc : docIds) {
        if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
          leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
          vectors = leaf.reader().termVectors();
        }
        found.add(candidate(leaf, vectors, doc - leaf.docBase, source, Math.sqrt(norm)));
      }
      found.sort(Comparator.comparingDouble(SimilarArticle::similarity).reversed().thenComparingLong(SimilarArticle::id));
      return found.size() > request.limit() ? List.copyOf(found.subList(0, request.limit())) : found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BooleanQuery query(List<Map.Entry<String, Double>> weights, SimilarityRequest request) {
    var top = weights.stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_QUERY_TERMS).toList();
    var b = new BooleanQuery.Builder();
    for (var e : top) {
      b.add(new BoostQuery(new TermQuery(new Term(IndexSchema.RELATED, e.getKey())), e.getValue().floatValue()),
          BooleanClause.Occur.SHOULD);
    }
    if (request.articleId() > 0) b.add(new TermQuery(IndexSchema.key(request.articleId())), BooleanClause.Occur.MUST_NOT);
    for (long id : request.exclude()) b.add(new TermQuery(IndexSchema.key(id)), BooleanClause.Occur.MUST_NOT);
    return b.build();
  }

  private static SimilarArticle candidate(LeafReaderContext leaf, TermVectors vectors, int local,
      Map<BytesRef, Double> source, double sourceNorm) throws IOException {
    double dot = 0;
    var vector = vectors.get(local, IndexSchema.RELATED);
    if (vector != null) {
      TermsEnum terms = vector.iterator();
      BytesRef term;
      while ((term = terms.next()) != null) {
        Double w = source.get(term);
        // The candidate side is unweighted: its length is then a property of the candidate alone,
        // computed once at indexing, and the cosine stays within 0..1.
        if (w != null) dot += w * RelatedTerms.tfWeight((int) terms.totalTermFreq());
      }
    }
    var lr = leaf.reader();
    var ids = DocValues.getNumeric(lr, IndexSchema.ID);
    long id = ids.advanceExact(local) ? ids.longValue() : 0;
    var norms = DocValues.getNumeric(lr, IndexSchema.RELATED_NORM);
    double candidateNorm = norms.advanceExact(local) ? Float.intBitsToFloat((int) norms.longValue()) : 0;
    double similarity = candidateNorm == 0 ? 0 : Math.min(1, dot / (sourceNorm * candidateNorm));
    var published = DocValues.getNumeric(lr, IndexSchema.PUBLISHED);
    var when = published.advanceExact(local) ? Instant.ofEpochMilli(published.longValue()) : Instant.EPOCH;
    var topics = new ArrayList<Long>();
    var topicValues = DocValues.getSortedNumeric(lr, IndexSchema.TOPIC);
    if (topicValues.advanceExact(local)) {
      for (int i = 0; i < topicValues.docValueCount(); i++) topics.add(topicValues.nextValue());
    }
    var stories = DocValues.getSorted(lr, IndexSchema.STORY);
    String story = stories.advanceExact(local) ? stories.lookupOrd(stories.ordValue()).utf8ToString() : null;
    var prints = DocValues.getBinary(lr, IndexSchema.FINGERPRINT);
    var fingerprint = prints.advanceExact(local) ? Fingerprint.fromBytes(BytesRef.deepCopyOf(prints.binaryValue()).bytes)
        : Fingerprint.empty();
    return new SimilarArticle(id, similarity, topics, when, story, fingerprint);
  }

  /** Lucene's MoreLikeThis as it comes, over headline, standfirst and body: the baseline to beat. */
  List<Long> plainMoreLikeThis(long articleId, int limit) {
    try {
      var hits = searcher.search(new TermQuery(IndexSchema.key(articleId)), 1).scoreDocs;
      if (hits.length == 0) return List.of();
      var mlt = new MoreLikeThis(reader);
      mlt.setAnalyzer(analyzer);
      mlt.setFieldNames(new String[] {IndexSchema.HEADLINE, IndexSchema.STANDFIRST, IndexSchema.BODY});
      var query = new BooleanQuery.Builder()
          .add(mlt.like(hits[0].doc), BooleanClause.Occur.SHOULD)
          .add(new TermQuery(IndexSchema.key(articleId)), BooleanClause.Occur.MUST_NOT).build();
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
