package dev.byline.api.keys;

import static dev.byline.api.ApiReplies.object;

import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.admin.ArticleActions;
import dev.byline.api.ApiError;
import dev.byline.api.ApiGate;
import dev.byline.api.ApiReplies;
import dev.byline.auth.ApiKey;
import dev.byline.auth.ApiScope;
import dev.byline.auth.AuditLog;
import dev.byline.auth.Role;
import dev.byline.auth.User;
import dev.byline.content.Article;
import dev.byline.content.SectionStore;
import dev.byline.json.Json;
import dev.byline.media.ImageStore;
import dev.byline.media.MediaException;
import dev.byline.web.Access;
import dev.byline.web.ClientAddress;
import dev.byline.web.Routes;
import dev.byline.web.Upload;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Admin API: create, change, publish and unpublish articles and upload photos with a scoped
 * key ({@code Authorization: Bearer KEY}). Every change goes through {@link ArticleActions}, the
 * editor's own checks, workflow, revisions and audit log, with the key's name as the actor. Being
 * authenticated by a header a browser never adds by itself, these calls need no CSRF token.
 */
public final class AdminApi implements Routes {
  static final String PREFIX = ApiGate.PREFIX + "admin/";
  /** JSON names of the article fields, and the editor's names for them. */
  static final Map<String, String> FIELDS = fields();

  private final ArticleActions actions;
  private final SectionStore sections;
  private final ImageStore images;
  private final AuditLog audit;
  private final String baseUrl;

  public AdminApi(
      ArticleActions actions,
      SectionStore sections,
      ImageStore images,
      AuditLog audit,
      String baseUrl) {
    this.actions = actions;
    this.sections = sections;
    this.images = images;
    this.audit = audit;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.post(PREFIX + "articles", this::create, Access.TOKEN);
    routes.put(PREFIX + "articles/{id}", this::update, Access.TOKEN);
    routes.post(PREFIX + "articles/{id}/publish", ctx -> step(ctx, true), Access.TOKEN);
    routes.post(PREFIX + "articles/{id}/unpublish", ctx -> step(ctx, false), Access.TOKEN);
    routes.post(PREFIX + "images", this::upload, Access.TOKEN, Upload.FILES);
  }

  private void create(Context ctx) {
    var key = require(ctx, ApiScope.ARTICLES_WRITE);
    var body = body(ctx);
    if (body.has("version")) throw ApiError.badField("version", "version is only for updates");
    answer(ctx, 201, actions.create(actor(key), fields(body), ClientAddress.of(ctx)));
  }

  private void update(Context ctx) {
    var key = require(ctx, ApiScope.ARTICLES_WRITE);
    long id = id(ctx);
    var body = body(ctx);
    var version = body.get("version");
    if (version == null || !version.canConvertToInt())
      throw ApiError.badField(
          "version", "version is required: the version of the article you read");
    answer(
        ctx,
        200,
        actions.update(actor(key), id, version.intValue(), fields(body), ClientAddress.of(ctx)));
  }

  private void step(Context ctx, boolean publish) {
    var key = require(ctx, ApiScope.ARTICLES_PUBLISH);
    long id = id(ctx);
    var ip = ClientAddress.of(ctx);
    answer(
        ctx,
        200,
        publish ? actions.publish(actor(key), id, ip) : actions.unpublish(actor(key), id, ip));
  }

  private void upload(Context ctx) {
    var key = require(ctx, ApiScope.IMAGES_WRITE);
    var file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0)
      throw ApiError.badField("file", "file is missing: send the photo as the multipart part file");
    if (file.size() > ImageStore.MAX_BYTES)
      throw new ApiError(
          413,
          "file is larger than " + (ImageStore.MAX_BYTES / 1024 / 1024) + " MB",
          "file",
          Map.of());
    byte[] bytes;
    try (var in = file.content()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      var image = images.store(
          bytes,
          new ImageStore.ImageText(text(ctx, "caption"), text(ctx, "credit"), text(ctx, "alt")),
          // The key's owner is the uploader; a photo from a key without one is, like a wire
          // picture, one only editors may re-word.
          key.createdBy(),
          (tx, stored) -> audit.record(
              tx,
              actor(key),
              "photo.upload",
              "image",
              stored.id(),
              file.filename() + ", " + stored.width() + "×" + stored.height(),
              ClientAddress.of(ctx)));
      ctx.header("Cache-Control", "no-store");
      ApiReplies.json(
          ctx,
          201,
          object(
              "id", image.id(),
              "url", baseUrl + image.src(),
              "width", image.width(),
              "height", image.height(),
              "alt", image.alt(),
              "caption", image.caption(),
              "credit", image.credit()));
    } catch (MediaException e) {
      var m = e.getMessage();
      var field = m.startsWith("the caption")
          ? "caption"
          : m.startsWith("the credit") ? "credit" : m.startsWith("the alt") ? "alt" : "file";
      throw ApiError.badField(field, m);
    }
  }

  private void answer(Context ctx, int okStatus, ArticleActions.Outcome outcome) {
    ctx.header("Cache-Control", "no-store");
    if (outcome instanceof ArticleActions.Done d) {
      if (okStatus == 201)
        ctx.header("Location", ApiGate.PREFIX + "articles/" + d.article().id());
      ApiReplies.json(ctx, okStatus, state(d.article()));
    } else if (outcome instanceof ArticleActions.Invalid i) {
      var problems = new LinkedHashMap<String, String>();
      i.problems().forEach((f, m) -> problems.put(jsonName(f), m));
      var first = problems.entrySet().iterator().next();
      ApiReplies.json(
          ctx,
          400,
          object("error", first.getValue(), "field", first.getKey(), "problems", problems));
    } else if (outcome instanceof ArticleActions.Refused r) {
      ApiReplies.json(
          ctx, 409, object("error", String.join(" ", r.reasons()), "reasons", r.reasons()));
    } else if (outcome instanceof ArticleActions.Stale s) {
      ApiReplies.json(
          ctx,
          409,
          object(
              "error",
              "someone saved this article after version you read; read it again",
              "current_version",
              s.currentVersion()));
    } else if (outcome instanceof ArticleActions.NotFound n) {
      throw new ApiError(404, "no article has id " + n.id());
    }
  }

  private Map<String, Object> state(Article a) {
    return object(
        "id", a.id(),
        "slug", a.slug(),
        "status", a.status().dbValue(),
        "version", a.version(),
        "headline", a.headline(),
        "language", a.language(),
        "url", baseUrl + a.path());
  }

  /** The key, when it holds {@code scope}: 401 without one, 403 with one that lacks it. */
  static ApiKey require(Context ctx, ApiScope scope) {
    var key = ApiGate.key(ctx)
        .orElseThrow(() -> new ApiError(
            401,
            "this needs an API key with the " + scope.value() + " scope",
            null,
            Map.of("WWW-Authenticate", "Bearer")));
    if (!key.allows(scope))
      throw new ApiError(403, "this key lacks the " + scope.value() + " scope");
    return key;
  }

  /** Who the audit log and revisions name: the key, acting with an editor's rights. */
  static User actor(ApiKey key) {
    return new User(0, "", key.actorName(), Role.EDITOR);
  }

  private static JsonNode body(Context ctx) {
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(ctx.body());
    } catch (IOException e) {
      throw ApiError.badField("body", "the request body is not JSON");
    }
    if (body == null || !body.isObject())
      throw ApiError.badField("body", "the request body must be a JSON object");
    return body;
  }

  /** The editor's fields from a JSON body; unknown names and wrong types are refused by name. */
  private Map<String, String> fields(JsonNode body) {
    var out = new LinkedHashMap<String, String>();
    var names = body.fieldNames();
    while (names.hasNext()) {
      var name = names.next();
      if (name.equals("version")) continue;
      var formName = FIELDS.get(name);
      if (formName == null) throw ApiError.badField(name, name + " is not an article field");
      out.put(formName, value(name, body.get(name)));
    }
    return out;
  }

  private String value(String name, JsonNode v) {
    if (v.isNull()) return "";
    switch (name) {
      case "topics", "bylines" -> {
        if (!v.isArray()) throw ApiError.badField(name, name + " must be a list of names");
        var parts = new java.util.ArrayList<String>();
        for (var item : v) {
          if (!item.isTextual()) throw ApiError.badField(name, name + " must be a list of names");
          if (item.asText().contains(",") || item.asText().contains(";"))
            throw ApiError.badField(name, name + " may not hold commas or semicolons in a name");
          parts.add(item.asText());
        }
        return String.join(", ", parts);
      }
      case "featured_image" -> {
        if (!v.canConvertToLong() || !v.isIntegralNumber())
          throw ApiError.badField(name, "featured_image must be a photo id");
        return Long.toString(v.longValue());
      }
      case "section" -> {
        if (!v.isTextual()) throw ApiError.badField(name, "section must be a section's slug");
        if (v.asText().isEmpty()) return "";
        return sections
            .bySlug(v.asText())
            .map(s -> Long.toString(s.id()))
            .orElseThrow(() -> ApiError.badField(name, "no section has the slug " + v.asText()));
      }
      default -> {
        if (!v.isTextual()) throw ApiError.badField(name, name + " must be a string");
        return v.asText();
      }
    }
  }

  private static String jsonName(String formField) {
    for (var e : FIELDS.entrySet()) if (e.getValue().equals(formField)) return e.getKey();
    return formField.replace('-', '_');
  }

  private static Map<String, String> fields() {
    var m = new LinkedHashMap<String, String>();
    for (var f : ArticleActions.FIELDS) m.put(f.replace('-', '_'), f);
    return Map.copyOf(m);
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiError.badField("id", "id must be a whole number");
    }
  }

  private static String text(Context ctx, String field) {
    var v = ctx.formParam(field);
    return v == null ? "" : v;
  }

  static Set<String> scopeNames() {
    var s = new java.util.TreeSet<String>();
    for (var scope : ApiScope.values()) s.add(scope.value());
    return s;
  }
}
