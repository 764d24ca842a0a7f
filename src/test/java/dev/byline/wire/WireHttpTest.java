package dev.byline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.Byline;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The desk in the running server: a drop folder, the push endpoint, and what readers then see. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireHttpTest {
  static final String TOKEN = "push-token-for-tests-0123456789";

  @TempDir
  static Path dir;

  MutableClock clock = new MutableClock(Instant.now());
  Byline byline;
  Path drop;
  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  void start() {
    drop = dir.resolve("drop");
    var config = TestDatabases.sqlite(
        dir.resolve("data"),
        Map.of(
            "wire.sources",
            "acme",
            "wire.source.acme.name",
            "Acme News",
            "wire.source.acme.folder",
            drop.toString(),
            "wire.source.acme.publish",
            "auto",
            "wire.source.acme.push.token",
            TOKEN,
            "wire.source.acme.section",
            "world",
            "wire.scan.millis",
            "50"));
    byline = Byline.start(config, clock);
    byline.newsroom().sections().ensure("world", "World", "", 1);
  }

  @AfterAll
  void stop() {
    byline.close();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(byline.url() + path.substring(1))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> push(String token, String body) throws Exception {
    var req = HttpRequest.newBuilder(URI.create(byline.url() + "api/wire/acme"))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) req.header("Authorization", "Bearer " + token);
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String ninjs(String id, int version, String headline, String extra) {
    return "{\"uri\":\"urn:acme:" + id + "\",\"type\":\"text\",\"version\":\"" + version
        + "\",\"versioncreated\":\"2026-03-01T10:0"
        + version + ":00Z\",\"headline\":\"" + headline + "\",\"body_html\":\"<p>Body of "
        + headline + ".</p>\""
        + ",\"byline\":\"Ana Reporter\"" + extra + "}";
  }

  void drop(String name, String content) throws Exception {
    Files.createDirectories(drop);
    var tmp = drop.resolve("." + name + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, drop.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  String pathOf(String guid) {
    var story = byline.newsroom().wire().store().story("acme", guid);
    if (story.isEmpty() || story.get().articleId() == null) return null;
    return byline
        .newsroom()
        .articles()
        .byId(story.get().articleId())
        .map(a -> a.path())
        .orElse(null);
  }

  @Test
  void a_file_dropped_in_the_folder_is_served_as_an_article_then_updated_then_killed()
      throws Exception {
    drop("story-1.json", ninjs("drop1", 1, "Harbour bridge reopens", ""));
    Eventually.await(
        "the dropped story to be published",
        Duration.ofSeconds(10),
        () -> pathOf("urn:acme:drop1") != null);
    var path = pathOf("urn:acme:drop1");
    var page = get(path);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1>Harbour bridge reopens</h1>", "Source: Acme News", "Ana Reporter")
        .doesNotContain("class=\"updated\"");
    Eventually.await(
        "the file to be archived",
        Duration.ofSeconds(10),
        () -> !Files.exists(drop.resolve("story-1.json")));
    try (var archived = Files.walk(drop.resolve("archive"))) {
      assertThat(archived.map(p -> p.getFileName().toString())).contains("story-1.json");
    }

    clock.advance(Duration.ofMinutes(10));
    drop("story-1-v2.json", ninjs("drop1", 2, "Harbour bridge reopens after repairs", ""));
    Eventually.await("the update to be served", Duration.ofSeconds(10), () -> {
      try {
        return get(path).body().contains("Harbour bridge reopens after repairs");
      } catch (Exception e) {
        return false;
      }
    });
    assertThat(get(path).body()).contains("class=\"updated\"", "Updated");

    drop(
        "story-1-kill.json",
        ninjs("drop1", 3, "Harbour bridge reopens after repairs", ",\"pubstatus\":\"canceled\""));
    Eventually.await("the killed story to be gone", Duration.ofSeconds(10), () -> {
      try {
        return get(path).statusCode() == 410;
      } catch (Exception e) {
        return false;
      }
    });
    assertThat(byline
            .newsroom()
            .wire()
            .store()
            .story("acme", "urn:acme:drop1")
            .orElseThrow()
            .state())
        .isEqualTo(StoryState.KILLED);
  }

  @Test
  void
      a_broken_file_in_the_drop_folder_is_quarantined_with_a_note_and_the_next_file_still_comes_in()
          throws Exception {
    drop("broken.xml", "<newsItem guid=\"g\"><itemMeta>");
    drop("after-broken.json", ninjs("after", 1, "Ferries run on time", ""));
    var note = drop.resolve("quarantine").resolve("broken.xml.error.txt");
    Eventually.await(
        "the broken file to be quarantined", Duration.ofSeconds(10), () -> Files.exists(note));
    assertThat(Files.readString(note))
        .contains("file: broken.xml", "where: line 1", "reason: is not well-formed XML");
    Eventually.await(
        "the next story", Duration.ofSeconds(10), () -> pathOf("urn:acme:after") != null);
  }

  @Test
  void the_push_endpoint_takes_items_with_the_source_token_only() throws Exception {
    assertThat(push(null, ninjs("p1", 1, "Pushed story", "")).statusCode()).isEqualTo(401);
    assertThat(
            push("wrong-token-wrong-token", ninjs("p1", 1, "Pushed story", "")).statusCode())
        .isEqualTo(401);
    var ok = push(TOKEN, ninjs("p1", 1, "Pushed story", ""));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"imported\":1");
    assertThat(get(pathOf("urn:acme:p1")).statusCode()).isEqualTo(200);
    var again = push(TOKEN, ninjs("p1", 1, "Pushed story", ""));
    assertThat(again.body()).contains("\"ignored\":1");
    var bad = push(TOKEN, "{\"uri\":\"urn:acme:p2\",");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("not valid JSON");
    try (var q = Files.list(drop.resolve("quarantine"))) {
      assertThat(q.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("push-") && n.endsWith(".error.txt"));
    }
  }
}
