/**
 * The database. The <em>store</em> is the relational database, the one source of truth; a
 * <em>dialect</em> is SQLite or PostgreSQL; a <em>unit of work</em> ({@link dev.byline.store.Tx})
 * is the statements of one change, run in one transaction so they are stored together or not at
 * all; the <em>change feed</em> is the outbox table every content write appends to in the same
 * transaction; a <em>follower</em> reads it by sequence number to keep derived things (page
 * cache, search index) up to date. A <em>surrogate key</em> names something a page depends on
 * ("article:12", "section:3", "front"); every name comes from {@link dev.byline.store.SurrogateKey}.
 * A <em>derived cache</em> ({@link dev.byline.store.DerivedCache}) keeps values read from the
 * database in memory, tagged with surrogate keys, until the change feed names one of them.
 */
package dev.byline.store;
