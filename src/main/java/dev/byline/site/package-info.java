/**
 * The public site readers see: front, section, topic and author lists, articles, search, feeds,
 * sitemaps, the site's own pages ({@code /page/{slug}}), the cookie policy and the small JSON
 * answers ("Most read", "For you", the beacon, the breaking-news banner).
 * Pages are the same bytes for every reader, so they are kept in the page cache and may be kept
 * by any HTTP cache in front.
 *
 * <p>Glossary: the <em>chrome</em> is what surrounds every page (masthead, navigation, footer,
 * scripts); a <em>rendered page</em> is a page's bytes with its <em>surrogate keys</em>, the
 * things it shows, by which the cache purges it; a <em>cache hit</em> is answered before any
 * routing, by the cached-page handler; the <em>navigation</em> is the header and footer menus
 * (or the sections while a menu is empty); <em>editors' picks</em> are the pinned lead, top
 * stories and collection blocks a front shows before the newest stories.
 */
package dev.byline.site;
