package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.json.Json;
import dev.byline.testing.AdminClient;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The breaking banner changes while the cached pages do not: raising, changing and clearing it
 * leaves an article page's bytes and ETag as they were (not even re-rendered), and only the small
 * {@code /breaking.json} fragment says something new. Its expiry takes it down by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BreakingBannerHttpTest {
  static final String PASSWORD = "a long enough password";

  @TempDir
  static Path dir;

  TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
  TestSite site;
  AdminClient editor;
  String article;

  @BeforeAll
  void start() {
    site = TestSite.start(TestDatabases.sqlite(dir.resolve("data")), clock);
    site.byline()
        .accounts()
        .users()
        .create("b@example.org", "Bea Desk", Role.EDITOR, PASSWORD, false);
    editor = new AdminClient(site).signIn("b@example.org", PASSWORD);
    editor.get("/admin/breaking"); // for its CSRF token
    var newsroom = site.newsroom();
    long world = newsroom.sections().ensure("world", "World", "", 1).id();
    long id = newsroom
        .articles()
        .create(ArticleDraft.of(
            "Harbour reopens", "Ships return.", world, List.of(new Block.Paragraph("Text."))));
    newsroom.articles().publish(id);
    article = newsroom.articles().byId(id).orElseThrow().path();
  }

  @AfterAll
  void stop() {
    site.close();
  }

  String local(Instant t) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
        .format(LocalDateTime.ofInstant(t, site.byline().config().timeZone()));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> banner() throws Exception {
    var r = site.get(BreakingRoutes.PATH);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Surrogate-Key").orElseThrow()).isEqualTo("breaking");
    return Json.MAPPER.readValue(r.body(), Map.class);
  }

  void raise(String text, String url) {
    var r = editor.postForm(
        "/admin/breaking",
        Map.of(
            "text", text, "url", url, "expires", local(clock.instant().plus(Duration.ofHours(1)))));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
  }

  @Test
  void every_reader_gets_the_same_cached_article_bytes_while_the_banner_changes() throws Exception {
    var before = site.getBytes(article);
    assertThat(before.statusCode()).isEqualTo(200);
    var etag = before.headers().firstValue("ETag").orElseThrow();
    assertThat(new String(before.body(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("/static/breaking.js?v=")
        .doesNotContain("Parliament dissolved");
    assertThat(banner()).isEmpty();
    long renders = site.byline().pageCache().renderCount();

    raise("Parliament dissolved", "/world/vote");
    assertThat(banner())
        .containsEntry("text", "Parliament dissolved")
        .containsEntry("url", "/world/vote");
    var during = site.getBytes(article);
    assertThat(Arrays.equals(during.body(), before.body())).as("same bytes").isTrue();
    assertThat(during.headers().firstValue("ETag")).hasValue(etag);
    // A reader revalidating the page still gets 304: nothing about it changed.
    assertThat(site.getBytes(article, "If-None-Match", etag).statusCode()).isEqualTo(304);

    raise("Parliament dissolved; election in May", "");
    assertThat(banner())
        .containsEntry("text", "Parliament dissolved; election in May")
        .containsEntry("url", "");
    assertThat(Arrays.equals(site.getBytes(article).body(), before.body())).isTrue();

    var cleared = editor.postForm("/admin/breaking/clear", Map.of());
    assertThat(cleared.statusCode()).isEqualTo(303);
    assertThat(banner()).isEmpty();
    var after = site.getBytes(article);
    assertThat(Arrays.equals(after.body(), before.body())).isTrue();
    assertThat(after.headers().firstValue("ETag")).hasValue(etag);
    // The article page was never rendered again: only the fragment was (three changes, three
    // renders).
    assertThat(site.byline().pageCache().renderCount() - renders).isEqualTo(3);
  }

  @Test
  void an_expired_banner_comes_down_by_itself_and_bad_input_is_refused() throws Exception {
    raise("Storm warning", "https://weather.example.org/");
    assertThat(banner()).containsEntry("text", "Storm warning");
    clock.advance(Duration.ofMinutes(61));
    Eventually.await("the expired banner to come down", Duration.ofSeconds(5), () -> {
      try {
        return banner().isEmpty();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    var bad = editor.postForm(
        "/admin/breaking",
        Map.of(
            "text",
            "",
            "url",
            "javascript:alert(1)",
            "expires",
            local(clock.instant().minusSeconds(60))));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("must be a time in the future");
    var badLink = editor.postForm(
        "/admin/breaking",
        Map.of(
            "text",
            "x",
            "url",
            "javascript:alert(1)",
            "expires",
            local(clock.instant().plusSeconds(600))));
    assertThat(badLink.body()).contains("Link must start with https://");
    var empty = editor.postForm(
        "/admin/breaking",
        Map.of("text", " ", "url", "", "expires", local(clock.instant().plusSeconds(600))));
    assertThat(empty.body()).contains("Text is empty");
    assertThat(banner()).isEmpty();
  }
}
