/**
 * The public site readers see: front, section, topic and author lists, articles, search, feeds,
 * sitemaps, the cookie policy and the small JSON answers ("Most read", "For you", the beacon).
 * Pages are the same bytes for every reader, so they are kept in the page cache and may be kept
 * by any HTTP cache in front.
 *
 * <p>Glossary: the <em>chrome</em> is what surrounds every page (masthead, navigation, footer,
 * scripts); a <em>rendered page</em> is a page's bytes with its <em>surrogate keys</em>, the
 * things it shows, by which the cache purges it; a <em>cache hit</em> is answered before any
 * routing, by the cached-page handler.
 */
package dev.byline.site;
