package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.content.PublishedArticles;
import dev.byline.media.Image;
import dev.byline.media.ImageStore;
import dev.byline.media.MediaException;
import dev.byline.pages.PageStore;
import dev.byline.store.Transactions;
import dev.byline.store.Tx;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.ClientAddress;
import dev.byline.web.PageNumber;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import dev.byline.web.Upload;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The photo desk: upload (type checked by content, size and pixel limits, location data
 * removed), a searchable library, and caption, credit and alt text editing by {@link PhotoRules}.
 * A refused upload or edit says why and leaves nothing behind.
 */
public final class PhotoDesk implements Routes {
  static final int PAGE_SIZE = 24;

  /** The block editor's photo picker reads the library here, as JSON. */
  static final String PICKER = "/admin/photo-picker";

  /** Thumbnail width in the picker, in CSS pixels: the library page's own. */
  static final int THUMB_WIDTH = 320;

  /** Most photos one picker request may name with {@code ids}: a long article's worth. */
  static final int MAX_IDS = 200;

  /** One photo as the picker and a JSON upload answer show it. */
  record PhotoJson(
      long id, String caption, String credit, String alt, String thumb, int width, int height) {
    static PhotoJson of(Image p) {
      var v = p.variantFor(THUMB_WIDTH);
      return new PhotoJson(
          p.id(), p.caption(), p.credit(), p.alt(), v.url(), v.width(), v.height());
    }
  }

  /** A page of the library for the picker; {@code next} says whether another page follows. */
  record PickerJson(List<PhotoJson> photos, int page, boolean next) {}

  /** The library with the upload form. */
  public record LibraryView(
      AdminChrome chrome,
      List<Image> photos,
      String query,
      int page,
      boolean hasNext,
      Form form,
      Image uploaded) {}

  /**
   * One photo's page.
   *
   * @param locked why this reader may not change the photo's words, or empty when they may
   * @param shownOn headlines of the published or scheduled stories, and titles of the published
   *     pages, that show the photo
   */
  public record PhotoView(
      AdminChrome chrome,
      Image photo,
      Form form,
      String notice,
      String locked,
      List<String> shownOn) {
    public String shownOnText() {
      return shownOn.isEmpty() ? "" : PhotoRules.stories(shownOn);
    }

    public String markdown() {
      return "![" + photo.alt().replace("]", "") + "](image:" + photo.id()
          + (photo.caption().isEmpty() ? "" : " \"" + photo.caption().replace("\"", "'") + "\"")
          + ")";
    }
  }

  private final AdminSite site;
  private final Transactions db;
  private final ImageStore images;
  private final PublishedArticles published;
  private final PageStore pages;
  private final AuditLog audit;

  public PhotoDesk(
      AdminSite site,
      Transactions db,
      ImageStore images,
      PublishedArticles published,
      PageStore pages,
      AuditLog audit) {
    this.site = site;
    this.db = db;
    this.images = images;
    this.published = published;
    this.pages = pages;
    this.audit = audit;
  }

  /** Headlines of the stories and titles of the site's own pages readers see the photo on. */
  private List<String> shownOn(Tx tx, long imageId) {
    var on = new java.util.ArrayList<>(published.headlinesShowing(tx, imageId));
    on.addAll(pages.titlesShowing(tx, imageId));
    return on;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get("/admin/photos", ctx -> library(ctx, Form.empty(), null, 200), Access.WRITER);
    r.get(PICKER, this::picker, Access.WRITER);
    r.post("/admin/photos", this::upload, Access.WRITER, Upload.FILES);
    r.get("/admin/photos/{id}", ctx -> photo(ctx, null, ""), Access.WRITER);
    r.post("/admin/photos/{id}", this::update, Access.WRITER);
  }

  private void library(Context ctx, Form form, Image uploaded, int status) {
    var query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
    int page = PageNumber.of(ctx).value();
    var found = images.library(query, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
    boolean next = found.size() > PAGE_SIZE;
    ctx.status(status);
    site.render(
        ctx,
        "admin/photos.jte",
        new LibraryView(
            site.chrome(ctx, "photos"),
            next ? found.subList(0, PAGE_SIZE) : found,
            query,
            page,
            next,
            form,
            uploaded));
  }

  /**
   * The library as JSON: {@code ?q=words&page=2} searches as the library page does, {@code
   * ?ids=4,9} returns those photos (the block editor's thumbnails for a body it opens).
   */
  private void picker(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    var ids = ctx.queryParam("ids");
    if (ids != null) {
      var wanted = new java.util.LinkedHashSet<Long>();
      for (var part : ids.split(",")) {
        if (part.isBlank()) continue;
        try {
          wanted.add(Long.parseLong(part.strip()));
        } catch (NumberFormatException e) {
          throw new dev.byline.web.BadRequest("ids must be photo numbers separated by commas");
        }
      }
      if (wanted.size() > MAX_IDS)
        throw new dev.byline.web.BadRequest("ids names more than " + MAX_IDS + " photos");
      var found = images.byIds(wanted);
      ctx.json(new PickerJson(
          wanted.stream()
              .filter(found::containsKey)
              .map(id -> PhotoJson.of(found.get(id)))
              .toList(),
          1,
          false));
      return;
    }
    var query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
    int page = PageNumber.of(ctx).value();
    var found = images.library(query, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
    boolean next = found.size() > PAGE_SIZE;
    ctx.json(new PickerJson(
        (next ? found.subList(0, PAGE_SIZE) : found).stream().map(PhotoJson::of).toList(),
        page,
        next));
  }

  /** Whether the uploader asked for JSON (the block editor's drag-and-drop) rather than the page. */
  private static boolean wantsJson(Context ctx) {
    var accept = ctx.header("Accept");
    return accept != null && accept.startsWith("application/json");
  }

  private void refused(Context ctx, Form form, int status) {
    if (wantsJson(ctx)) {
      ctx.status(status).json(java.util.Map.of("error", form.problems().get(0).message()));
      return;
    }
    library(ctx, form, null, status);
  }

  private void upload(Context ctx) {
    var user = Auth.signedIn(ctx);
    var form = Form.read(ctx, "caption", "credit", "alt");
    var file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      form.error("file", "File: choose a photo to upload (JPEG, PNG, WebP or GIF)");
      refused(ctx, form, 400);
      return;
    }
    if (file.size() > ImageStore.MAX_BYTES) {
      form.error(
          "file",
          "File is " + (file.size() / 1024 / 1024) + " MB; the limit is "
              + (ImageStore.MAX_BYTES / 1024 / 1024) + " MB");
      refused(ctx, form, 413);
      return;
    }
    byte[] bytes;
    try (var in = file.content()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      var text =
          new ImageStore.ImageText(form.value("caption"), form.value("credit"), form.value("alt"));
      var image = images.store(
          bytes,
          text,
          user.id(),
          (tx, stored) -> audit.record(
              tx,
              user,
              "photo.upload",
              "image",
              stored.id(),
              file.filename() + ", " + stored.width() + "×" + stored.height(),
              ClientAddress.of(ctx)));
      if (wantsJson(ctx)) ctx.status(201).json(PhotoJson.of(image));
      else library(ctx, Form.empty(), image, 201);
    } catch (MediaException e) {
      var field = e.getMessage().startsWith("the caption")
          ? "caption"
          : e.getMessage().startsWith("the credit")
              ? "credit"
              : e.getMessage().startsWith("the alt") ? "alt" : "file";
      form.error(
          field,
          (field.equals("file") ? "File “" + file.filename() + "” was not stored: " : "")
              + capital(e.getMessage()));
      refused(ctx, form, 400);
    }
  }

  private Image load(Context ctx) {
    return images
        .byId(Params.id(ctx, "id"))
        .orElseThrow(() -> new NotFoundResponse("There is no such photo."));
  }

  private void photo(Context ctx, Form form, String notice) {
    var image = load(ctx);
    var shownOn = db.inTransaction(tx -> shownOn(tx, image.id()));
    var locked = PhotoRules.refusal(Auth.signedIn(ctx), image, shownOn).orElse("");
    var f = form != null
        ? form
        : Form.empty()
            .set("caption", image.caption())
            .set("credit", image.credit())
            .set("alt", image.alt());
    site.render(
        ctx,
        "admin/photo.jte",
        new PhotoView(
            site.chrome(ctx, "photos"),
            image,
            f,
            "1".equals(ctx.queryParam("saved")) ? "Saved." : notice,
            locked,
            shownOn));
  }

  private void update(Context ctx) {
    var user = Auth.signedIn(ctx);
    long id = load(ctx).id();
    var form = Form.read(ctx, "caption", "credit", "alt");
    var ip = ClientAddress.of(ctx);
    try {
      // Checked in the transaction that writes, so a story published meanwhile is seen.
      db.useTransaction(tx -> {
        var image = images.byIds(tx, List.of(id)).get(id);
        var shownOn = shownOn(tx, id);
        PhotoRules.refusal(user, image, shownOn).ifPresent(reason -> {
          throw new ForbiddenResponse(reason);
        });
        var text = new ImageStore.ImageText(
            form.value("caption"), form.value("credit"), form.value("alt"));
        images.updateText(tx, id, text);
        audit.record(
            tx,
            user,
            "photo.update",
            "image",
            id,
            "caption, credit, alt text"
                + (shownOn.isEmpty() ? "" : "; on " + PhotoRules.stories(shownOn)),
            ip);
      });
    } catch (MediaException e) {
      var field = e.getMessage().startsWith("the caption")
          ? "caption"
          : e.getMessage().startsWith("the credit") ? "credit" : "alt";
      form.error(field, capital(e.getMessage()));
      ctx.status(400);
      photo(ctx, form, "");
      return;
    }
    throw new Redirect("/admin/photos/" + id + "?saved=1", 303);
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
