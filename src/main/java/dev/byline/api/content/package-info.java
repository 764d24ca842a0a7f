/**
 * The Content API: published content as JSON. A <em>cursor</em> is an opaque marker of where a
 * page ended; a <em>summary</em> is an article as lists show it, the <em>full</em> article adds
 * its body. Only published content is read here.
 */
package dev.byline.api.content;
