package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.auth.User;
import dev.byline.brand.SiteSettings;
import dev.byline.brand.SiteSettingsStore;
import dev.byline.content.InvalidInput;
import dev.byline.media.Image;
import dev.byline.media.ImageStore;
import dev.byline.media.MediaException;
import dev.byline.media.SvgSanitiser;
import dev.byline.store.Tx;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.ClientAddress;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import dev.byline.web.Upload;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Site settings for administrators, at {@code /admin/settings}: the newsroom's name, look and
 * publisher details. A save is checked whole (colours for contrast, addresses, photos that
 * exist) before anything is stored; pictures uploaded here go to the photo desk. Each save is a
 * revision, recorded in the audit log with the fields it changed, and purges the pages that show
 * what changed, on every node.
 */
public final class SettingsPages implements Routes {
  static final String PATH = "/admin/settings";
  /** Recent photos offered in each picture's list; older ones are chosen by number. */
  static final int PHOTO_CHOICES = 40;

  static final int REVISIONS_SHOWN = 10;

  /**
   * A picture field of the form, with what to call the empty choice; {@code drawing} when it also
   * takes an SVG drawing.
   */
  public record PictureField(String name, String label, String hint, String none, boolean drawing) {
    /** The file types the upload offers. */
    public String accept() {
      return "image/png,image/jpeg,image/webp,image/gif" + (drawing ? ",image/svg+xml" : "");
    }
  }

  public record SettingsView(
      AdminChrome chrome,
      Form form,
      String notice,
      List<PictureField> pictures,
      List<Image> photos,
      List<SiteSettingsStore.Revision> revisions,
      List<String> zones,
      List<String> languages,
      dev.byline.site.Dates dates) {}

  static final List<PictureField> PICTURES = List.of(
      new PictureField(
          "logo",
          "Logo",
          "Shown 40 pixels high in the masthead: an SVG drawing, or a PNG with a clear background.",
          "Built-in logo",
          true),
      new PictureField(
          "logoDark",
          "Logo for dark mode",
          "Shown instead when the reader's system uses a dark colour scheme.",
          "Same as the logo",
          true),
      new PictureField(
          "favicon",
          "Favicon",
          "The icon in browser tabs: a square SVG drawing, or a square PNG of at least 192 pixels.",
          "Built-in icon",
          true),
      new PictureField(
          "faviconFallback",
          "Favicon for older browsers",
          "Offered beside an SVG favicon (yours or the built-in one) to browsers that cannot"
              + " show SVG icons: a square PNG of at least 192 pixels.",
          "None",
          false),
      new PictureField(
          "socialImage",
          "Default social image",
          "Shown when a page without its own picture is shared: at least 1200 pixels wide.",
          "None",
          false));

  private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
      .filter(z -> z.contains("/"))
      .sorted()
      .toList();

  private final AdminSite site;
  private final SiteSettingsStore settings;
  private final ImageStore images;
  private final AuditLog audit;

  public SettingsPages(
      AdminSite site, SiteSettingsStore settings, ImageStore images, AuditLog audit) {
    this.site = site;
    this.settings = settings;
    this.images = images;
    this.audit = audit;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get(PATH, ctx -> show(ctx, SettingsForm.of(settings.current()), 200), Access.ADMIN);
    r.post(PATH, this::save, Access.ADMIN, Upload.FILES);
  }

  private void show(Context ctx, Form form, int status) {
    ctx.status(status);
    var notice = "1".equals(ctx.queryParam("saved"))
        ? "Saved. The site shows the new settings now."
        : "1".equals(ctx.queryParam("same")) ? "Nothing had changed; nothing was saved." : "";
    site.render(
        ctx,
        "admin/settings.jte",
        new SettingsView(
            site.chrome(ctx, "settings"),
            form,
            notice,
            PICTURES,
            choices(form),
            settings.revisions(REVISIONS_SHOWN),
            ZONES,
            SiteSettings.LANGUAGES,
            site.dates()));
  }

  /** Recent photos, and any chosen one that is older, for the pictures' lists. */
  private List<Image> choices(Form form) {
    var recent = new ArrayList<>(images.library("", 0, PHOTO_CHOICES));
    var ids = new ArrayList<Long>();
    for (var p : PICTURES) {
      var v = form.value(p.name());
      if (v.matches("[0-9]{1,18}")) ids.add(Long.parseLong(v));
    }
    recent.stream().map(Image::id).toList().forEach(ids::remove);
    if (!ids.isEmpty()) recent.addAll(images.byIds(ids).values());
    return recent;
  }

  private void save(Context ctx) {
    var user = Auth.signedIn(ctx);
    var form = Form.read(ctx, SettingsForm.FIELDS);
    var before = settings.current();
    // Everything but new uploads is checked first, so a refused form stores nothing.
    try {
      var chosen = SettingsForm.settings(form, Map.of());
      checkPhotosExist(chosen);
    } catch (InvalidInput e) {
      refuse(ctx, form, e.field(), e.reason());
      return;
    }
    var files = files(ctx, form);
    if (files == null) return;
    // Drawings are checked before any upload is stored, so one refused leaves no other behind.
    for (var e : files.entrySet()) {
      if (!isDrawing(field(e.getKey()), e.getValue())) continue;
      try {
        SvgSanitiser.sanitise(e.getValue(), drawingName(e.getKey()));
      } catch (MediaException m) {
        refuse(ctx, form, e.getKey() + "File", "was not stored: " + m.getMessage());
        return;
      }
    }
    var uploaded = new HashMap<String, Long>();
    for (var e : files.entrySet()) {
      try {
        uploaded.put(
            e.getKey(), upload(ctx, user, field(e.getKey()), e.getValue(), form.value("name")));
      } catch (MediaException m) {
        refuse(ctx, form, e.getKey() + "File", "was not stored: " + m.getMessage());
        return;
      }
    }
    var next = SettingsForm.settings(form, uploaded);
    var changed = SettingsForm.changed(SettingsForm.of(before), SettingsForm.of(next));
    var ip = ClientAddress.of(ctx);
    var keys = settings.save(
        next,
        user.id(),
        (tx, revision) -> audit.record(
            tx,
            user,
            "settings.update",
            "settings",
            revision,
            "changed " + String.join(", ", changed),
            ip));
    throw new Redirect(PATH + (keys.isEmpty() ? "?same=1" : "?saved=1"), 303);
  }

  private void checkPhotosExist(SiteSettings s) {
    var ids = new LinkedHashMap<String, Long>();
    ids.put("logo", s.logo());
    ids.put("logoDark", s.logoDark());
    ids.put("favicon", s.favicon());
    ids.put("faviconFallback", s.faviconFallback());
    ids.put("socialImage", s.socialImage());
    ids.values().removeIf(Objects::isNull);
    if (ids.isEmpty()) return;
    var found = images.byIds(ids.values());
    ids.forEach((field, id) -> {
      if (!found.containsKey(id))
        throw new InvalidInput(field, "names photo " + id + ", which is not on the photo desk");
      if (field.equals("socialImage")
          && ImageStore.SVG_MIME.equals(found.get(id).mime()))
        throw new InvalidInput(
            field,
            "names photo " + id + ", an SVG drawing; social networks show only JPEG, PNG, GIF"
                + " or WebP pictures");
      if (field.equals("faviconFallback")
          && ImageStore.SVG_MIME.equals(found.get(id).mime()))
        throw new InvalidInput(
            field,
            "names photo " + id + ", an SVG drawing; the fallback is for browsers that cannot"
                + " show SVG icons, so it must be a PNG (or JPEG, GIF or WebP)");
    });
  }

  /** The pictures uploaded with the form, by field; null when one was refused (and shown). */
  private Map<String, byte[]> files(Context ctx, Form form) {
    var out = new LinkedHashMap<String, byte[]>();
    for (var p : PICTURES) {
      var file = ctx.uploadedFile(p.name() + "File");
      if (file == null || file.size() == 0) continue;
      if (file.size() > ImageStore.MAX_BYTES) {
        refuse(
            ctx,
            form,
            p.name() + "File",
            "is " + file.size() / 1024 / 1024 + " MB; the limit is "
                + ImageStore.MAX_BYTES / 1024 / 1024 + " MB");
        return null;
      }
      try (var in = file.content()) {
        out.put(p.name(), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static PictureField field(String name) {
    return PICTURES.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  /**
   * Stores an upload on the photo desk: a drawing where the field takes one and the file is XML
   * (checked by {@link dev.byline.media.SvgSanitiser}), else a photo.
   */
  private long upload(Context ctx, User user, PictureField field, byte[] bytes, String siteName) {
    var label = SettingsForm.LABELS.get(field.name());
    var text = new ImageText(label, siteName);
    BiConsumer<Tx, Image> log = (tx, stored) -> audit.record(
        tx,
        user,
        "photo.upload",
        "image",
        stored.id(),
        label + " from site settings, " + stored.width() + "×" + stored.height(),
        ClientAddress.of(ctx));
    var image = isDrawing(field, bytes)
        ? images.storeSvg(bytes, drawingName(field.name()), text.value(), user.id(), log)
        : images.store(bytes, text.value(), user.id(), log);
    return image.id();
  }

  private static boolean isDrawing(PictureField field, byte[] bytes) {
    return field.drawing() && SvgSanitiser.looksLikeSvg(bytes);
  }

  /** What a refusal calls the drawing: "SVG logo", "SVG favicon". */
  private static String drawingName(String field) {
    return "SVG " + SettingsForm.LABELS.get(field).toLowerCase(Locale.ROOT);
  }

  /** A picture's words on the photo desk: what it is for, and for whom. */
  private record ImageText(String label, String siteName) {
    ImageStore.ImageText value() {
      return new ImageStore.ImageText(
          label + " of the site", "", (label + " of " + siteName).strip());
    }
  }

  private void refuse(Context ctx, Form form, String field, String reason) {
    var base = field.endsWith("File") ? field.substring(0, field.length() - 4) : field;
    var label = SettingsForm.LABELS.getOrDefault(base, Form.label(base));
    form.error(field, (field.endsWith("File") ? label + " file " : label + " ") + reason);
    show(ctx, form, 400);
  }
}
