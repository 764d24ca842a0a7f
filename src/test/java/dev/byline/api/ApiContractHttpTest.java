package dev.byline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.byline.auth.ApiKeys;
import dev.byline.auth.ApiScope;
import dev.byline.auth.Tokens;
import dev.byline.testing.TestImages;
import dev.byline.testing.TestSite;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served OpenAPI document is valid OpenAPI 3.1, and every endpoint's real answers, good and
 * refused, match the schema the document gives for that status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractHttpTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  TestSite site;
  ApiNewsroom news;
  JsonNode doc;
  String key;

  @BeforeAll
  void start() throws Exception {
    site = TestSite.start(dir, java.util.Map.of("api.rate.anonymous.per.minute", "100000"));
    news = new ApiNewsroom(site.newsroom());
    assertThat(site.byline().searchIndex().awaitPosition(site.newsroom().feed().head(), 60_000))
        .isTrue();
    key = new ApiKeys(site.newsroom().db(), new Tokens(), Clock.systemUTC())
        .create("Contract", Set.of(ApiScope.values()), null)
        .secret();
    var r = site.get("/api/v1/openapi.json");
    assertThat(r.statusCode()).isEqualTo(200);
    doc = JSON.readTree(r.body());
  }

  @AfterAll
  void stop() {
    site.close();
  }

  @Test
  void the_document_is_valid_openapi_3_1_naming_this_server() {
    var options = new ParseOptions();
    options.setValidateInternalRefs(true);
    var result = new OpenAPIV3Parser().readContents(doc.toString(), null, options);
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(result.getOpenAPI().getServers().get(0).getUrl()).isEqualTo(site.url("/api/v1"));
    assertThat(result.getOpenAPI().getPaths().keySet())
        .contains(
            "/articles",
            "/articles/{id}",
            "/sections",
            "/topics",
            "/authors",
            "/search",
            "/admin/articles",
            "/admin/articles/{id}",
            "/admin/articles/{id}/publish",
            "/admin/articles/{id}/unpublish",
            "/admin/images");
  }

  @Test
  void every_content_answer_matches_its_schema() throws Exception {
    long id = news.published.get(2);
    check("get", "/articles", site.get("/api/v1/articles?limit=2"));
    check("get", "/articles", site.get("/api/v1/articles?section=world&topic=harbour"));
    check("get", "/articles", site.get("/api/v1/articles?limit=0"));
    check("get", "/articles/{id}", site.get("/api/v1/articles/" + id));
    check("get", "/articles/{id}", site.get("/api/v1/articles/" + news.hidden.get(0)));
    check("get", "/articles/{id}", site.get("/api/v1/articles/x"));
    check("get", "/articles/{id}", site.get("/api/v1/articles/" + news.covered));
    check("get", "/articles/{id}/live", site.get("/api/v1/articles/" + news.covered + "/live"));
    check("get", "/articles/{id}/live", site.get("/api/v1/articles/" + id + "/live"));
    check("get", "/articles/{id}/live", site.get("/api/v1/articles/x/live"));
    check("get", "/sections", site.get("/api/v1/sections"));
    check("get", "/topics", site.get("/api/v1/topics"));
    check("get", "/authors", site.get("/api/v1/authors?limit=1"));
    check("get", "/search", site.get("/api/v1/search?q=tides"));
    check("get", "/search", site.get("/api/v1/search?q="));
    check("get", "/sections", site.get("/api/v1/sections", "Authorization", "Bearer byl_no"));
  }

  @Test
  void every_admin_answer_matches_its_schema() throws Exception {
    var created = call("POST", "/api/v1/admin/articles", "{\"headline\":\"Contract story\"}");
    check("post", "/admin/articles", created);
    check("post", "/admin/articles", call("POST", "/api/v1/admin/articles", "{\"colour\":1}"));
    long id = JSON.readTree(created.body()).get("id").asLong();
    var path = "/api/v1/admin/articles/" + id;
    check("post", "/admin/articles/{id}/publish", call("POST", path + "/publish", null));
    var updated = call("PUT", path, "{\"version\":1,\"section\":\"world\"}");
    check("put", "/admin/articles/{id}", updated);
    check("put", "/admin/articles/{id}", call("PUT", path, "{\"version\":1}"));
    check("post", "/admin/articles/{id}/publish", call("POST", path + "/publish", null));
    check("post", "/admin/articles/{id}/unpublish", call("POST", path + "/unpublish", null));
    check(
        "post",
        "/admin/articles/{id}/unpublish",
        call("POST", "/api/v1/admin/articles/999999/unpublish", null));
    var boundary = "----contract";
    var body =
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\""
            + "\r\nContent-Type: image/png\r\n\r\n";
    var out = new java.io.ByteArrayOutputStream();
    out.writeBytes(body.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(TestImages.png(32, 32));
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    var upload = site.send(
        HttpRequest.newBuilder(URI.create(site.url("/api/v1/admin/images")))
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Authorization", "Bearer " + key),
        new String[0],
        HttpResponse.BodyHandlers.ofString());
    check("post", "/admin/images", upload);
  }

  HttpResponse<String> call(String method, String path, String json) {
    var b = HttpRequest.newBuilder(URI.create(site.url(path)))
        .method(
            method,
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + key);
    return site.send(b, new String[0], HttpResponse.BodyHandlers.ofString());
  }

  /** The answer's status is documented for the operation and its body matches that schema. */
  void check(String method, String path, HttpResponse<String> r) throws Exception {
    var responses = doc.at(
        "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method + "/responses");
    assertThat(responses.isMissingNode())
        .as(method + " " + path + " is documented")
        .isFalse();
    var status = Integer.toString(r.statusCode());
    assertThat(responses.has(status))
        .as(method + " " + path + " documents status " + status + " (" + r.body() + ")")
        .isTrue();
    var schemaRef = responses.get(status).at("/content/application~1json/schema");
    assertThat(schemaRef.isMissingNode())
        .as(method + " " + path + " " + status + " has a schema")
        .isFalse();
    var root = (ObjectNode) schemaRef.deepCopy();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.set("components", doc.get("components"));
    var schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root);
    List<String> errors = schema
        .validate(
            JSON.readTree(r.body()),
            ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)))
        .stream()
        .map(Object::toString)
        .toList();
    assertThat(errors).as(method + " " + path + " " + status + ": " + r.body()).isEmpty();
  }
}
