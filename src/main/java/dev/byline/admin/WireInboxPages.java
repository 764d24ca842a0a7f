package dev.byline.admin;

import dev.byline.content.InvalidInput;
import dev.byline.site.ArticlePages;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.BadRequest;
import dev.byline.web.PageNumber;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import dev.byline.wire.StoryState;
import dev.byline.wire.Wire;
import dev.byline.wire.WireStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;

/**
 * The wire inbox at {@code /admin/wire}: the list with filters (source, status, time, text), a
 * story's page with every field and version, a preview with the real article template, and the
 * editor's actions (publish as is, edit then publish, ignore). Editors and admins only.
 */
public final class WireInboxPages implements Routes {
  static final int PAGE_SIZE = 50;

  private final Wire wire;
  private final ArticlePages articlePages;
  private final AdminSite admin;
  private final Clock clock;

  public WireInboxPages(Wire wire, ArticlePages articlePages, AdminSite admin, Clock clock) {
    this.wire = wire;
    this.articlePages = articlePages;
    this.admin = admin;
    this.clock = clock;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get("/admin/wire", this::list, Access.EDITOR);
    r.get("/admin/wire/{id}", this::show, Access.EDITOR);
    r.get("/admin/wire/{id}/preview", this::preview, Access.EDITOR);
    r.post("/admin/wire/{id}/publish", ctx -> act(ctx, "publish"), Access.EDITOR);
    r.post("/admin/wire/{id}/draft", ctx -> act(ctx, "draft"), Access.EDITOR);
    r.post("/admin/wire/{id}/ignore", ctx -> act(ctx, "ignore"), Access.EDITOR);
  }

  private void list(Context ctx) {
    var user = Auth.signedIn(ctx);
    var f = new WireInboxView.Filter(
        param(ctx, "source"), param(ctx, "state"), param(ctx, "since", "all"), param(ctx, "q"));
    StoryState state = null;
    if (!f.state().isEmpty()) {
      if (!WireInboxView.STATES.contains(f.state()))
        throw new BadRequest("status must be one of " + WireInboxView.STATES);
      state = StoryState.fromDb(f.state());
    }
    var since = switch (f.since()) {
      case "hour" -> clock.instant().minus(Duration.ofHours(1));
      case "day" -> clock.instant().minus(Duration.ofDays(1));
      case "week" -> clock.instant().minus(Duration.ofDays(7));
      case "all" -> null;
      default -> throw new BadRequest("changed within must be hour, day, week or all");
    };
    if (f.q().length() > 200)
      throw new BadRequest("the text to look for is longer than 200 characters");
    int page = PageNumber.of(ctx).value();
    var result = wire.store()
        .list(new WireStore.Filter(f.source(), state, since, null, f.q()), page, PAGE_SIZE);
    var rules = new LinkedHashMap<String, java.util.List<dev.byline.wire.Rule>>();
    var auto = new LinkedHashMap<String, Boolean>();
    for (var s : wire.sources().all()) {
      rules.put(s.name(), s.rules());
      auto.put(s.name(), s.autoPublish());
    }
    var notice = switch (param(ctx, "done")) {
      case "ignore" -> "The story is ignored.";
      default -> "";
    };
    admin.render(
        ctx,
        "wire/inbox.jte",
        new WireInboxView(
            admin.chrome(ctx, "wire"),
            f,
            wire.sources().all().stream().map(s -> s.name()).toList(),
            result.items(),
            wire.store().counts(),
            page,
            result.hasNext(),
            rules,
            auto,
            notice));
  }

  private void show(Context ctx) {
    render(ctx, id(ctx), param(ctx, "error"));
  }

  private void render(Context ctx, long id, String error) {
    var story = wire.store()
        .story(id)
        .orElseThrow(() -> new NotFoundResponse("There is no such story on the wire desk."));
    var stored = wire.store().item(story.itemId());
    var path = "";
    if (story.articleId() != null) {
      path = wire.desk().articlePath(story.articleId()).orElse("");
    }
    admin.render(
        ctx,
        "wire/story.jte",
        new WireStoryView(
            admin.chrome(ctx, "wire"),
            story,
            stored.item(),
            wire.store().versions(story.source(), story.guid()),
            path,
            error));
  }

  private void preview(Context ctx) {
    var article = wire.inbox()
        .preview(id(ctx))
        .orElseThrow(() -> new NotFoundResponse("There is no such story on the wire desk."));
    var page = articlePages.page(article);
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Robots-Tag", "noindex");
    ctx.contentType(page.contentType()).result(page.body());
  }

  private void act(Context ctx, String action) {
    var user = Auth.signedIn(ctx);
    long id = id(ctx);
    try {
      switch (action) {
        case "publish" -> wire.inbox().publish(id, user.email());
        case "draft" -> {
          long articleId = wire.inbox().draft(id, user.email());
          throw new Redirect(AdminPaths.article(articleId), 303);
        }
        default -> {
          wire.inbox().ignore(id, user.email());
          throw new Redirect("/admin/wire?done=ignore", 303);
        }
      }
    } catch (InvalidInput e) {
      ctx.status(409);
      render(ctx, id, "Not done: the " + e.getMessage() + ".");
      return;
    }
    throw new Redirect("/admin/wire/" + id, 303);
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFoundResponse("There is no such story on the wire desk.");
    }
  }

  private static String param(Context ctx, String name) {
    return param(ctx, name, "");
  }

  private static String param(Context ctx, String name, String fallback) {
    var v = ctx.queryParam(name);
    return v == null || v.isBlank() ? fallback : v.strip();
  }
}
