package dev.byline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.auth.ApiKeys;
import dev.byline.auth.ApiScope;
import dev.byline.auth.Role;
import dev.byline.auth.Tokens;
import dev.byline.content.ArticleStatus;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestImages;
import dev.byline.testing.TestSite;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scoped API keys over real HTTP: made and revoked by administrators in /admin, and the Admin
 * API's changes going through the editor's rules, refused with JSON that says why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiHttpTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "a long enough password";
  static final Pattern SECRET =
      Pattern.compile("<code class=\"secret\">(byl_[A-Za-z0-9_-]+)</code>");

  @TempDir
  static Path dir;

  TestSite site;
  AdminClient admin;
  ApiKeys keys;
  String writeKey;
  String publishKey;
  String imageKey;

  @BeforeAll
  void start() {
    site = TestSite.start(dir);
    var users = site.byline().accounts().users();
    users.create("admin@example.org", "Ada Admin", Role.ADMIN, PASSWORD, false);
    users.create("editor@example.org", "Ed Editor", Role.EDITOR, PASSWORD, false);
    admin = new AdminClient(site).signIn("admin@example.org", PASSWORD);
    site.newsroom().sections().ensure("world", "World", "", 1);
    keys = new ApiKeys(site.newsroom().db(), new Tokens(), Clock.systemUTC());
    writeKey = keys.create("Desk app", Set.of(ApiScope.ARTICLES_WRITE), null).secret();
    publishKey = keys.create(
            "Publisher", Set.of(ApiScope.ARTICLES_WRITE, ApiScope.ARTICLES_PUBLISH), null)
        .secret();
    imageKey = keys.create("Photo sync", Set.of(ApiScope.IMAGES_WRITE), null).secret();
  }

  @AfterAll
  void stop() {
    site.close();
  }

  HttpResponse<String> call(String method, String path, String key, String json) {
    var b = HttpRequest.newBuilder(URI.create(site.url(path)))
        .method(
            method,
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json");
    if (key != null) b.header("Authorization", "Bearer " + key);
    return site.send(b, new String[0], HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return JSON.readTree(r.body());
  }

  long create(String key, String body) throws Exception {
    var r = call("POST", "/api/v1/admin/articles", key, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).get("id").asLong();
  }

  @Test
  void an_administrator_makes_a_key_sees_its_secret_once_and_revokes_it() throws Exception {
    admin.get("/admin/api-keys");
    var made = admin.postForm(
        "/admin/api-keys", Map.of("name", "Newsletter tool", "scope", "articles:write"));
    assertThat(made.statusCode()).isEqualTo(201);
    var m = SECRET.matcher(made.body());
    assertThat(m.find()).as(made.body()).isTrue();
    var secret = m.group(1);
    var page = admin.get("/admin/api-keys");
    assertThat(page.body()).contains("Newsletter tool", "articles:write").doesNotContain(secret);
    var stored = site.newsroom()
        .db()
        .jdbi()
        .withHandle(
            h -> h.createQuery("SELECT secret_hash FROM api_key WHERE name = 'Newsletter tool'")
                .mapTo(String.class)
                .one());
    assertThat(stored).isEqualTo(Tokens.sha256(secret)).doesNotContain(secret);

    assertThat(call("POST", "/api/v1/admin/articles", secret, "{\"headline\":\"Works\"}")
            .statusCode())
        .isEqualTo(201);
    long id = keys.all().stream()
        .filter(k -> k.name().equals("Newsletter tool"))
        .findFirst()
        .orElseThrow()
        .id();
    var revoked = admin.postForm("/admin/api-keys/" + id + "/revoke", Map.of());
    assertThat(revoked.statusCode()).isEqualTo(303);
    var after = call("POST", "/api/v1/admin/articles", secret, "{\"headline\":\"Refused\"}");
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(json(after).get("error").asText()).contains("revoked");
    assertThat(admin.get("/admin/audit").body()).contains("api-key.create", "api-key.revoke");
  }

  @Test
  void key_pages_are_for_administrators_and_their_forms_need_the_csrf_token() {
    var editor = new AdminClient(site).signIn("editor@example.org", PASSWORD);
    assertThat(editor.get("/admin/api-keys").statusCode()).isEqualTo(403);
    editor.get("/admin");
    assertThat(editor.postForm("/admin/api-keys", Map.of("name", "Sneaky")).statusCode())
        .isEqualTo(403);
    admin.get("/admin/api-keys");
    var noToken = admin.postRaw("/admin/api-keys", Map.of("name", "No token"));
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(keys.all()).noneMatch(k -> k.name().equals("Sneaky") || k.name().equals("No token"));
  }

  @Test
  void a_story_written_through_the_api_follows_the_editors_workflow_and_is_audited()
      throws Exception {
    long id = create(
        writeKey,
        "{\"headline\":\"Port talks resume\",\"standfirst\":\"Both sides return.\","
            + "\"body\":\"Talks **resumed** today.\\n\\n<script>alert(1)</script>\","
            + "\"topics\":[\"Harbour\",\"Ana Vestergaard (person)\"],\"bylines\":[\"Pia Reporter\"]}");
    var stored = site.newsroom().articles().byId(id).orElseThrow();
    assertThat(stored.status()).isEqualTo(ArticleStatus.DRAFT);
    assertThat(stored.bodyText()).contains("Talks resumed today").doesNotContain("alert(1)");
    assertThat(stored.topics()).extracting(t -> t.name()).contains("Harbour", "Ana Vestergaard");
    assertThat(site.get("/api/v1/articles/" + id).statusCode()).isEqualTo(404);

    var noScope = call("POST", "/api/v1/admin/articles/" + id + "/publish", writeKey, null);
    assertThat(noScope.statusCode()).isEqualTo(403);
    assertThat(json(noScope).get("error").asText()).contains("articles:publish");

    var noSection = call("POST", "/api/v1/admin/articles/" + id + "/publish", publishKey, null);
    assertThat(noSection.statusCode()).isEqualTo(409);
    assertThat(json(noSection).get("reasons").get(0).asText()).contains("Choose a section");

    var update = call(
        "PUT",
        "/api/v1/admin/articles/" + id,
        writeKey,
        "{\"version\":" + stored.version() + ",\"section\":\"world\"}");
    assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
    var updated = json(update);
    assertThat(updated.get("version").asInt()).isGreaterThan(stored.version());
    assertThat(site.newsroom().articles().byId(id).orElseThrow().headline())
        .as("fields left out keep their value")
        .isEqualTo("Port talks resume");

    var stale = call(
        "PUT",
        "/api/v1/admin/articles/" + id,
        writeKey,
        "{\"version\":" + stored.version() + ",\"headline\":\"Lost\"}");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(json(stale).get("current_version").asInt())
        .isEqualTo(updated.get("version").asInt());

    var published = call("POST", "/api/v1/admin/articles/" + id + "/publish", publishKey, null);
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    assertThat(json(published).get("status").asText()).isEqualTo("published");
    assertThat(site.get("/api/v1/articles/" + id).statusCode()).isEqualTo(200);

    var gone = call("POST", "/api/v1/admin/articles/" + id + "/unpublish", publishKey, null);
    assertThat(gone.statusCode()).isEqualTo(200);
    assertThat(site.get("/api/v1/articles/" + id).statusCode()).isEqualTo(404);

    var audit = site.byline().accounts().audit().recent("article.", 0, 50);
    assertThat(audit)
        .filteredOn(e -> e.subjectId() != null && e.subjectId() == id)
        .extracting(e -> e.action() + " by " + e.userName())
        .contains(
            "article.create by API key Desk app",
            "article.save by API key Desk app",
            "article.publish by API key Publisher",
            "article.unpublish by API key Publisher");
  }

  @Test
  void a_story_s_language_is_written_and_read_through_the_apis_and_a_bad_one_is_refused_by_name()
      throws Exception {
    long id = create(
        publishKey,
        "{\"headline\":\"Hafengespräche gehen weiter\",\"body\":\"Die Gespräche gehen weiter.\","
            + "\"section\":\"world\",\"language\":\"pt-br\"}");
    assertThat(site.newsroom().articles().byId(id).orElseThrow().language()).isEqualTo("pt-BR");
    var version = site.newsroom().articles().byId(id).orElseThrow().version();
    var update = call(
        "PUT",
        "/api/v1/admin/articles/" + id,
        publishKey,
        "{\"version\":" + version + ",\"language\":\"de\"}");
    assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
    assertThat(json(update).get("language").asText()).isEqualTo("de");

    var bad = call(
        "PUT",
        "/api/v1/admin/articles/" + id,
        publishKey,
        "{\"version\":" + json(update).get("version").asInt() + ",\"language\":\"german\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("field").asText()).isEqualTo("language");
    assertThat(json(bad).get("error").asText()).contains("\"german\" is not a known language");
    assertThat(site.newsroom().articles().byId(id).orElseThrow().language()).isEqualTo("de");

    var published = call("POST", "/api/v1/admin/articles/" + id + "/publish", publishKey, null);
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    var read = json(site.get("/api/v1/articles/" + id));
    assertThat(read.get("language").asText()).isEqualTo("de");

    var cleared = call(
        "PUT",
        "/api/v1/admin/articles/" + id,
        publishKey,
        "{\"version\":" + json(published).get("version").asInt() + ",\"language\":null}");
    assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
    assertThat(json(cleared).get("language").isNull()).isTrue();
  }

  @Test
  void without_a_working_key_or_with_the_wrong_scope_nothing_changes() throws Exception {
    int before = site.newsroom().desk().countByStatus().values().stream()
        .mapToInt(i -> i)
        .sum();
    var none = call("POST", "/api/v1/admin/articles", null, "{\"headline\":\"No key\"}");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(json(none).get("error").asText()).contains("articles:write");
    var wrong = call("POST", "/api/v1/admin/articles", "byl_wrong", "{\"headline\":\"Wrong\"}");
    assertThat(wrong.statusCode()).isEqualTo(401);
    var scope = call("POST", "/api/v1/admin/articles", imageKey, "{\"headline\":\"Scope\"}");
    assertThat(scope.statusCode()).isEqualTo(403);
    assertThat(json(scope).get("error").asText()).contains("articles:write");
    var image = site.send(
        multipart("/api/v1/admin/images", writeKey, TestImages.jpeg(40, 30), "a.jpg"),
        new String[0],
        HttpResponse.BodyHandlers.ofString());
    assertThat(image.statusCode()).isEqualTo(403);
    int after = site.newsroom().desk().countByStatus().values().stream()
        .mapToInt(i -> i)
        .sum();
    assertThat(after).isEqualTo(before);
  }

  @Test
  void bad_input_answers_400_naming_the_field_and_stores_nothing() throws Exception {
    int before = site.newsroom().desk().countByStatus().values().stream()
        .mapToInt(i -> i)
        .sum();
    var cases = Map.of(
        "{\"standfirst\":\"No headline\"}",
        "headline",
        "{\"headline\":\"" + "x".repeat(301) + "\"}",
        "headline",
        "{\"headline\":\"Ok\",\"colour\":\"red\"}",
        "colour",
        "{\"headline\":\"Ok\",\"section\":\"no-such\"}",
        "section",
        "{\"headline\":\"Ok\",\"topics\":\"not a list\"}",
        "topics",
        "{\"headline\":\"Ok\",\"featured_image\":999999}",
        "featured_image",
        "{\"headline\":\"Ok\",\"slug\":\"Not A Slug!\"}",
        "slug",
        "{\"headline\":\"Ok\",\"version\":3}",
        "version",
        "not json",
        "body");
    for (var c : cases.entrySet()) {
      var r = call("POST", "/api/v1/admin/articles", writeKey, c.getKey());
      assertThat(r.statusCode()).as(c.getKey() + " " + r.body()).isEqualTo(400);
      assertThat(json(r).get("field").asText()).as(c.getKey()).isEqualTo(c.getValue());
    }
    var noVersion = call("PUT", "/api/v1/admin/articles/1", writeKey, "{\"headline\":\"x\"}");
    assertThat(json(noVersion).get("field").asText()).isEqualTo("version");
    int after = site.newsroom().desk().countByStatus().values().stream()
        .mapToInt(i -> i)
        .sum();
    assertThat(after).isEqualTo(before);
  }

  @Test
  void a_photo_uploaded_with_the_images_scope_is_stored_and_a_non_photo_is_refused()
      throws Exception {
    var r = site.send(
        multipart("/api/v1/admin/images", imageKey, TestImages.jpeg(64, 48), "harbour.jpg"),
        new String[0],
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    long id = json(r).get("id").asLong();
    assertThat(site.newsroom().images().byId(id)).isPresent();
    assertThat(json(r).get("alt").asText()).isEqualTo("Boats at dawn");
    var bad = site.send(
        multipart(
            "/api/v1/admin/images",
            imageKey,
            "<html>not a photo</html>".getBytes(StandardCharsets.UTF_8),
            "fake.jpg"),
        new String[0],
        HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("field").asText()).isEqualTo("file");
  }

  @Test
  void a_photo_from_a_key_belongs_to_the_key_s_owner_and_from_an_ownerless_key_to_no_one()
      throws Exception {
    long owner = site.byline()
        .accounts()
        .users()
        .create("owner@example.org", "Owen Owner", Role.EDITOR, PASSWORD, false)
        .id();
    var owned =
        keys.create("Owned photo sync", Set.of(ApiScope.IMAGES_WRITE), owner).secret();

    var fromOwned = site.send(
        multipart("/api/v1/admin/images", owned, TestImages.jpeg(66, 48), "owned.jpg"),
        new String[0],
        HttpResponse.BodyHandlers.ofString());
    var fromOwnerless = site.send(
        multipart("/api/v1/admin/images", imageKey, TestImages.jpeg(68, 48), "agency.jpg"),
        new String[0],
        HttpResponse.BodyHandlers.ofString());

    assertThat(fromOwned.statusCode()).as(fromOwned.body()).isEqualTo(201);
    assertThat(fromOwnerless.statusCode()).as(fromOwnerless.body()).isEqualTo(201);
    var images = site.newsroom().images();
    assertThat(images.byId(json(fromOwned).get("id").asLong()).orElseThrow().uploadedBy())
        .isEqualTo(owner);
    assertThat(images.byId(json(fromOwnerless).get("id").asLong()).orElseThrow().uploadedBy())
        .isNull();
  }

  HttpRequest.Builder multipart(String path, String key, byte[] file, String name) {
    var boundary = "----api" + System.nanoTime();
    var out = new java.io.ByteArrayOutputStream();
    var head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n"
        + "Boats at dawn\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(site.url(path)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", "Bearer " + key);
  }
}
