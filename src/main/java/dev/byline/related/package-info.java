/**
 * Related reading: which published stories an article leads on to, and where its inline
 * "READ:" links go.
 *
 * <p>Glossary. A <em>pick</em> is a story the engine chose as related; a <em>pin</em> is one an
 * editor chose (always shown first, in the editor's order); a <em>block</em> is one an editor
 * ruled out. The <em>confidence</em> of a candidate is how sure the engine is that it is about
 * the same story (0 to 1); a pick needs more of it to be a "READ:" link than to be in the list. A
 * <em>near miss</em> is a look-alike event: another earthquake, another coach fired. A
 * <em>near-duplicate</em> is a text that mostly repeats another (a reprint, a later
 * version of the same wire story, a brief cut from a longer piece): never worth a link. A
 * <em>slot</em> is a place between two body paragraphs where a "READ:" link may go. The
 * <em>plan</em> is the body with links placed plus the "Related" list under the article.
 * <em>Freshness</em>: when a story is published, the older stories that should now link to it
 * have their cached pages purged.
 */
package dev.byline.related;
