package dev.byline.admin;

import dev.byline.content.Block;
import dev.byline.content.BlockDocument;
import dev.byline.content.Markdown;
import java.util.List;

/**
 * A body as a form sends it: Markdown typed in a textarea, or the block editor's document
 * ({@link BlockDocument}) in a hidden field. The format field says which; without JavaScript
 * it stays "markdown", so the textarea alone always works.
 *
 * <p>A body written in the block editor is also kept as Markdown in the text field, made from
 * the parsed blocks, so revisions and diffs read the same whichever editor wrote it; a revision
 * keeps the document as well, so a restore gives back exactly what was saved.
 *
 * @param text the textarea's name ("body")
 * @param format the hidden field naming the editor used ("body-format")
 * @param json the hidden field holding the block document ("body-json")
 */
record BodyField(String text, String format, String json) {
  static final String BLOCKS = "blocks";

  static final BodyField ARTICLE = new BodyField("body", "body-format", "body-json");
  static final BodyField LIVE_POST = new BodyField("post", "post-format", "post-json");

  /**
   * Whether the block document is the body. A revision's snapshot names the format its body was
   * written in but keeps the body as Markdown only, so a form without a document reads the text.
   */
  boolean fromBlocks(Form f) {
    return BLOCKS.equals(f.value(format)) && !f.value(json).isBlank();
  }

  /** The body's blocks; throws {@code InvalidInput} naming the line or the block at fault. */
  List<Block> blocks(Form f, Markdown markdown) {
    if (!fromBlocks(f)) return markdown.toBlocks(f.value(text));
    var blocks = BlockDocument.parse(f.value(json));
    f.set(text, Markdown.fromBlocks(blocks));
    return blocks;
  }

  /** Fills the block document from stored blocks when the form has none yet (opening a stored body). */
  void open(Form f, List<Block> stored) {
    if (f.value(json).isEmpty()) f.set(json, BlockDocument.write(stored));
  }
}
