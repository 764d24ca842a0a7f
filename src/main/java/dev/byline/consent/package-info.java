/**
 * Consent: what a reader allowed this site to store and load, and the proof of it.
 *
 * <p>Glossary. A <em>category</em> is a purpose a reader says yes or no to (necessary,
 * preferences, analytics, advertising, personalised advertising, media). A <em>service</em> is
 * one thing that needs a category, usually a third party (Google Analytics, Google AdSense,
 * YouTube), with its provider, purpose and <em>cookie declarations</em>. The <em>policy</em> is the
 * configured set of services plus its <em>revision</em>: bumping the revision asks every reader
 * again. A <em>choice</em> is what one reader decided (accept all, reject all or custom), stored
 * in their browser under a random <em>consent id</em>; a <em>record</em> is the server's proof of
 * a choice (never the raw IP address).
 *
 * <p>Pages are the same bytes for every reader, so the choice is applied in the browser by the
 * consent script; this package only describes the policy, renders the Google Consent Mode
 * defaults, and validates and stores records. It knows nothing of HTTP.
 */
package dev.byline.consent;
