/**
 * Advertising: where ads go and who may fill them.
 *
 * <p>Glossary. A <em>slot</em> is a place in an article body that reserves its size and is filled
 * by an <em>ad provider</em> (Google AdSense: a <em>publisher id</em> {@code ca-pub-…} and an
 * <em>ad unit id</em> per slot) once the reader allows advertising, or by a <em>house
 * promotion</em> (the publisher's own message) when they have not. <em>Placement</em> decides
 * after which paragraph each slot goes, without crowding "READ:" links. {@code ads.txt} lists
 * who may sell this site's ad space.
 *
 * <p>Domain only: no HTTP, no templates. Consent is decided in the browser; see
 * {@code dev.byline.consent}.
 */
package dev.byline.ads;
