package dev.byline.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
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
  static final int MAX_QUERY_TERMS = 40;
  /** Candidates gathered for re-ranking; more finds little and costs a term-vector read each. */
  static final int CANDIDATES = 40;
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
    var weights = new HashMap<String, Double>();
    var idfs = new HashMap<String, Double>();
    double norm = 0;
    for (var e : freqs.entrySet()) {
      int df = docFreqs.of(reader, e.getKey());
      double idf = Math.log((docs + 1.0) / (df + 1.0));
      double w = RelatedTerms.tfWeight(e.getValue()) * idf;
      norm += w * w;
      idfs.put(e.getKey(), idf);
      if (df > 0 && df <= docs * MAX_DOC_SHARE) weights.put(e.getKey(), w);
    }
    if (weights.isEmpty() || norm == 0) return List.of();
    var query = query(weights, request);
    try {
      var hits = searcher.search(query, Math.max(CANDIDATES, request.limit())).scoreDocs;
      var found = new ArrayList<SimilarArticle>(hits.length);
      for (var hit : hits) found.add(candidate(hit.doc, freqs, idfs, Math.sqrt(norm)));
      found.sort(Comparator.comparingDouble(SimilarArticle::similarity).reversed().thenComparingLong(SimilarArticle::id));
      return found.size() > request.limit() ? List.copyOf(found.subList(0, request.limit())) : found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BooleanQuery query(Map<String, Double> weights, SimilarityRequest request) {
    var top = weights.entrySet().stream()
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

  private SimilarArticle candidate(int doc, Map<String, Integer> sourceFreqs, Map<String, Double> idfs, double sourceNorm)
      throws IOException {
    double dot = 0;
    var vector = reader.termVectors().get(doc, IndexSchema.RELATED);
    if (vector != null) {
      TermsEnum terms = vector.iterator();
      BytesRef term;
      while ((term = terms.next()) != null) {
        var t = term.utf8ToString();
        Integer sf = sourceFreqs.get(t);
        if (sf == null) continue;
        double idf = idfs.get(t);
        // The candidate side is unweighted: its length is then a property of the candidate alone,
        // computed once at indexing, and the cosine stays within 0..1.
        dot += RelatedTerms.tfWeight(sf) * idf * RelatedTerms.tfWeight((int) terms.totalTermFreq());
      }
    }
    var leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
    int local = doc - leaf.docBase;
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
