/**
 * Articles and what they are filed under. Say <em>article</em> for what readers get (a wire
 * <em>item</em> becomes one); <em>headline</em>, <em>standfirst</em> (the summary under it),
 * <em>byline</em> (who wrote it), <em>dateline</em> (where it was filed), <em>source</em> (the
 * agency or newsroom, with its <em>credit line</em>). The <em>body</em> is an ordered list of
 * typed <em>blocks</em>. <em>Sections</em> file an article in one place; <em>topics</em> (people,
 * places, organisations, subjects) tag it many ways. Editors write the body in
 * <em>Markdown</em>, converted to blocks once, on save; each save from the editor is a
 * <em>revision</em>; the <em>desk</em> is the list of articles in every status.
 *
 * <p>Each table has one store that writes it: {@link dev.byline.content.ArticleStore} the
 * articles (drafts and their workflow), {@link dev.byline.content.ArticleRevisions} the
 * revisions, {@code ArticleLinks} an article's topics and authors, {@code SlugRedirects} its old
 * addresses, and the section, topic and author stores their own. {@link
 * dev.byline.content.PublishedArticles} (what readers get) and {@link dev.byline.content.Desk}
 * (the newsroom's list) only read.
 */
package dev.byline.content;
