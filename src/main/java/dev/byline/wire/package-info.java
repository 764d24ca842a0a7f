/**
 * Wire ingest: agency copy in, articles out.
 *
 * <p>Glossary. A <em>source</em> is one agency feed as configured ("reuters"), with its drop
 * folder, feed URL, push token, picture hosts and rules. A <em>wire item</em> ({@link
 * dev.byline.wire.WireItem}) is what a source sent: one version of one story, already read from
 * its format (ninjs, NewsML-G2, NITF, RSS/Atom) into one normalised record. A <em>story</em> is
 * every version of one (source, guid); a higher version supersedes the ones before, an equal or
 * lower one is ignored. The <em>desk</em> ({@link dev.byline.wire.WireDesk}) decides what a new
 * version does: it waits in the <em>inbox</em>, updates the article it produced, or takes it
 * down when the agency kills (canceled) or withholds it. An <em>article</em> is what we publish;
 * a story produces at most one. <em>Quarantine</em> holds what could not be read, with a note
 * saying why; nothing sent is ever dropped.
 */
package dev.byline.wire;
