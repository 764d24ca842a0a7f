package dev.byline.admin;

import dev.byline.content.Block;
import dev.byline.content.BlockDocument;
import dev.byline.content.InvalidInput;
import dev.byline.content.Markdown;
import dev.byline.media.ImageStore;
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
  static final BodyField PAGE = new BodyField("body", "body-format", "body-json");

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

  /** The document to keep with a revision: the posted one when it is the body, else empty. */
  String document(Form f) {
    return fromBlocks(f) ? f.value(json) : "";
  }

  /**
   * Refuses blocks that place a photo the photo desk does not hold: a body may only show photos
   * readers can be sent. The refusal reads "Body uses photo 7, which is not in the photo desk".
   */
  static void checkPhotos(List<Block> blocks, ImageStore images) {
    for (var b : blocks)
      if (b instanceof Block.ImageBlock ib && images.byId(ib.imageId()).isEmpty())
        throw new InvalidInput(
            "body", "uses photo " + ib.imageId() + ", which is not in the photo desk");
  }

  /** Fills the block document from stored blocks when the form has none yet (opening a stored body). */
  void open(Form f, List<Block> stored) {
    if (f.value(json).isEmpty()) f.set(json, BlockDocument.write(stored));
  }
}
