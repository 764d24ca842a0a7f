package dev.byline.pages;

import dev.byline.content.Block;
import dev.byline.content.Slugs;
import dev.byline.content.Text;
import java.util.List;

/**
 * What the editor sends for a page, checked: a valid slug, a title of at most {@value
 * #MAX_TITLE} characters, a summary of at most {@value #MAX_SUMMARY}, and the body's blocks made
 * by the caller from its Markdown or its block document (the same conversion as an article's).
 *
 * @param markdown the body as Markdown: as typed, or made from the blocks
 * @param document the block editor's document when the body was written in it, else empty; kept
 *     with the revision so a restore gives back exactly these blocks
 */
public record PageDraft(
    String slug, String title, String summary, String markdown, String document, List<Block> body) {
  public static final int MAX_TITLE = 200;
  public static final int MAX_SUMMARY = 500;

  public PageDraft {
    Slugs.check("slug", slug);
    title = Text.required("title", title, MAX_TITLE);
    summary = Text.optional("summary", summary, MAX_SUMMARY);
    markdown = markdown == null ? "" : markdown;
    document = document == null ? "" : document;
    body = List.copyOf(body);
  }

  /** A page written in Markdown. */
  public PageDraft(String slug, String title, String summary, String markdown, List<Block> body) {
    this(slug, title, summary, markdown, "", body);
  }
}
