package dev.byline.admin;

import dev.byline.auth.Role;
import dev.byline.content.Article;
import dev.byline.content.ArticleStore;
import dev.byline.content.InvalidInput;
import dev.byline.content.Slugs;
import dev.byline.related.RelatedChoices;
import dev.byline.related.RelatedFinder;
import dev.byline.web.Auth;
import dev.byline.web.BadRequest;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import dev.byline.web.Views;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Editors' control over an article's related links at {@code /admin/articles/{id}/related}: see
 * what the engine picks, pin stories (shown first, in order) and block stories (never shown).
 * The article editor links here. Every change is a CSRF-checked form post answered with a
 * redirect back, so a reload never repeats it.
 */
public final class RelatedAdmin implements Routes {
  private static final Pattern ARTICLE_PATH = Pattern.compile("^(?:https?://[^/]+)?/[a-z0-9-]+/([a-z0-9]+(?:-[a-z0-9]+)*)/?$");

  private final ArticleStore articles;
  private final RelatedChoices choices;
  private final RelatedFinder finder;
  private final Views views;

  public RelatedAdmin(ArticleStore articles, RelatedChoices choices, RelatedFinder finder, Views views) {
    this.articles = articles;
    this.choices = choices;
    this.finder = finder;
    this.views = views;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get("/admin/articles/{id}/related", this::show);
    routes.post("/admin/articles/{id}/related", this::change);
  }

  private void show(Context ctx) {
    Auth.require(ctx, Role.EDITOR);
    var article = article(ctx);
    ctx.header("Cache-Control", "no-store");
    views.render(ctx, "admin/related.jte", view(ctx, article, ctx.queryParam("error")));
  }

  private void change(Context ctx) {
    var user = Auth.require(ctx, Role.EDITOR);
    checkCsrf(ctx);
    var article = article(ctx);
    var action = ctx.formParam("action");
    var back = "/admin/articles/" + article.id() + "/related";
    try {
      long target = target(ctx.formParam("target"));
      switch (action == null ? "" : action) {
        case "pin" -> choices.pin(article.id(), target, user.email());
        case "block" -> choices.block(article.id(), target, user.email());
        case "clear" -> choices.clear(article.id(), target);
        default -> throw new BadRequest("action must be pin, block or clear");
      }
    } catch (InvalidInput e) {
      throw new Redirect(back + "?error=" + java.net.URLEncoder.encode(e.getMessage(), java.nio.charset.StandardCharsets.UTF_8), 303);
    }
    throw new Redirect(back, 303);
  }

  private RelatedAdminView view(Context ctx, Article article, String error) {
    var chosen = choices.of(article.id());
    var ids = new LinkedHashSet<Long>();
    ids.addAll(chosen.pinned());
    ids.addAll(chosen.blocked());
    var picks = finder.picks(article, 8);
    picks.forEach(p -> ids.add(p.articleId()));
    var headlines = new java.util.HashMap<Long, String>();
    for (long id : ids) articles.byId(id).ifPresent(a -> headlines.put(id, a.headline()));
    var rows = new ArrayList<RelatedAdminView.Row>();
    for (long id : chosen.pinned()) rows.add(new RelatedAdminView.Row(id, headlines.getOrDefault(id, "(deleted)"), "pinned", ""));
    for (var p : picks) {
      rows.add(new RelatedAdminView.Row(p.articleId(), headlines.getOrDefault(p.articleId(), ""), "picked",
          String.format("%.2f", p.score())));
    }
    var blocked = new ArrayList<RelatedAdminView.Row>();
    for (long id : chosen.blocked()) blocked.add(new RelatedAdminView.Row(id, headlines.getOrDefault(id, "(deleted)"), "blocked", ""));
    var plan = finder.planFor(article);
    var inline = new ArrayList<Long>();
    for (var b : plan.body()) if (b instanceof dev.byline.content.Block.RelatedLink r) inline.add(r.articleId());
    return new RelatedAdminView(article.id(), article.headline(), article.path(), rows, blocked, inline,
        Auth.csrfToken(ctx), error == null ? "" : error);
  }

  private Article article(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFoundResponse("There is no such article.");
    }
    return articles.byId(id).orElseThrow(() -> new NotFoundResponse("There is no such article."));
  }

  /** An article id, or the address of a story as an editor would paste it. */
  private long target(String raw) {
    var value = raw == null ? "" : raw.strip();
    if (value.isEmpty()) throw new InvalidInput("story", "is empty: give its id or paste its address");
    if (value.chars().allMatch(Character::isDigit) && value.length() < 18) return Long.parseLong(value);
    var m = ARTICLE_PATH.matcher(value);
    if (m.matches() && Slugs.isValid(m.group(1))) {
      return articles.bySlug(m.group(1)).map(Article::id)
          .orElseThrow(() -> new InvalidInput("story", "no story lives at " + value));
    }
    throw new InvalidInput("story", "is neither an article id nor a story address");
  }

  /** The auth feature checks tokens for every state-changing request; this checks again, so the form is safe on its own. */
  private static void checkCsrf(Context ctx) {
    var expected = Auth.csrfToken(ctx);
    var given = ctx.formParam(Auth.CSRF_FIELD);
    if (given == null) given = ctx.header(Auth.CSRF_HEADER);
    if (expected.isEmpty() || given == null
        || !MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8), given.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      throw new ForbiddenResponse("The form has expired or did not come from this site. Reload the page and try again.");
    }
  }

  /** What the related-links page shows. */
  public record RelatedAdminView(long articleId, String headline, String path, List<Row> links, List<Row> blocked,
      List<Long> inline, String csrf, String error) {
    public record Row(long id, String headline, String kind, String score) {}

    public RelatedAdminView {
      links = List.copyOf(links);
      blocked = List.copyOf(blocked);
      inline = List.copyOf(inline);
    }
  }
}
