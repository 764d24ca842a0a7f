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

  String headlineOf(String guid) {
    var story = byline.newsroom().wire().store().story("acme", guid);
    if (story.isEmpty() || story.get().articleId() == null) return "";
    return byline
        .newsroom()
        .articles()
        .byId(story.get().articleId())
        .orElseThrow()
        .headline();
  }

  @Test
  void a_same_version_correction_supersedes_through_the_folder_and_the_push_and_holds_up_nothing()
      throws Exception {
    drop("10-first.json", ninjs("fix", 3, "2026-03-01T10:00:00Z", "Mayor resigns"));
    Eventually.await(
        "the first version",
        Duration.ofSeconds(10),
        () -> headlineOf("urn:hostile:fix").equals("Mayor resigns"));
    drop("11-correction.json", ninjs("fix", 3, "2026-03-01T10:05:00Z", "Deputy mayor resigns"));
    drop("12-other.json", ninjs("fix-other", 1, "2026-03-01T10:06:00Z", "Trams run again"));
    Eventually.await(
        "the correction and the file after it",
        Duration.ofSeconds(10),
        () -> headlineOf("urn:hostile:fix").equals("Deputy mayor resigns")
            && stored("urn:hostile:fix-other"));
    Eventually.await(
        "the correction to be archived",
        Duration.ofSeconds(10),
        () -> !Files.exists(drop.resolve("11-correction.json")));
    assertThat(drop.resolve("quarantine").resolve("11-correction.json")).doesNotExist();

    var pushed = push(ninjs("fix", 3, "2026-03-01T10:09:00Z", "Deputy mayor resigns over budget"));
    assertThat(pushed.statusCode()).isEqualTo(200);
    assertThat(pushed.body()).contains("\"updated\":1");
    assertThat(headlineOf("urn:hostile:fix")).isEqualTo("Deputy mayor resigns over budget");
  }

  @Test
  void
      a_file_the_database_keeps_refusing_is_tried_again_then_quarantined_without_holding_up_others()
          throws Exception {
    var db = byline.newsroom().db();
    db.jdbi()
        .useHandle(
            h -> h.execute(
                "CREATE TRIGGER refuse_poison BEFORE INSERT ON wire_item "
                    + "WHEN NEW.guid LIKE 'urn:hostile:poison%' BEGIN SELECT RAISE(ABORT, 'poisoned'); END"));
    try {
      drop("20-poison.json", ninjs("poison", 1, "2026-03-01T10:00:00Z", "Never stored"));
      drop("21-after-poison.json", ninjs("after-poison", 1, "2026-03-01T10:00:00Z", "Ports open"));
      Eventually.await(
          "the file after the failing one",
          Duration.ofSeconds(10),
          () -> stored("urn:hostile:after-poison"));
      assertThat(drop.resolve("20-poison.json")).exists();
      assertThat(note("20-poison.json"))
          .contains("could not be stored")
          .contains("tried " + DropFolder.MAX_ATTEMPTS + " times")
          .doesNotContain("Never stored");
      assertThat(stored("urn:hostile:poison")).isFalse();
    } finally {
      db.jdbi().useHandle(h -> h.execute("DROP TRIGGER refuse_poison"));
    }
  }

  static final String SECRET = "TOPSECRETWORD";

  @Test
  void a_link_in_the_drop_folder_is_refused_and_neither_its_target_nor_its_bytes_get_out()
      throws Exception {
    var outside = Files.createDirectories(dir.resolve("outside"));
    var story = outside.resolve("story.json");
    Files.write(story, ninjs("linked", 1, "2026-03-01T10:00:00Z", "Linked from elsewhere"));
    var secret = outside.resolve("secret.txt");
    Files.writeString(secret, SECRET + " and the rest of a private file");
    Files.createDirectories(drop);
    Files.createSymbolicLink(drop.resolve("30-link.json"), story);
    Files.createSymbolicLink(drop.resolve("31-link.xml"), secret);
    drop("32-after-links.json", ninjs("after-links", 1, "2026-03-01T10:00:00Z", "Docks reopen"));
    Eventually.await(
        "the file after the links",
        Duration.ofSeconds(10),
        () -> stored("urn:hostile:after-links"));
    assertThat(note("30-link.json")).contains("is a symbolic link");
    assertThat(note("31-link.xml")).contains("is a symbolic link").doesNotContain(SECRET);
    assertThat(stored("urn:hostile:linked")).isFalse();
    assertThat(story).exists();
    assertThat(Files.readString(secret)).startsWith(SECRET);
    assertThat(drop.resolve("quarantine").resolve("31-link.xml")).isSymbolicLink();
  }

  @Test
  void a_pipe_or_a_folder_in_the_drop_folder_is_refused_with_a_note() throws Exception {
    Files.createDirectories(drop);
    var pipe = drop.resolve("40-pipe.xml");
    assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
    Files.createDirectories(drop.resolve("41-folder"));
    assertThat(note("40-pipe.xml")).contains("is not a regular file");
    assertThat(note("41-folder")).contains("is a folder");
  }

  @Test
  void notes_on_unreadable_files_never_quote_what_the_files_hold() throws Exception {
    drop("50-words.xml", (SECRET + " is not a wire file").getBytes(StandardCharsets.UTF_8));
    drop("51-json.json", ("{\"uri\": " + SECRET + "}").getBytes(StandardCharsets.UTF_8));
    drop("52-xml.xml", ("<nitf><" + SECRET + "></nitf>").getBytes(StandardCharsets.UTF_8));
    drop(
        "53-field.xml",
        HostileInput.fixture("agencies/efe_nitf.xml")
            .replace("management-status=\"usable\"", "management-status=\"" + SECRET + "\"")
            .getBytes(StandardCharsets.UTF_8));
    for (var name : java.util.List.of("50-words.xml", "51-json.json", "52-xml.xml", "53-field.xml"))
      assertThat(note(name)).as(name).contains("reason: ").doesNotContain(SECRET);
  }
}
