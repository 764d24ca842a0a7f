package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.auth.Role;
import dev.byline.content.ArticleSummary;
import dev.byline.content.InvalidInput;
import dev.byline.content.PublishedArticles;
import dev.byline.content.Section;
import dev.byline.content.SectionStore;
import dev.byline.curation.Curation;
import dev.byline.curation.Pin;
import dev.byline.curation.Place;
import dev.byline.curation.StoryCollection;
import dev.byline.store.Transactions;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.ClientAddress;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Front-page curation for editors: pin the lead and top stories, build named collections shown
 * as blocks on the front page and section fronts, and give any pin an expiry. A story is named
 * by its address, its slug or its id. Changes purge the pages that show them at once; an expired
 * pin goes by itself.
 */
public final class CurationAdmin implements Routes {
  static final String BASE = "/admin/front";

  /** A pin with its story (null when the story is no longer published) for the list. */
  public record PinRow(
      Pin pin, ArticleSummary story, String expires, boolean first, boolean last) {}

  /** A place's pins: the lead, the top stories or one collection. */
  public record PlaceView(
      String title, String value, StoryCollection collection, List<PinRow> rows) {}

  public record FrontAdminView(
      AdminChrome chrome,
      List<PlaceView> places,
      List<Section> sections,
      Form pinForm,
      Form collectionForm) {}

  private final AdminSite site;
  private final Transactions transactions;
  private final Curation curation;
  private final PublishedArticles published;
  private final SectionStore sections;
  private final AuditLog audit;

  public CurationAdmin(
      AdminSite site,
      Transactions transactions,
      Curation curation,
      PublishedArticles published,
      SectionStore sections,
      AuditLog audit) {
    this.site = site;
    this.transactions = transactions;
    this.curation = curation;
    this.published = published;
    this.sections = sections;
    this.audit = audit;
    site.addNav("front", "Front page", BASE, Role.EDITOR);
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get(
        BASE,
        ctx -> page(ctx, Form.empty().set("place", "lead"), Form.empty(), 200),
        Access.EDITOR);
    r.post(BASE + "/pins", this::pin, Access.EDITOR);
    r.post(BASE + "/pins/{id}", this::changePin, Access.EDITOR);
    r.post(BASE + "/collections", this::createCollection, Access.EDITOR);
    r.post(BASE + "/collections/{id}/delete", this::deleteCollection, Access.EDITOR);
  }

  private void page(Context ctx, Form pinForm, Form collectionForm, int status) {
    var zone = site.config().timeZone();
    var pins = curation.pins();
    Map<Long, ArticleSummary> stories =
        published.summaries(pins.stream().map(Pin::articleId).distinct().toList()).stream()
            .collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
    var places = new ArrayList<PlaceView>();
    places.add(new PlaceView("Lead", "lead", null, rows(pins, Place.LEAD, null, stories, zone)));
    places.add(
        new PlaceView("Top stories", "top", null, rows(pins, Place.TOP, null, stories, zone)));
    for (var c : curation.collections())
      places.add(new PlaceView(
          c.name(),
          "collection:" + c.id(),
          c,
          rows(pins, Place.COLLECTION, c.id(), stories, zone)));
    ctx.status(status);
    site.render(
        ctx,
        "admin/front.jte",
        new FrontAdminView(
            site.chrome(ctx, "front"), places, sections.all(), pinForm, collectionForm));
  }

  private static List<PinRow> rows(
      List<Pin> pins,
      Place place,
      Long collection,
      Map<Long, ArticleSummary> stories,
      java.time.ZoneId zone) {
    var mine = pins.stream()
        .filter(p -> p.place() == place && java.util.Objects.equals(p.collectionId(), collection))
        .toList();
    var rows = new ArrayList<PinRow>();
    for (int i = 0; i < mine.size(); i++) {
      var p = mine.get(i);
      rows.add(new PinRow(
          p,
          stories.get(p.articleId()),
          Times.format(p.expiresAt(), zone),
          i == 0,
          i == mine.size() - 1));
    }
    return rows;
  }

  private void pin(Context ctx) {
    var user = Auth.signedIn(ctx);
    var form = Form.read(ctx, "place", "story", "expires");
    var zone = site.config().timeZone();
    Instant expires = Times.parse(form, form.value("expires"), "expires", "Expiry", zone);
    try {
      var placeValue = form.value("place");
      Long collection = null;
      Place place;
      if (placeValue.startsWith("collection:")) {
        place = Place.COLLECTION;
        collection = Long.parseLong(placeValue.substring("collection:".length()));
      } else {
        place = Place.parse(placeValue);
      }
      long storyId = story(form.value("story"));
      if (!form.hasErrors()) {
        Long c = collection;
        transactions.useTransaction(tx -> {
          long id = curation.pin(tx, place, c, storyId, expires);
          audit.record(
              tx,
              user,
              "pin.add",
              "pin",
              id,
              placeValue + " article " + storyId,
              ClientAddress.of(ctx));
        });
      }
    } catch (NumberFormatException e) {
      form.error("place", "Place is not one of the choices");
    } catch (InvalidInput e) {
      var field = switch (e.field()) {
        case "expiry" -> "expires";
        case "story" -> "story";
        default -> "place";
      };
      form.error(field, ArticleInput.sentence(e.field(), e.reason()));
    }
    if (form.hasErrors()) {
      page(ctx, form, Form.empty(), 400);
      return;
    }
    throw new Redirect(BASE, 303);
  }

  /**
   * The published story a field names: its id, its address ({@code /world/port-talks} or the full
   * URL) or its slug.
   */
  private long story(String value) {
    var v = value == null ? "" : value.strip();
    if (v.isEmpty()) throw new InvalidInput("story", "is empty; give its address or id");
    if (v.chars().allMatch(Character::isDigit) && v.length() < 18) return Long.parseLong(v);
    var path = v.replaceFirst("^https?://[^/]+", "").replaceFirst("[?#].*$", "");
    var slug = path.substring(path.lastIndexOf('/') + 1);
    return published
        .bySlug(slug)
        .map(a -> a.id())
        .orElseThrow(
            () -> new InvalidInput("story", "\"" + v + "\" is not a published story's address"));
  }

  private void changePin(Context ctx) {
    var user = Auth.signedIn(ctx);
    long id = Params.id(ctx, "id");
    var action = ctx.formParam("action") == null ? "" : ctx.formParam("action");
    try {
      transactions.useTransaction(tx -> {
        switch (action) {
          case "up" -> curation.move(tx, id, -1);
          case "down" -> curation.move(tx, id, 1);
          case "unpin" -> curation.unpin(tx, id);
          default -> throw new InvalidInput("action", "must be up, down or unpin");
        }
        audit.record(tx, user, "pin." + action, "pin", id, "", ClientAddress.of(ctx));
      });
    } catch (InvalidInput e) {
      page(
          ctx,
          Form.empty().error("place", ArticleInput.sentence(e.field(), e.reason())),
          Form.empty(),
          400);
      return;
    }
    throw new Redirect(BASE, 303);
  }

  private void createCollection(Context ctx) {
    var user = Auth.signedIn(ctx);
    var form = Form.read(ctx, "name", "on-front", "section", "position");
    var section = Params.optionalId(form, "section", "Section is not one of the choices");
    int position = 0;
    if (!form.value("position").isBlank()) {
      try {
        position = Integer.parseInt(form.value("position").strip());
      } catch (NumberFormatException e) {
        form.error("position", "Position must be a whole number");
      }
    }
    try {
      var c =
          new StoryCollection(1, form.value("name"), form.checked("on-front"), section, position);
      if (!c.onFront() && c.sectionId() == null)
        form.error("on-front", "Choose where it shows: the front page, a section front, or both");
      if (!form.hasErrors()) {
        transactions.useTransaction(tx -> {
          long id = curation.createCollection(tx, c);
          audit.record(
              tx, user, "collection.create", "collection", id, c.name(), ClientAddress.of(ctx));
        });
      }
    } catch (InvalidInput e) {
      form.error(e.field(), ArticleInput.sentence(e.field(), e.reason()));
    }
    if (form.hasErrors()) {
      page(ctx, Form.empty().set("place", "lead"), form, 400);
      return;
    }
    throw new Redirect(BASE, 303);
  }

  private void deleteCollection(Context ctx) {
    var user = Auth.signedIn(ctx);
    long id = Params.id(ctx, "id");
    try {
      transactions.useTransaction(tx -> {
        curation.deleteCollection(tx, id);
        audit.record(tx, user, "collection.delete", "collection", id, "", ClientAddress.of(ctx));
      });
    } catch (InvalidInput e) {
      throw new io.javalin.http.NotFoundResponse("There is no such collection.");
    }
    throw new Redirect(BASE, 303);
  }
}
