package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.Newsroom;
import dev.byline.auth.Role;
import dev.byline.auth.User;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.related.RelatedChoices;
import dev.byline.related.RelatedFinder;
import dev.byline.search.SearchIndex;
import dev.byline.search.StoryKeys;
import dev.byline.testing.TestDatabases;
import dev.byline.web.Auth;
import dev.byline.web.SecurityHeaders;
import dev.byline.web.Views;
import dev.byline.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editors' related-links page over real HTTP. The sign-in feature puts the user and CSRF
 * token on each request; here a stand-in before-handler does that from test headers, so the
 * page's own checks (role, CSRF) are what is tested.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelatedAdminHttpTest {
  static final String TOKEN = "test-csrf-token";
  @TempDir static Path dir;
  Newsroom newsroom;
  SearchIndex index;
  RelatedChoices choices;
  WebServer server;
  long story;
  long other;
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  void start() throws Exception {
    newsroom = Newsroom.open(TestDatabases.sqlite(dir), Clock.systemUTC());
    index = SearchIndex.open(dir.resolve("index"), newsroom.articles(), newsroom.feed(), StoryKeys.NONE, Clock.systemUTC()).start();
    choices = new RelatedChoices(newsroom.db(), newsroom.feed(), Clock.systemUTC());
    var finder = new RelatedFinder(index, newsroom.articles(), choices, StoryKeys.NONE, 3, 4);
    var section = newsroom.sections().ensure("world", "World", "", 1);
    story = newsroom.articles().create(ArticleDraft.of("Harbour strike ends", "", section.id(), List.of(Block.Paragraph.ofText("Deal done."))));
    other = newsroom.articles().create(ArticleDraft.of("Ferry timetable changes", "", section.id(), List.of(Block.Paragraph.ofText("New times."))));
    newsroom.articles().publish(story);
    newsroom.articles().publish(other);
    server = WebServer.create(SecurityHeaders.strict(false), (status, title, message) -> (status + " " + message).getBytes(),
        List.of(routes -> routes.before(ctx -> {
          var role = ctx.header("X-Test-Role");
          if (role != null) {
            ctx.attribute(Auth.USER_ATTRIBUTE, new User(1, "editor@example.org", "Edi Tor", Role.valueOf(role)));
            ctx.attribute(Auth.CSRF_ATTRIBUTE, TOKEN);
          }
        }), new RelatedAdmin(newsroom.articles(), choices, finder, new Views())), null).start("127.0.0.1", 0);
  }

  @AfterAll
  void stop() {
    server.close();
    index.close();
    newsroom.close();
  }

  HttpResponse<String> get(String path, String role) throws Exception {
    var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET();
    if (role != null) b.header("X-Test-Role", role);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String role, String form) throws Exception {
    var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
    if (role != null) b.header("X-Test-Role", role);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  String page() {
    return "/admin/articles/" + story + "/related";
  }

  @Test
  void signed_out_readers_are_sent_to_sign_in_and_writers_are_refused() throws Exception {
    var r = get(page(), null);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/admin/login?next=");
    assertThat(get(page(), "WRITER").statusCode()).isEqualTo(403);
    assertThat(post(page(), null, "action=pin&target=" + other).statusCode()).isEqualTo(303);
    assertThat(choices.of(story).pinned()).isEmpty();
  }

  @Test
  void an_editor_sees_the_page_with_a_csrf_token_in_every_form() throws Exception {
    var r = get(page(), "EDITOR");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Related links", "Harbour strike ends", "name=\"csrf\" value=\"" + TOKEN + "\"");
    assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");
    assertThat(get("/admin/articles/999999/related", "EDITOR").statusCode()).isEqualTo(404);
  }

  @Test
  void a_change_without_the_csrf_token_is_refused() throws Exception {
    assertThat(post(page(), "EDITOR", "action=pin&target=" + other).statusCode()).isEqualTo(403);
    assertThat(post(page(), "EDITOR", "action=pin&csrf=wrong&target=" + other).statusCode()).isEqualTo(403);
    assertThat(choices.of(story).pinned()).isEmpty();
  }

  @Test
  void an_editor_pins_by_address_blocks_and_clears_and_bad_input_is_named() throws Exception {
    var r = post(page(), "EDITOR", "action=pin&csrf=" + TOKEN + "&target=%2Fworld%2Fferry-timetable-changes");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(choices.of(story).pinned()).containsExactly(other);
    assertThat(get(page(), "EDITOR").body()).contains("Ferry timetable changes", "Pinned by an editor");

    post(page(), "EDITOR", "action=block&csrf=" + TOKEN + "&target=" + other);
    assertThat(choices.of(story).pinned()).isEmpty();
    assertThat(choices.of(story).blocked()).containsExactly(other);

    post(page(), "EDITOR", "action=clear&csrf=" + TOKEN + "&target=" + other);
    assertThat(choices.of(story).blocked()).isEmpty();

    var bad = post(page(), "EDITOR", "action=pin&csrf=" + TOKEN + "&target=" + story);
    assertThat(bad.statusCode()).isEqualTo(303);
    assertThat(get(bad.headers().firstValue("Location").orElseThrow(), "EDITOR").body()).contains("cannot be the article itself");
    assertThat(post(page(), "EDITOR", "action=explode&csrf=" + TOKEN + "&target=" + other).statusCode()).isEqualTo(400);
  }
}
