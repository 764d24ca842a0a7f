package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.content.Author;
import dev.byline.content.AuthorStore;
import dev.byline.content.InvalidInput;
import dev.byline.content.Section;
import dev.byline.content.SectionStore;
import dev.byline.content.Topic;
import dev.byline.content.TopicStore;
import dev.byline.content.TopicType;
import dev.byline.media.ImageStore;
import dev.byline.store.Transactions;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.ClientAddress;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;

/**
 * What articles are filed under, for editors: sections, topics and authors (with bio and
 * photo). Slugs are set once, since they are in published URLs.
 */
public final class CatalogPages implements Routes {
  static final int TOPIC_PAGE = 100;

  /** Sections with the form to add one, or to edit {@code editing}. */
  public record SectionsView(
      AdminChrome chrome, List<Section> sections, Form form, Section editing) {}

  /** Topics matching a search, with the form to add one, or to edit {@code editing}. */
  public record TopicsView(
      AdminChrome chrome, List<Topic> topics, String query, Form form, Topic editing) {
    public List<TopicType> types() {
      return List.of(TopicType.values());
    }
  }

  /** Authors with the form to add one, or to edit {@code editing}. */
  public record AuthorsView(
      AdminChrome chrome, List<Author> authors, Form form, Author editing, String photoUrl) {}

  private final AdminSite site;
  private final Transactions transactions;
  private final SectionStore sections;
  private final TopicStore topics;
  private final AuthorStore authors;
  private final ImageStore images;
  private final AuditLog audit;

  public CatalogPages(
      AdminSite site,
      Transactions transactions,
      SectionStore sections,
      TopicStore topics,
      AuthorStore authors,
      ImageStore images,
      AuditLog audit) {
    this.site = site;
    this.transactions = transactions;
    this.sections = sections;
    this.topics = topics;
    this.authors = authors;
    this.images = images;
    this.audit = audit;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get("/admin/sections", ctx -> sectionsPage(ctx, Form.empty(), null, 200), Access.EDITOR);
    r.post("/admin/sections", ctx -> saveSection(ctx, null), Access.EDITOR);
    r.get(
        "/admin/sections/{id}",
        ctx -> {
          var s = section(ctx);
          sectionsPage(
              ctx,
              Form.empty()
                  .set("slug", s.slug())
                  .set("name", s.name())
                  .set("description", s.description())
                  .set("position", Integer.toString(s.position())),
              s,
              200);
        },
        Access.EDITOR);
    r.post("/admin/sections/{id}", ctx -> saveSection(ctx, section(ctx)), Access.EDITOR);
    r.get(
        "/admin/topics",
        ctx -> topicsPage(ctx, Form.empty().set("type", "subject"), null, 200),
        Access.EDITOR);
    r.post("/admin/topics", ctx -> saveTopic(ctx, null), Access.EDITOR);
    r.get(
        "/admin/topics/{id}",
        ctx -> {
          var t = topic(ctx);
          topicsPage(
              ctx, Form.empty().set("name", t.name()).set("type", t.type().dbValue()), t, 200);
        },
        Access.EDITOR);
    r.post("/admin/topics/{id}", ctx -> saveTopic(ctx, topic(ctx)), Access.EDITOR);
    r.get("/admin/authors", ctx -> authorsPage(ctx, Form.empty(), null, 200), Access.EDITOR);
    r.post("/admin/authors", ctx -> saveAuthor(ctx, null), Access.EDITOR);
    r.get(
        "/admin/authors/{id}",
        ctx -> {
          var a = author(ctx);
          authorsPage(
              ctx,
              Form.empty()
                  .set("name", a.name())
                  .set("bio", a.bio())
                  .set("photo", a.photoImageId() == null ? "" : a.photoImageId().toString()),
              a,
              200);
        },
        Access.EDITOR);
    r.post("/admin/authors/{id}", ctx -> saveAuthor(ctx, author(ctx)), Access.EDITOR);
  }

  // ---- sections ------------------------------------------------------------------------------

  private Section section(Context ctx) {
    return sections
        .byId(Params.id(ctx, "id"))
        .orElseThrow(() -> new NotFoundResponse("There is no such section."));
  }

  private void sectionsPage(Context ctx, Form form, Section editing, int status) {
    ctx.status(status);
    site.render(
        ctx,
        "admin/sections.jte",
        new SectionsView(site.chrome(ctx, "sections"), sections.all(), form, editing));
  }

  private void saveSection(Context ctx, Section editing) {
    var user = Auth.signedIn(ctx);
    var form = Form.read(ctx, "slug", "name", "description", "position");
    int position = 0;
    try {
      position = form.value("position").isBlank()
          ? 0
          : Integer.parseInt(form.value("position").strip());
    } catch (NumberFormatException e) {
      form.error("position", "Position must be a whole number");
    }
    var slug = editing != null ? editing.slug() : form.value("slug").strip();
    if (editing != null) form.set("slug", slug);
    try {
      var checked = new Section(
          editing == null ? 1 : editing.id(),
          slug,
          form.value("name"),
          form.value("description"),
          position);
      if (!form.hasErrors()) {
        if (editing == null) {
          if (sections.bySlug(slug).isPresent()) {
            form.error("slug", "Slug “" + slug + "” is already a section");
          } else {
            int at = position;
            transactions.useTransaction(tx -> {
              var made = sections.ensure(tx, slug, checked.name(), checked.description(), at);
              audit.record(
                  tx,
                  user,
                  "section.create",
                  "section",
                  made.id(),
                  made.name(),
                  ClientAddress.of(ctx));
            });
          }
        } else {
          transactions.useTransaction(tx -> {
            sections.update(tx, checked);
            audit.record(
                tx,
                user,
                "section.update",
                "section",
                editing.id(),
                checked.name(),
                ClientAddress.of(ctx));
          });
        }
      }
    } catch (InvalidInput e) {
      var field = e.field().replace("section ", "");
      form.error(field, ArticleInput.sentence(field, e.reason()));
    }
    if (form.hasErrors()) {
      sectionsPage(ctx, form, editing, 400);
      return;
    }
    throw new Redirect("/admin/sections", 303);
  }

  // ---- topics --------------------------------------------------------------------------------

  private Topic topic(Context ctx) {
    long id = Params.id(ctx, "id");
    return topics.byIds(List.of(id)).stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundResponse("There is no such topic."));
  }

  private void topicsPage(Context ctx, Form form, Topic editing, int status) {
    var query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
    ctx.status(status);
    site.render(
        ctx,
        "admin/topics.jte",
        new TopicsView(
            site.chrome(ctx, "topics"), topics.list(query, 0, TOPIC_PAGE), query, form, editing));
  }

  private void saveTopic(Context ctx, Topic editing) {
    var user = Auth.signedIn(ctx);
    var form = Form.read(ctx, "name", "type");
    try {
      var type = TopicType.parse(form.value("type"));
      if (editing == null) {
        var name = TopicStore.checkedName(form.value("name"));
        transactions.useTransaction(tx -> {
          var made = topics.ensure(tx, name, type);
          audit.record(
              tx,
              user,
              "topic.create",
              "topic",
              made.id(),
              made.name() + " (" + type.dbValue() + ")",
              ClientAddress.of(ctx));
        });
      } else {
        transactions.useTransaction(tx -> {
          topics.update(tx, editing.id(), form.value("name"), type);
          audit.record(
              tx,
              user,
              "topic.update",
              "topic",
              editing.id(),
              form.value("name").strip() + " (" + type.dbValue() + ")",
              ClientAddress.of(ctx));
        });
      }
    } catch (InvalidInput e) {
      var field = e.field().contains("type") ? "type" : "name";
      form.error(field, ArticleInput.sentence(e.field(), e.reason()));
      topicsPage(ctx, form, editing, 400);
      return;
    }
    throw new Redirect("/admin/topics", 303);
  }

  // ---- authors -------------------------------------------------------------------------------

  private Author author(Context ctx) {
    return authors
        .byId(Params.id(ctx, "id"))
        .orElseThrow(() -> new NotFoundResponse("There is no such author."));
  }

  private void authorsPage(Context ctx, Form form, Author editing, int status) {
    var photo = editing == null || editing.photoImageId() == null
        ? ""
        : images.byId(editing.photoImageId()).map(i -> i.variantFor(320).url()).orElse("");
    ctx.status(status);
    site.render(
        ctx,
        "admin/authors.jte",
        new AuthorsView(site.chrome(ctx, "authors"), authors.all(), form, editing, photo));
  }

  private void saveAuthor(Context ctx, Author editing) {
    var user = Auth.signedIn(ctx);
    var form = Form.read(ctx, "name", "bio", "photo");
    var photo =
        Params.optionalId(form, "photo", "Photo must be a photo number from the photo desk");
    if (photo != null && images.byId(photo).isEmpty())
      form.error("photo", "Photo " + photo + " is not in the photo desk");
    if (!form.hasErrors()) {
      try {
        if (editing == null) {
          if (authors.named(form.value("name")).isPresent()) {
            form.error("name", "Name “" + form.value("name").strip() + "” is already an author");
          } else {
            var name = AuthorStore.checkedName(form.value("name"));
            transactions.useTransaction(tx -> {
              var made = authors.ensure(tx, name);
              authors.update(tx, made.id(), made.name(), form.value("bio"), photo);
              audit.record(
                  tx,
                  user,
                  "author.create",
                  "author",
                  made.id(),
                  made.name(),
                  ClientAddress.of(ctx));
            });
          }
        } else {
          transactions.useTransaction(tx -> {
            authors.update(tx, editing.id(), form.value("name"), form.value("bio"), photo);
            audit.record(
                tx,
                user,
                "author.update",
                "author",
                editing.id(),
                form.value("name").strip(),
                ClientAddress.of(ctx));
          });
        }
      } catch (InvalidInput e) {
        var field =
            e.field().contains("bio") ? "bio" : e.field().contains("photo") ? "photo" : "name";
        form.error(field, ArticleInput.sentence(e.field(), e.reason()));
      }
    }
    if (form.hasErrors()) {
      authorsPage(ctx, form, editing, 400);
      return;
    }
    throw new Redirect("/admin/authors", 303);
  }
}
