package dev.byline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.testing.TestSite;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Methods over real HTTP: HEAD answers exactly what GET would, without the body; a method an
 * address does not take is refused with 405 and the methods it does take, before any form or
 * CSRF check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MethodsHttpTest {
  /** Headers a HEAD must repeat from the GET of the same address. */
  static final List<String> MIRRORED = List.of(
      "content-type",
      "cache-control",
      "etag",
      "location",
      "content-security-policy",
      "x-content-type-options",
      "x-frame-options",
      "referrer-policy",
      "surrogate-key");

  @TempDir
  static Path dir;

  TestSite site;
  String article;

  @BeforeAll
  void start() {
    site = TestSite.demo(dir);
    var m =
        Pattern.compile("href=\"(/world/[a-z0-9-]+)\"").matcher(site.get("/").body());
    assertThat(m.find()).as("an article on the front page").isTrue();
    article = m.group(1);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  HttpResponse<String> send(String method, String path, String... headers) {
    return site.send(
        HttpRequest.newBuilder(URI.create(site.url(path)))
            .method(method, HttpRequest.BodyPublishers.noBody()),
        headers,
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void head_answers_what_get_answers_without_the_body_for_pages_that_exist_and_those_that_do_not() {
    for (var path : List.of(
        "/",
        article,
        "/no-such-section/no-such-story",
        "/this-address-is-nothing",
        "/feed",
        "/feed/rss.xml",
        "/sitemap.xml",
        "/api/v1/articles",
        "/api/v1/articles/999999",
        "/admin/photos")) {
      var get = send("GET", path);
      var head = send("HEAD", path);
      assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(get.statusCode());
      assertThat(head.body()).as("HEAD " + path + " body").isEmpty();
      for (var name : MIRRORED) {
        assertThat(head.headers().firstValue(name))
            .as("HEAD " + path + " " + name)
            .isEqualTo(get.headers().firstValue(name));
      }
    }
    assertThat(send("HEAD", "/this-address-is-nothing").statusCode()).isEqualTo(404);
    assertThat(send("HEAD", "/feed").statusCode()).isEqualTo(301);
    assertThat(send("HEAD", article).statusCode()).isEqualTo(200);
  }

  @Test
  void head_of_a_cached_page_is_answered_like_its_get() {
    var get = send("GET", article);
    var again = send("GET", article); // now from the page cache's fast path
    var head = send("HEAD", article);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("etag")).isEqualTo(get.headers().firstValue("etag"));
    assertThat(head.headers().firstValue("content-length"))
        .isEqualTo(again.headers().firstValue("content-length"));
  }

  @Test
  void a_method_a_page_does_not_take_is_refused_with_405_and_the_methods_it_takes() {
    for (var method : List.of("PUT", "DELETE", "PATCH", "POST", "OPTIONS", "FOO")) {
      for (var path : List.of("/", article)) {
        var r = send(method, path);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(405);
        assertThat(r.headers().firstValue("allow")).as(method + " " + path).hasValue("GET, HEAD");
        assertThat(r.headers().firstValue("content-security-policy")).isPresent();
      }
    }
    var photos = send("PUT", "/admin/photos");
    assertThat(photos.statusCode()).isEqualTo(405);
    assertThat(photos.headers().firstValue("allow")).hasValue("GET, HEAD, POST");
    var api = send("DELETE", "/api/v1/articles", "Accept", "application/json");
    assertThat(api.statusCode()).isEqualTo(405);
    assertThat(api.headers().firstValue("allow")).hasValue("GET, HEAD, OPTIONS");
    assertThat(api.body()).contains("\"error\"");
  }

  @Test
  void cors_preflight_on_the_api_still_works() {
    var r = send(
        "OPTIONS",
        "/api/v1/articles",
        "Origin",
        "https://elsewhere.example",
        "Access-Control-Request-Method",
        "GET");
    assertThat(r.statusCode()).isEqualTo(204);
  }

  @Test
  void a_form_post_to_an_address_that_takes_posts_still_meets_the_csrf_check() {
    var r = site.post("/admin/login", "application/x-www-form-urlencoded", "email=a&password=b");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("expired");
  }
}
