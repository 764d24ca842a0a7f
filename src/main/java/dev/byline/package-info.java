/**
 * The composition roots: {@link dev.byline.Byline} builds the served site, one <em>feature</em>
 * class at a time ({@code SiteFeature}, {@code AdminFeature}, ...), and the commands ({@code
 * Main}, {@code ImportCommand}, ...) build the {@link dev.byline.Newsroom} they need. This is the
 * only package that reads the system clock ({@code Clock.systemUTC()}); everything else is given
 * that clock.
 *
 * <p>Glossary: the <em>newsroom</em> is the domain without the web (database, change feed,
 * stores); a <em>part</em> is something started here that must be closed, in reverse order.
 */
package dev.byline;
