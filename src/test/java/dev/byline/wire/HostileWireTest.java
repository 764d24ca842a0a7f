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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile deliveries to the running server, through the drop folder and the push endpoint: each
 * one is refused or quarantined with its reason, and the desk goes on taking what comes next.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileWireTest {
  static final String TOKEN = "push-token-for-hostile-tests-0123";

  @TempDir
  static Path dir;

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
            "wire.sources", "acme",
            "wire.source.acme.folder", drop.toString(),
            "wire.source.acme.publish", "auto",
            "wire.source.acme.push.token", TOKEN,
            "wire.scan.millis", "50"));
    byline = Byline.start(config, new MutableClock(Instant.now()));
  }

  @AfterAll
  void stop() {
    byline.close();
  }

  HttpResponse<String> push(byte[] body) throws Exception {
    var req = HttpRequest.newBuilder(URI.create(byline.url() + "api/wire/acme"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Authorization", "Bearer " + TOKEN);
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  static byte[] ninjs(String id, int version, String time, String headline) {
    return ("{\"uri\":\"urn:hostile:" + id + "\",\"type\":\"text\",\"version\":\"" + version
            + "\",\"versioncreated\":\"" + time + "\",\"headline\":\"" + headline
            + "\",\"body_html\":\"<p>Body of " + headline + ".</p>\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  void drop(String name, byte[] content) throws Exception {
    Files.createDirectories(drop);
    var tmp = drop.resolve("." + name + ".tmp");
    Files.write(tmp, content);
    Files.move(tmp, drop.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  boolean stored(String guid) {
    return byline.newsroom().wire().store().story("acme", guid).isPresent();
  }

  String note(String name) throws Exception {
    var note = drop.resolve("quarantine").resolve(name + ".error.txt");
    Eventually.await(name + " to be quarantined", Duration.ofSeconds(10), () -> Files.exists(note));
    return Files.readString(note);
  }

  @Test
  void a_deeply_nested_file_in_the_drop_folder_is_quarantined_and_the_next_file_still_comes_in()
      throws Exception {
    drop("01-deep.xml", HostileInput.deepNitf(5_000));
    drop("02-after-deep.json", ninjs("after-deep", 1, "2026-03-01T10:00:00Z", "Ferries run"));
    Eventually.await(
        "the file after the deep one",
        Duration.ofSeconds(10),
        () -> stored("urn:hostile:after-deep"));
    assertThat(note("01-deep.xml"))
        .contains("reason: nests elements more than " + SafeXml.MAX_DEPTH + " deep");
  }

  @Test
  void a_deeply_nested_push_answers_422_with_a_json_reason() throws Exception {
    var answer = push(HostileInput.deepNitf(5_000));
    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(answer.body()).contains("nests elements more than " + SafeXml.MAX_DEPTH + " deep");
    var next = push(ninjs("after-deep-push", 1, "2026-03-01T10:00:00Z", "Buses run"));
    assertThat(next.statusCode()).isEqualTo(200);
  }
}
