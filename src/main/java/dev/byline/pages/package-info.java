/**
 * The site's own pages and its menus. A <em>page</em> is a standing text that is not news (About,
 * Contact, Imprint, Privacy, Corrections, Terms): it has a title, a summary and a body of the
 * same blocks as an article's (written in the block editor or in Markdown), revisions, and a
 * status, but no section, byline or date line, and it is never in feeds, news sitemaps, related
 * links or "Most read". It lives at {@code /page/{slug}}.
 * A <em>menu</em> is the header or the footer list of links; a <em>menu item</em> points at a
 * section, a page, a topic or an external address, in the order editors give.
 */
package dev.byline.pages;
