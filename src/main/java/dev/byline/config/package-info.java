/**
 * Configuration. A <em>setting</em> is one dotted key ({@code site.name}); the <em>config</em>
 * is the immutable record built once from file, environment and flags, in that order of
 * precedence from weakest to strongest.
 */
package dev.byline.config;
