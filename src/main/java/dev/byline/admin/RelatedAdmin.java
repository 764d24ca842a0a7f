package dev.byline.admin;

import dev.byline.auth.Role;
import dev.byline.content.Article;
import dev.byline.content.ArticleStore;
import dev.byline.content.Block;
import dev.byline.content.InvalidInput;
import dev.byline.content.PublishedArticles;
import dev.byline.content.Slugs;
import dev.byline.related.RelatedChoices;
import dev.byline.related.RelatedFinder;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.BadRequest;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Editors' control over an article's related links at {@code /admin/articles/{id}/related}: see
 * what readers are shown and why, pin stories (shown first, in the order pinned) and block
 * stories (never shown). The article editor links here through {@link #editorPanel()}. Changes
 * are form posts; the session gate has checked their CSRF token before they arrive, as for every
 * admin form. A done change is answered with a redirect, so a reload never repeats it.
 */
public final class RelatedAdmin implements Routes {
  /**
   * How many of the engine's picks the page lists: the seven slots readers see (three "Read:"
   * links and four in the list, by default) and one spare, so an editor sees what a block brings up.
   */
  static final int PICKS_SHOWN = 8;

  /** An address as an editor would paste it: {@code /world/harbour-strike-ends}, with or without the site. */
  private static final Pattern ARTICLE_PATH =
      Pattern.compile("^(?:https?://[^/]+)?/[a-z0-9-]+/([a-z0-9]+(?:-[a-z0-9]+)*)/?$");

  /** What the related-links page shows. {@code notice} confirms the last change; the form holds a refused one. */
  public record RelatedView(
      AdminChrome chrome,
      Article article,
      List<Row> shown,
      List<Row> blocked,
      Form form,
      String notice) {
    public RelatedView {
      shown = List.copyOf(shown);
      blocked = List.copyOf(blocked);
    }
  }

  /**
   * One story on the page.
   *
   * @param why "pinned", "picked" (by the engine) or "blocked"
   * @param score the engine's score with two decimals; empty unless picked
   * @param placed where readers see it: "inline", "list" or "spare" (not shown: every slot is taken)
   */
  public record Row(long id, String headline, String why, String score, String placed) {}

  private final AdminSite site;
  private final ArticleStore articles;
  private final PublishedArticles published;
  private final RelatedChoices choices;
  private final RelatedFinder finder;

  public RelatedAdmin(
      AdminSite site,
      ArticleStore articles,
      PublishedArticles published,
      RelatedChoices choices,
      RelatedFinder finder) {
    this.site = site;
    this.articles = articles;
    this.published = published;
    this.choices = choices;
    this.finder = finder;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get(AdminPaths.RELATED_ROUTE, ctx -> show(ctx, Form.empty(), 200), Access.EDITOR);
    routes.post(AdminPaths.RELATED_ROUTE, this::change, Access.EDITOR);
  }

  /** The editor's panel linking here, with the article's counts; shown to editors only, who may use the page. */
  public EditorPanels.Source editorPanel() {
    return (article, user, csrf) -> {
      if (!user.can(Role.EDITOR)) return Optional.empty();
      var chosen = choices.of(article.id());
      var html = site.views()
          .render(
              "admin/related-panel.jte",
              new PanelView(chosen.pinned().size(), chosen.blocked().size(), path(article.id())));
      return Optional.of(
          new EditorPanels.Panel("Related links", new String(html, StandardCharsets.UTF_8)));
    };
  }

  /** The editor's panel: how many related links are pinned and blocked, and where to change them. */
  public record PanelView(int pinned, int blocked, String path) {}

  static String path(long articleId) {
    return AdminPaths.related(articleId);
  }

  private void show(Context ctx, Form form, int status) {
    var article = article(ctx);
    var notice = switch (Optional.ofNullable(ctx.queryParam("done")).orElse("")) {
      case "pin" -> "Pinned: the story now comes first.";
      case "block" -> "Blocked: readers will not be shown the story here.";
      case "clear" -> "Cleared: the engine decides about the story again.";
      default -> "";
    };
    ctx.status(status);
    site.render(ctx, "admin/related.jte", view(ctx, article, form, notice));
  }

  private void change(Context ctx) {
    var user = Auth.signedIn(ctx);
    var article = article(ctx);
    var form = Form.read(ctx, "target", "action");
    var action = form.value("action");
    if (!Set.of("pin", "block", "clear").contains(action))
      throw new BadRequest("action must be pin, block or clear");
    try {
      long target = target(form.value("target"));
      switch (action) {
        case "pin" -> choices.pin(article.id(), target, user.email());
        case "block" -> choices.block(article.id(), target, user.email());
        default -> choices.clear(article.id(), target);
      }
    } catch (InvalidInput e) {
      form.error("target", ArticleInput.sentence(e.field(), e.reason()));
      show(ctx, form, 400);
      return;
    }
    throw new Redirect(path(article.id()) + "?done=" + action, 303);
  }

  private RelatedView view(Context ctx, Article article, Form form, String notice) {
    var chosen = choices.of(article.id());
    var plan = finder.planFor(article);
    var inline = Block.linkedArticleIds(plan.body());
    var listed = new HashSet<Long>();
    for (var s : plan.related()) listed.add(s.id());
    var shown = new ArrayList<Row>();
    for (long id : chosen.pinned())
      shown.add(new Row(id, headline(id), "pinned", "", placed(id, inline, listed)));
    for (var p : finder.picks(article, PICKS_SHOWN)) {
      if (chosen.pinned().contains(p.articleId())) continue;
      shown.add(new Row(
          p.articleId(),
          headline(p.articleId()),
          "picked",
          String.format(Locale.ROOT, "%.2f", p.score()),
          placed(p.articleId(), inline, listed)));
    }
    var blocked = new ArrayList<Row>();
    for (long id : chosen.blocked()) blocked.add(new Row(id, headline(id), "blocked", "", "spare"));
    return new RelatedView(site.chrome(ctx, "articles"), article, shown, blocked, form, notice);
  }

  private static String placed(long id, Set<Long> inline, Set<Long> listed) {
    return inline.contains(id) ? "inline" : listed.contains(id) ? "list" : "spare";
  }

  private String headline(long id) {
    return articles.byId(id).map(Article::headline).orElse("(deleted)");
  }

  private Article article(Context ctx) {
    return articles
        .byId(Params.id(ctx, "id"))
        .orElseThrow(() -> new NotFoundResponse("There is no such article."));
  }

  /** An article id, or the address of a story as an editor would paste it. */
  private long target(String raw) {
    var value = raw.strip();
    if (value.isEmpty())
      throw new InvalidInput("story", "is empty: give its number or paste its address");
    if (value.chars().allMatch(Character::isDigit) && value.length() < 18)
      return Long.parseLong(value);
    var m = ARTICLE_PATH.matcher(value);
    if (m.matches() && Slugs.isValid(m.group(1))) {
      return published
          .bySlug(m.group(1))
          .map(Article::id)
          .orElseThrow(
              () -> new InvalidInput("story", "cannot be found: no story lives at " + value));
    }
    throw new InvalidInput("story", "is neither an article number nor a story address");
  }
}
