package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.content.Block;
import dev.byline.content.Html;
import dev.byline.content.InvalidInput;
import dev.byline.content.Markdown;
import dev.byline.live.LiveBlog;
import dev.byline.live.PostDraft;
import dev.byline.store.Transactions;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.ClientAddress;
import dev.byline.web.Redirect;
import dev.byline.wire.PubStatus;
import dev.byline.wire.Wire;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * "Append to live blog" on a wire story's page: the item's headline (in bold) and body become a
 * post of an article's live coverage, for an agency's updates to a story the newsroom is covering
 * live. The post keeps the item's words as blocks, with Markdown made from them for editing, and
 * is audit-logged with the wire story it came from.
 */
public final class WireToLive implements dev.byline.web.Routes {
  private final Wire wire;
  private final Transactions transactions;
  private final LiveBlog live;
  private final AuditLog audit;

  public WireToLive(Wire wire, Transactions transactions, LiveBlog live, AuditLog audit) {
    this.wire = wire;
    this.transactions = transactions;
    this.live = live;
    this.audit = audit;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.post("/admin/wire/{id}/live", this::append, Access.EDITOR);
  }

  private void append(Context ctx) {
    var user = Auth.signedIn(ctx);
    long storyId = Params.id(ctx, "id");
    var story = wire.store()
        .story(storyId)
        .orElseThrow(() -> new NotFoundResponse("There is no such story on the wire desk."));
    var item = wire.store().item(story.itemId()).item();
    long articleId;
    try {
      articleId = Long.parseLong(String.valueOf(ctx.formParam("article")).strip());
    } catch (NumberFormatException e) {
      throw failed(storyId, "give the number of the article that is live");
    }
    if (item.pubStatus() != PubStatus.USABLE)
      throw failed(storyId, "the agency has not released this version for use");
    var blocks = new ArrayList<Block>();
    blocks.add(new Block.Paragraph("<strong>" + Html.escape(item.headline()) + "</strong>"));
    blocks.addAll(item.body());
    try {
      var draft = new PostDraft(Markdown.fromBlocks(blocks), blocks, false, false, user.name());
      transactions.useTransaction(tx -> {
        long post = live.post(tx, articleId, draft);
        audit.record(
            tx,
            user,
            "live.post",
            "article",
            articleId,
            "post " + post + " from wire story " + storyId + ": " + item.headline(),
            ClientAddress.of(ctx));
      });
    } catch (InvalidInput e) {
      throw failed(storyId, "article " + articleId + ": the " + e.getMessage());
    }
    throw new Redirect(AdminPaths.live(articleId) + "?done=posted", 303);
  }

  /** Back to the story's page, which shows why. */
  private static Redirect failed(long storyId, String why) {
    return new Redirect(
        "/admin/wire/" + storyId + "?error="
            + URLEncoder.encode("Not appended: " + why + ".", StandardCharsets.UTF_8),
        303);
  }
}
