/**
 * Distribution: what lets readers, aggregators and search engines find the news outside the
 * site itself. Plain Java, no HTTP: {@code site/} serves what this package writes.
 *
 * <ul>
 *   <li><em>feed</em>: one list of recent stories (the front page's, a section's, a topic's or an
 *       author's) written in three <em>formats</em>: RSS 2.0, Atom 1.0 and JSON Feed 1.1.
 *   <li><em>channel</em>: a feed's own metadata (title, home page, self URL) with its
 *       <em>items</em>; an item is one story as a feed carries it.
 *   <li><em>full text</em>: items carry the whole story as HTML; otherwise only the summary
 *       (the standfirst). Set by {@code feeds.fulltext}.
 *   <li><em>sitemap</em>: a file listing URLs for crawlers (at most 50,000 URLs and 50 MB);
 *       the <em>sitemap index</em> lists the sitemaps; article sitemaps are split by the
 *       <em>month</em> of first publication and, past the limits, into numbered
 *       <em>parts</em>.
 *   <li><em>news sitemap</em>: Google News' sitemap of stories first published in the last
 *       48 hours, at most 1,000.
 * </ul>
 *
 * <p>Every writer streams through {@link javax.xml.stream.XMLStreamWriter} or Jackson's
 * generator straight to an output stream, so memory stays bounded however large the site.
 */
package dev.byline.distribution;
