package dev.byline.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Document frequencies of related-text terms, remembered per index segment. Similarity weighs
 * every term of an article by how rare it is; asking Lucene each time costs a terms-dictionary
 * seek per segment per term. Segments never change once written, so a frequency remembered for a
 * segment stays exact until the segment is merged away, and the sum over the current segments is
 * exactly what Lucene would say: results never depend on what was asked before. The sums are
 * remembered too, for as long as the reader they were taken from is the current one.
 */
final class DocFreqs {
  /** Terms remembered per segment: the working vocabulary of a large archive, a few MB each. */
  static final int MAX_TERMS_PER_SEGMENT = 200_000;

  private final ConcurrentHashMap<Object, Cache<String, Integer>> bySegment =
      new ConcurrentHashMap<>();

  /**
   * Frequencies summed over the segments of the current reader: one lookup per term instead of
   * one per segment (a large archive has a dozen or more), until a refresh brings a new reader.
   */
  private record Whole(Object readerKey, ConcurrentHashMap<String, Integer> counts) {}

  private volatile Whole whole = new Whole(new Object(), new ConcurrentHashMap<>());

  /** The number of articles (including deleted ones not yet merged away, as Lucene counts) holding the term. */
  int of(IndexReader reader, String term) {
    var helper = reader.getReaderCacheHelper();
    if (helper == null) return sum(reader, term);
    var w = whole;
    if (w.readerKey() != helper.getKey()) {
      w = new Whole(helper.getKey(), new ConcurrentHashMap<>());
      whole = w;
    }
    var known = w.counts().get(term);
    if (known != null) return known;
    int df = sum(reader, term);
    if (w.counts().size() < MAX_TERMS_PER_SEGMENT) w.counts().put(term, df);
    return df;
  }

  private int sum(IndexReader reader, String term) {
    int total = 0;
    for (var leaf : reader.leaves()) total += of(leaf.reader(), term);
    return total;
  }

  private int of(LeafReader leaf, String term) {
    var helper = leaf.getCoreCacheHelper();
    if (helper == null) return lookup(leaf, term);
    var cache = bySegment.computeIfAbsent(helper.getKey(), key -> {
      helper.addClosedListener(bySegment::remove);
      return Caffeine.newBuilder().maximumSize(MAX_TERMS_PER_SEGMENT).build();
    });
    return cache.get(term, t -> lookup(leaf, t));
  }

  private static int lookup(LeafReader leaf, String term) {
    try {
      Terms terms = leaf.terms(IndexSchema.TEXT);
      if (terms == null) return 0;
      TermsEnum e = terms.iterator();
      return e.seekExact(new BytesRef(term)) ? e.docFreq() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
