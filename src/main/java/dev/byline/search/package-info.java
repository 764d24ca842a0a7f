/**
 * Search: a Lucene index derived from the database and fed by the change feed. Lucene types stay
 * inside this package; callers get ids and records back.
 *
 * <p>Glossary. The <em>index</em> is the on-disk Lucene index under {@code DATA/index}; it holds
 * published articles only and can always be rebuilt from the database. A <em>rebuild</em> drops it
 * and re-reads every published article; it happens on demand ({@code byline reindex}) and by
 * itself when the index is missing, was written by another <em>schema version</em>, or carries a
 * <em>dirty marker</em> left by a process that did not stop cleanly. The <em>feed position</em>
 * is the change-feed sequence the index has applied. A <em>fingerprint</em> is a MinHash sketch of
 * an article's word shingles, for spotting near-duplicate texts. <em>Similar articles</em> are
 * found by selecting an article's most telling terms (as Lucene's MoreLikeThis does) and re-ranking
 * the hits by cosine similarity; the related engine adds editorial policy on top.
 */
package dev.byline.search;
