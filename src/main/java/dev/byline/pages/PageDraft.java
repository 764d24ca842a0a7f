package dev.byline.pages;

import dev.byline.content.Block;
import dev.byline.content.Slugs;
import dev.byline.content.Text;
import java.util.List;

/**
 * What the editor sends for a page, checked: a valid slug, a title of at most {@value
 * #MAX_TITLE} characters, a summary of at most {@value #MAX_SUMMARY}, and the body's blocks made
 * from its Markdown by the caller (the same conversion as an article's).
 */
public record PageDraft(
    String slug, String title, String summary, String markdown, List<Block> body) {
  public static final int MAX_TITLE = 200;
  public static final int MAX_SUMMARY = 500;

  public PageDraft {
    Slugs.check("slug", slug);
    title = Text.required("title", title, MAX_TITLE);
    summary = Text.optional("summary", summary, MAX_SUMMARY);
    markdown = markdown == null ? "" : markdown;
    body = List.copyOf(body);
  }
}
