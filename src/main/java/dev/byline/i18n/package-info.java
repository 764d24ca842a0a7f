/**
 * Translations. A <em>bundle</em> is one language's words ({@code i18n/messages_xx.properties},
 * UTF-8); a <em>key</em> names one text ({@code search.title}); a <em>plural key</em> has one entry
 * per plural <em>category</em> ({@code live.new.one}, {@code live.new.other}, and for Arabic also
 * {@code .zero}, {@code .two}, {@code .few}, {@code .many}). The <em>site language</em> picks the
 * bundle for everything around a story (the chrome); a story's own text is in whatever language it
 * was written. English is the reference: every other bundle has each of its keys.
 */
package dev.byline.i18n;
