package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.auth.Role;
import dev.byline.content.InvalidInput;
import dev.byline.content.Section;
import dev.byline.content.SectionStore;
import dev.byline.content.Topic;
import dev.byline.content.TopicStore;
import dev.byline.pages.MenuItem;
import dev.byline.pages.Menus;
import dev.byline.pages.PageStore;
import dev.byline.pages.SitePage;
import dev.byline.store.Transactions;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.ClientAddress;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The header and footer menus for editors: add a section, page, topic or external link, move
 * items up and down (plain forms, no script needed), remove them. Every change purges every page
 * through the change feed, since every page shows the menus.
 */
public final class MenuAdmin implements Routes {
  static final String BASE = "/admin/menus";
  /** Topics offered in the picker: the most used; others can be typed by id. */
  static final int TOPIC_CHOICES = 200;

  /** One menu with its items and a readable name for each item's target. */
  public record MenuView(MenuItem.Menu menu, String title, List<Row> rows) {}

  /** An item as the editor sees it. */
  public record Row(MenuItem item, String target, boolean first, boolean last) {}

  /** Both menus, the add form, and what can be linked. */
  public record MenusView(
      AdminChrome chrome,
      List<MenuView> menus,
      Form form,
      List<Section> sections,
      List<SitePage> pages,
      List<Topic> topics) {}

  private final AdminSite site;
  private final Transactions transactions;
  private final Menus menus;
  private final SectionStore sections;
  private final PageStore pages;
  private final TopicStore topics;
  private final AuditLog audit;

  public MenuAdmin(
      AdminSite site,
      Transactions transactions,
      Menus menus,
      SectionStore sections,
      PageStore pages,
      TopicStore topics,
      AuditLog audit) {
    this.site = site;
    this.transactions = transactions;
    this.menus = menus;
    this.sections = sections;
    this.pages = pages;
    this.topics = topics;
    this.audit = audit;
    site.addNav("menus", "Menus", BASE, Role.EDITOR);
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get(
        BASE,
        ctx -> page(ctx, Form.empty().set("menu", "header").set("kind", "page"), 200),
        Access.EDITOR);
    r.post(BASE, this::add, Access.EDITOR);
    r.post(BASE + "/{id}", this::change, Access.EDITOR);
  }

  private void page(Context ctx, Form form, int status) {
    var all = List.of(MenuItem.Menu.HEADER, MenuItem.Menu.FOOTER).stream()
        .map(m ->
            new MenuView(m, m == MenuItem.Menu.HEADER ? "Header menu" : "Footer menu", rows(m)))
        .toList();
    ctx.status(status);
    site.render(
        ctx,
        "admin/menus.jte",
        new MenusView(
            site.chrome(ctx, "menus"),
            all,
            form,
            sections.all(),
            pages.all(),
            topics.list("", 0, TOPIC_CHOICES)));
  }

  private List<Row> rows(MenuItem.Menu menu) {
    var items = menus.items(menu);
    var rows = new java.util.ArrayList<Row>();
    for (int i = 0; i < items.size(); i++) {
      var item = items.get(i);
      rows.add(new Row(item, target(item), i == 0, i == items.size() - 1));
    }
    return rows;
  }

  private String target(MenuItem item) {
    return switch (item.kind()) {
      case SECTION ->
        sections.byId(item.targetId()).map(s -> "Section: " + s.name()).orElse("Section (gone)");
      case PAGE ->
        pages
            .byId(item.targetId())
            .map(p -> "Page: " + p.title() + (p.isPublished() ? "" : " (not published: hidden)"))
            .orElse("Page (gone)");
      case TOPIC ->
        topics.byIds(List.of(item.targetId())).stream()
            .findFirst()
            .map(t -> "Topic: " + t.name())
            .orElse("Topic (gone)");
      case LINK -> "Link: " + item.url();
    };
  }

  private void add(Context ctx) {
    var user = Auth.signedIn(ctx);
    var form = Form.read(ctx, "menu", "kind", "section", "page", "topic", "url", "label");
    try {
      var menu = MenuItem.Menu.parse(form.value("menu"));
      var kind = MenuItem.Kind.parse(form.value("kind"));
      var field = Map.of(
              MenuItem.Kind.SECTION, "section",
              MenuItem.Kind.PAGE, "page",
              MenuItem.Kind.TOPIC, "topic",
              MenuItem.Kind.LINK, "url")
          .get(kind);
      Long target = kind == MenuItem.Kind.LINK
          ? null
          : Params.optionalId(form, field, "Choose a " + field + " to link to");
      if (kind != MenuItem.Kind.LINK && target == null && !form.hasErrors())
        form.error(field, "Choose a " + field + " to link to");
      if (!form.hasErrors()) {
        transactions.useTransaction(tx -> {
          long id = menus.add(tx, menu, kind, target, form.value("url"), form.value("label"));
          audit.record(
              tx,
              user,
              "menu.add",
              "menu_item",
              id,
              menu.dbValue() + " " + kind.dbValue(),
              ClientAddress.of(ctx));
        });
      }
    } catch (InvalidInput e) {
      var field = switch (e.field()) {
        case "target" -> form.value("kind").equals("link") ? "url" : form.value("kind");
        case "menu item" -> "menu";
        default -> e.field();
      };
      form.error(field, ArticleInput.sentence(e.field(), e.reason()));
    }
    if (form.hasErrors()) {
      page(ctx, form, 400);
      return;
    }
    throw new Redirect(BASE, 303);
  }

  /** Moves ({@code up}, {@code down}) or removes ({@code remove}) one item. */
  private void change(Context ctx) {
    var user = Auth.signedIn(ctx);
    long id = Params.id(ctx, "id");
    var action = ctx.formParam("action") == null ? "" : ctx.formParam("action");
    try {
      transactions.useTransaction(tx -> {
        switch (action) {
          case "up" -> menus.move(tx, id, -1);
          case "down" -> menus.move(tx, id, 1);
          case "remove" -> menus.remove(tx, id);
          default -> throw new InvalidInput("action", "must be up, down or remove");
        }
        audit.record(tx, user, "menu." + action, "menu_item", id, "", ClientAddress.of(ctx));
      });
    } catch (InvalidInput e) {
      page(ctx, Form.empty().error("menu", ArticleInput.sentence(e.field(), e.reason())), 400);
      return;
    }
    throw new Redirect(BASE + "#item-" + id, 303);
  }
}
