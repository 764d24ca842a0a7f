/**
 * Old addresses that still work. A <em>legacy URL</em> is an address a previous site used (a
 * WordPress permalink such as {@code /2024/04/08/ferry/}, {@code /?p=123}, {@code
 * /category/local/}); its <em>redirect</em> is where it leads now, answered with 301. A redirect
 * to an article leads there only while the article is published, so an old address never
 * reveals a draft. Paths are kept <em>normalised</em> (decoded, lower case, no trailing slash) so
 * that the forms a browser, a search engine and an export write of one address meet.
 */
package dev.byline.redirect;
