/**
 * Live blogs. An article with <em>live coverage</em> carries timestamped <em>posts</em> that
 * editors add while a story unfolds; a post may be a <em>key point</em> (listed in a summary box)
 * or <em>pinned</em> (shown above the others). Coverage <em>ends</em> with a <em>summary</em>;
 * until then it is <em>live</em>. A post's body is blocks, as an article's is, written in
 * Markdown.
 *
 * <p>{@link dev.byline.live.LiveBlog} owns both tables and appends every write to the change
 * feed under the article's surrogate key, so the article page, the posts fragment readers poll
 * and the article's post feed are purged together.
 */
package dev.byline.live;
