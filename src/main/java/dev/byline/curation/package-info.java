/**
 * Editors' picks and the breaking-news banner. A <em>pin</em> puts a published story in a
 * <em>place</em>: the front page's <em>lead</em>, one of its <em>top stories</em> slots, or a
 * <em>collection</em>, a named, ordered set of stories ("Election 2026") shown as a block on the
 * front page and/or a section front. A pin may <em>expire</em>; from then it no longer shows.
 * The <em>breaking-news banner</em> is one line of text and a link, raised with an expiry time,
 * shown on every page by a script (the pages' own bytes do not change).
 *
 * <p>Expiry needs no purge by hand: {@link dev.byline.curation.Expiries} appends a change to the
 * feed once a pin's or banner's time has come, as the scheduled publisher does for stories, so
 * every cache that held a page showing it drops it.
 */
package dev.byline.curation;
