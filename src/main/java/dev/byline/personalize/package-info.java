/**
 * "For you": recommendations for a reader the site never identifies. The reader's browser keeps
 * their <em>reading history</em> (ids of recent reads, newest first) and the topics they
 * <em>follow</em>, and only with their "preferences" consent; it sends those <em>signals</em>
 * with each request and the server keeps nothing. A <em>recommendation</em> is a published,
 * <em>fresh</em> article (first published within {@code personalize.freshDays}) the reader has
 * not read, ranked by the topics and sections it shares with their reads and follows, by
 * articles the related engine finds <em>similar</em>, and by how new it is; each comes with the
 * <em>reason</em> it was picked.
 */
package dev.byline.personalize;
