package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.testing.AdminClient;
import dev.byline.testing.EventStream;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages already open learn of the breaking banner through {@code /breaking/events}: a stream is
 * sent the banner as it is when it opens, then every change within a second of the editor's save,
 * on the node that saved and on another node of the same database; a node refuses streams beyond
 * its limit (the page then polls), and what is not an event stream is told what to ask for.
 */
class BreakingStreamHttpTest {
  static final String PASSWORD = "a long enough password";

  @TempDir
  Path dir;

  static String local(TestSite site, java.time.Instant t) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
        .format(LocalDateTime.ofInstant(t, site.byline().config().timeZone()));
  }

  static AdminClient editor(TestSite site) {
    site.byline()
        .accounts()
        .users()
        .create("b@example.org", "Bea Desk", Role.EDITOR, PASSWORD, false);
    var editor = new AdminClient(site).signIn("b@example.org", PASSWORD);
    editor.get("/admin/breaking"); // for its CSRF token
    return editor;
  }

  /** Raises a banner through the admin form; returns when the save has been answered. */
  static long raise(TestSite site, AdminClient editor, String text) {
    long start = System.nanoTime();
    var r = editor.postForm(
        "/admin/breaking",
        Map.of(
            "text",
            text,
            "url",
            "/world/vote",
            "expires",
            local(site, java.time.Instant.now().plus(Duration.ofHours(1)))));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    return start;
  }

  static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void an_open_page_is_told_of_every_change_within_a_second_and_streams_are_bounded()
      throws Exception {
    try (var site = TestSite.start(
        TestDatabases.sqlite(dir.resolve("data"), Map.of("breaking.stream.max.clients", "2")))) {
      var editor = editor(site);
      var http = HttpClient.newHttpClient();
      try (var reader = new EventStream(http, site.url(BreakingStream.PATH), "banner")) {
        assertThat(reader.response().statusCode()).isEqualTo(200);
        assertThat(reader.response().headers().firstValue("Content-Type").orElseThrow())
            .startsWith("text/event-stream");
        assertThat(reader.next()).as("the banner as it is on opening: none").isEmpty();

        long start = raise(site, editor, "Parliament dissolved");
        var raised = reader.next();
        long ms = millisSince(start);
        System.out.println("stream: banner raised, event after " + ms + " ms");
        assertThat(raised)
            .containsEntry("text", "Parliament dissolved")
            .containsEntry("url", "/world/vote");
        assertThat(ms).as("event within 1 s of the save").isLessThan(1_000);

        start = raise(site, editor, "Parliament dissolved; election in May");
        assertThat(reader.next()).containsEntry("text", "Parliament dissolved; election in May");
        assertThat(millisSince(start)).isLessThan(1_000);

        start = System.nanoTime();
        assertThat(editor.postForm("/admin/breaking/clear", Map.of()).statusCode())
            .isEqualTo(303);
        assertThat(reader.next()).as("cleared").isEmpty();
        assertThat(millisSince(start)).isLessThan(1_000);

        // The limit: a second stream is taken, a third is refused and told to poll.
        try (var second = new EventStream(http, site.url(BreakingStream.PATH), "banner")) {
          assertThat(second.response().statusCode()).isEqualTo(200);
          assertThat(second.next()).isEmpty();
          var refused = site.get(BreakingStream.PATH, "Accept", "text/event-stream");
          assertThat(refused.statusCode()).isEqualTo(503);
          assertThat(refused.body()).contains(BreakingRoutes.PATH);
        }
      }
      // Readers that left free their places: a server hears of it when writing to them fails (on
      // a change, or the heartbeat every 20 s; the first write after a close may still succeed).
      var news = new java.util.concurrent.atomic.AtomicInteger();
      Eventually.await("closed streams to be let go", Duration.ofSeconds(10), () -> {
        raise(site, editor, "Polls open, update " + news.incrementAndGet());
        try (var again = new EventStream(http, site.url(BreakingStream.PATH), "banner")) {
          return again.response().statusCode() == 200;
        } catch (Exception e) {
          return false;
        }
      });

      var plain = site.get(BreakingStream.PATH);
      assertThat(plain.statusCode()).isEqualTo(406);
      assertThat(plain.body()).contains("text/event-stream");
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void a_node_stops_promptly_while_pages_still_listen() throws Exception {
    var site = TestSite.start(TestDatabases.sqlite(dir.resolve("stopping")));
    var http = HttpClient.newHttpClient();
    var reader = new EventStream(http, site.url(BreakingStream.PATH), "banner");
    try {
      assertThat(reader.next()).isEmpty();
      long start = System.nanoTime();
      site.close(); // the stream is still open
      assertThat(millisSince(start)).as("stopped within 10 s").isLessThan(10_000);
    } finally {
      reader.close();
    }
  }

  @Test
  void a_banner_raised_on_one_node_reaches_pages_open_on_another_within_a_second()
      throws Exception {
    var config = TestDatabases.postgres(dir.resolve("a"));
    var configB = TestDatabases.secondNode(config, dir.resolve("b"));
    try (var a = TestSite.start(config);
        var b = TestSite.start(configB)) {
      var editor = editor(a);
      try (var reader =
          new EventStream(HttpClient.newHttpClient(), b.url(BreakingStream.PATH), "banner")) {
        assertThat(reader.next()).isEmpty();
        long start = raise(a, editor, "Storm reaches the coast");
        var event = reader.next();
        long ms = millisSince(start);
        System.out.println("stream: banner raised on node A, event on node B after " + ms + " ms");
        assertThat(event).containsEntry("text", "Storm reaches the coast");
        assertThat(ms).as("event on the other node within 1 s").isLessThan(1_000);
      }
    }
  }
}
