package dev.byline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.content.InvalidInput;
import dev.byline.content.StaleEdit;
import dev.byline.site.ErrorPages;
import dev.byline.site.PageCache;
import dev.byline.site.Site;
import dev.byline.testing.TestSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors over real HTTP: handlers that throw, answered once by the server for readers (the
 * site's own error page, or plain text when that page fails) and for JSON clients.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorsHttpTest {
  static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  /** What a failure knows and a client must never read. */
  static final String SECRET = "connection to db-7.internal refused for user byline_rw";

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  TestSite site;
  WebServer styled;
  WebServer broken;
  final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  @BeforeAll
  void start() {
    site = TestSite.start(dir);
    var pages = new ErrorPages(new Site(
        site.byline().config(),
        new Views(),
        new PageCache(1 << 20, Clock.systemUTC()),
        site.newsroom().sections(),
        dev.byline.site.SiteText.addTo(StaticAssets.load())));
    styled = server(pages);
    broken = server((status, title, message) -> {
      throw new IllegalStateException("the error template is missing");
    });
  }

  @AfterAll
  void stop() {
    styled.close();
    broken.close();
    site.close();
  }

  static WebServer server(ErrorRenderer pages) {
    Routes failing = r -> {
      r.get("/story", ctx -> {
        throw new IllegalStateException(SECRET);
      });
      r.get(
          "/api/story",
          ctx -> {
            throw new IllegalStateException(SECRET);
          },
          Access.TOKEN);
      r.get("/headline", ctx -> {
        throw new InvalidInput("headline", "is empty");
      });
      r.post("/save", ctx -> {
        throw new StaleEdit(7, 3, 4);
      });
    };
    var headers = SecurityHeaders.of(List.of(), List.of(), List.of(), List.of(), false);
    return WebServer.create(headers, pages, List.of(failing), null, Listener.bind("127.0.0.1", 0))
        .start();
  }

  HttpResponse<String> send(WebServer server, String method, String path, String accept) {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .header("Accept", accept)
        .timeout(Duration.ofSeconds(30))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(HttpResponse<String> r) throws Exception {
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return JSON.readValue(r.body(), Map.class);
  }

  static void tellsNothingOfTheCause(HttpResponse<String> r) {
    assertThat(r.body())
        .doesNotContain(SECRET, "IllegalStateException", "at dev.byline", "the error template");
  }

  @Test
  void a_reader_meeting_an_unexpected_failure_gets_the_sites_styled_500_page() {
    var r = send(styled, "GET", "/story", BROWSER);
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/html")
        .contains("charset=utf-8");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(r.body())
        .contains(
            "Error 500",
            "Something went wrong",
            "The page could not be shown. Please try again in a moment.",
            "/static/site.css",
            "Go to the front page");
    tellsNothingOfTheCause(r);
  }

  @Test
  void when_the_error_page_itself_fails_the_reader_still_gets_plain_text() {
    var r = send(broken, "GET", "/story", BROWSER);
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain")
        .contains("charset=utf-8");
    assertThat(r.body())
        .isEqualTo("500 Something went wrong\n\n"
            + "The page could not be shown. Please try again in a moment.\n");
    tellsNothingOfTheCause(r);
  }

  @Test
  void a_json_client_gets_a_json_500_that_names_no_cause() throws Exception {
    var asked = send(styled, "GET", "/story", "application/json");
    assertThat(asked.statusCode()).isEqualTo(500);
    assertThat(json(asked))
        .isEqualTo(
            Map.of("error", "The request could not be handled. Please try again in a moment."));
    tellsNothingOfTheCause(asked);

    // An API address answers JSON whatever the client says it accepts, even when pages fail.
    var api = send(broken, "GET", "/api/story", BROWSER);
    assertThat(api.statusCode()).isEqualTo(500);
    assertThat(json(api).containsKey("error")).isTrue();
    tellsNothingOfTheCause(api);
  }

  @Test
  void bad_input_is_a_400_naming_the_field_as_a_page_or_as_json() throws Exception {
    var page = send(styled, "GET", "/headline", BROWSER);
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("Bad request", "headline is empty");

    var data = send(styled, "GET", "/headline", "application/json, text/plain;q=0.5");
    assertThat(data.statusCode()).isEqualTo(400);
    assertThat(json(data)).isEqualTo(Map.of("error", "headline is empty", "field", "headline"));
  }

  @Test
  void a_save_over_someone_elses_newer_version_is_a_409() throws Exception {
    var page = send(styled, "POST", "/save", BROWSER);
    assertThat(page.statusCode()).isEqualTo(409);
    assertThat(page.body()).contains("was changed by someone else");

    var data = send(styled, "POST", "/save", "application/json");
    assertThat(data.statusCode()).isEqualTo(409);
    assertThat((String) json(data).get("error")).contains("was changed by someone else");
  }

  @Test
  void a_browser_that_lists_html_first_gets_a_page_and_an_api_gets_json_for_a_missing_address()
      throws Exception {
    assertThat(send(styled, "GET", "/nothing", BROWSER).body()).contains("Page not found");
    assertThat(send(styled, "GET", "/nothing", "*/*").body()).contains("Page not found");
    var api = send(styled, "GET", "/api/nothing", BROWSER);
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(json(api)).isEqualTo(Map.of("error", "There is nothing at this address."));
  }
}
