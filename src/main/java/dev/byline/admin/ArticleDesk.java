package dev.byline.admin;

import dev.byline.auth.Role;
import dev.byline.content.ArticleStatus;
import dev.byline.content.Desk;
import dev.byline.content.DeskItem;
import dev.byline.content.InvalidInput;
import dev.byline.content.TopicStore;
import dev.byline.site.Dates;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.PageNumber;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The desk: every article in every status, filtered and searched. Writers see their own;
 * editors see all. Also answers the editor's topic suggestions.
 */
public final class ArticleDesk implements Routes {
  static final int PAGE_SIZE = 30;

  /** One page of the desk. */
  public record DeskView(
      AdminChrome chrome,
      Dates dates,
      List<DeskItem> items,
      String status,
      String query,
      boolean mine,
      boolean canSeeAll,
      int page,
      boolean hasNext) {
    public List<ArticleStatus> statuses() {
      return List.of(ArticleStatus.values());
    }

    /** The query string for another page with the same filters. */
    public String filters(int toPage) {
      return "?status=" + status + "&q="
          + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)
          + (mine ? "&mine=1" : "") + "&page=" + toPage;
    }
  }

  private final AdminSite site;
  private final Desk desk;
  private final TopicStore topics;

  public ArticleDesk(AdminSite site, Desk desk, TopicStore topics) {
    this.site = site;
    this.desk = desk;
    this.topics = topics;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get(AdminPaths.ARTICLES, this::list, Access.WRITER);
    r.get("/admin/suggest/topics", this::suggest, Access.WRITER);
  }

  private void list(Context ctx) {
    var user = Auth.signedIn(ctx);
    var statusParam =
        ctx.queryParam("status") == null ? "" : ctx.queryParam("status").strip();
    ArticleStatus status = null;
    if (!statusParam.isEmpty()) {
      try {
        status = ArticleStatus.fromDb(statusParam);
      } catch (IllegalArgumentException e) {
        throw new dev.byline.web.BadRequest(
            "status must be one of draft, in_review, scheduled, published, unpublished");
      }
    }
    var query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
    boolean canSeeAll = user.can(Role.EDITOR);
    boolean mine = !canSeeAll || "1".equals(ctx.queryParam("mine"));
    int page = PageNumber.of(ctx).value();
    var result = desk.list(status, query, mine ? user.id() : null, page, PAGE_SIZE);
    site.render(
        ctx,
        "admin/articles.jte",
        new DeskView(
            site.chrome(ctx, "articles"),
            site.dates(),
            result.items(),
            statusParam,
            query,
            mine,
            canSeeAll,
            page,
            result.hasNext()));
  }

  /** Topic names starting with what was typed, as JSON, for the editor's suggestions. */
  private void suggest(Context ctx) {
    var q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
    ctx.header("Cache-Control", "no-store");
    if (q.isEmpty() || q.length() > 120) {
      ctx.json(List.of());
      return;
    }
    try {
      ctx.json(topics.startingWith(q, 10).stream()
          .map(t -> Map.of("name", t.name(), "type", t.type().dbValue()))
          .toList());
    } catch (InvalidInput e) {
      ctx.json(List.of());
    }
  }
}
