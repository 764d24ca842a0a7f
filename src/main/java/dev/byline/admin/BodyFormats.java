package dev.byline.admin;

import dev.byline.content.BlockDocument;
import dev.byline.content.InvalidInput;
import dev.byline.content.Markdown;
import dev.byline.web.Access;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Switching a body between the block editor and Markdown, done by the server so the browser
 * never has a second opinion on either format: Markdown in, block document out, and back. A body
 * that does not parse answers 400 with the problem, and the editor stays where it was.
 */
public final class BodyFormats implements Routes {
  static final String TO_BLOCKS = "/admin/body/to-blocks";
  static final String TO_MARKDOWN = "/admin/body/to-markdown";

  private final Markdown markdown = new Markdown();

  @Override
  public void routes(RoutesConfig r) {
    r.post(TO_BLOCKS, this::toBlocks, Access.WRITER);
    r.post(TO_MARKDOWN, this::toMarkdown, Access.WRITER);
  }

  private void toBlocks(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    var text = ctx.formParam("markdown");
    try {
      ctx.json(
          Map.of("document", BlockDocument.write(markdown.toBlocks(text == null ? "" : text))));
    } catch (InvalidInput e) {
      refuse(ctx, e);
    }
  }

  private void toMarkdown(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    try {
      ctx.json(
          Map.of("markdown", Markdown.fromBlocks(BlockDocument.parse(ctx.formParam("document")))));
    } catch (InvalidInput e) {
      refuse(ctx, e);
    }
  }

  private static void refuse(Context ctx, InvalidInput e) {
    ctx.status(400).json(Map.of("error", ArticleInput.sentence(e.field(), e.reason())));
  }
}
