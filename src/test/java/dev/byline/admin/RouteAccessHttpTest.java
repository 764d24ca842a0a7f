package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.testing.TestSite;
import dev.byline.web.Access;
import dev.byline.web.Listener;
import dev.byline.web.Routes;
import dev.byline.web.SecurityHeaders;
import dev.byline.web.WebServer;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every newsroom and API route the running server has, read from its own route table, asked by
 * somebody signed out, a writer and an editor: each must refuse whom its rule leaves out. A route
 * added without a rule fails this test, so no list here needs updating when routes are added.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessHttpTest {
  static final String PASSWORD = "a long enough password";
  static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  static final String JSON = "application/json";
  static final String PUSH_SOURCE = "acme";

  /** The only newsroom routes open to anybody: signing in and out. */
  static final Set<String> OPEN = Set.of(
      "GET /admin/login",
      "POST /admin/login",
      // The two-factor code step: no session exists until it succeeds; it needs the pending
      // sign-in's cookie, which only the right password gives.
      "GET /admin/login/code",
      "POST /admin/login/code",
      "POST /admin/logout",
      // The Content API reads only what readers can read; the rest of /api/v1 answers 404 to
      // GET and 405 to other methods.
      "GET /api/v1/articles",
      "GET /api/v1/articles/{id}",
      "GET /api/v1/articles/{id}/live",
      "GET /api/v1/sections",
      "GET /api/v1/topics",
      "GET /api/v1/authors",
      "GET /api/v1/search",
      "GET /api/v1/openapi.json",
      "OPTIONS /api/v1/*",
      "GET /api/v1/*");

  @TempDir
  static Path dir;

  TestSite site;

  @BeforeAll
  void start() {
    site = TestSite.start(
        dir,
        Map.of(
            "wire.sources",
            PUSH_SOURCE,
            "wire.source.acme.name",
            "Acme News",
            "wire.source.acme.folder",
            dir.resolve("drop").toString(),
            "wire.source.acme.push.token",
            "push-token-for-route-tests-0123456789",
            // Newsletters on, so their admin routes and the bounce intake are walked too.
            "newsletter.smtp.host",
            "127.0.0.1",
            "newsletter.briefing.time",
            "",
            "newsletter.bounce.secret",
            "bounce-secret-for-route-tests"));
    var users = site.byline().accounts().users();
    users.create("writer@example.org", "Wes Writer", Role.WRITER, PASSWORD, false);
    users.create("editor@example.org", "Eda Editor", Role.EDITOR, PASSWORD, false);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  @Test
  void every_newsroom_and_api_route_refuses_whom_its_rule_leaves_out() {
    var routes = site.byline().routes();
    var guarded = routes.stream().filter(r -> guarded(r.path())).toList();
    assertThat(guarded).hasSizeGreaterThan(50);
    assertThat(guarded)
        .extracting(r -> r.method() + " " + r.path())
        .contains(
            "POST /api/wire/{source}",
            "GET /admin/users",
            "POST /admin/articles/{id}",
            "POST /api/newsletter/bounces",
            "GET /admin/newsletter/subscribers.csv");
    assertThat(guarded.stream()
            .filter(r -> r.access().equals(Optional.of(Access.ANYONE)))
            .map(r -> r.method() + " " + r.path()))
        .containsExactlyInAnyOrderElementsOf(OPEN);

    var base = site.url("");
    var problems = walk(
        routes,
        Visitor.signedOut(base),
        Visitor.signedIn(base, "writer@example.org", Role.WRITER),
        Visitor.signedIn(base, "editor@example.org", Role.EDITOR));
    assertThat(problems).isEmpty();
  }

  /** Newsroom areas and the least role that may touch anything in them, as docs/admin.md has it. */
  static final Map<String, Role> AREAS = Map.ofEntries(
      Map.entry("/admin/users", Role.ADMIN),
      Map.entry("/admin/audit", Role.ADMIN),
      Map.entry("/admin/consent", Role.ADMIN),
      Map.entry("/admin/api-keys", Role.ADMIN),
      Map.entry("/admin/sections", Role.EDITOR),
      Map.entry("/admin/topics", Role.EDITOR),
      Map.entry("/admin/authors", Role.EDITOR),
      Map.entry("/admin/wire", Role.EDITOR),
      Map.entry("/admin/analytics", Role.EDITOR),
      Map.entry("/admin/articles/{id}/related", Role.EDITOR),
      Map.entry("/admin/newsletter", Role.ADMIN),
      Map.entry("/admin/articles/{id}/alert", Role.EDITOR));

  @Test
  void every_route_in_an_editors_or_admins_area_asks_for_that_role_at_least() {
    var lax = new ArrayList<String>();
    for (var route : site.byline().routes()) {
      AREAS.forEach((area, least) -> {
        if (!route.path().equals(area) && !route.path().startsWith(area + "/")) return;
        var role = route.access().flatMap(Access::role);
        if (role.isEmpty() || !role.get().includes(least))
          lax.add(route.method() + " " + route.path() + " lets in less than " + least);
      });
    }
    assertThat(lax).isEmpty();
  }

  @Test
  void a_newsroom_route_registered_without_a_rule_fails_the_walk() {
    Routes feature = r -> {
      r.get("/admin/forgotten", ctx -> ctx.result("every reader's email address"));
      r.get("/admin/ruled", ctx -> ctx.result("fine"), Access.EDITOR);
    };
    var headers = SecurityHeaders.of(List.of(), List.of(), List.of(), List.of(), false);
    var server = WebServer.create(
            headers,
            (status, title, message) -> (status + " " + message).getBytes(StandardCharsets.UTF_8),
            List.of(feature),
            null,
            Listener.bind("127.0.0.1", 0))
        .start();
    try {
      var problems =
          walk(server.routes(), Visitor.signedOut("http://127.0.0.1:" + server.port()), null, null);
      assertThat(problems)
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p).contains("/admin/forgotten"))
          .anySatisfy(p -> assertThat(p).contains("has no Access rule"));
      // Until it is given one, the guard refuses it to everybody rather than serve it.
      var r = Visitor.signedOut("http://127.0.0.1:" + server.port())
          .send("GET", "/admin/forgotten", BROWSER);
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.body()).doesNotContain("email address");
    } finally {
      server.close();
    }
  }

  /**
   * Asks every guarded route as each visitor that its rule leaves out, and returns what was not
   * refused as it should be, one line each. Routes the visitor may use are not called: a walk
   * must change nothing.
   */
  static List<String> walk(
      List<WebServer.Route> routes, Visitor signedOut, Visitor writer, Visitor editor) {
    var problems = new ArrayList<String>();
    for (var route : routes) {
      if (!guarded(route.path())) continue;
      var name = route.method() + " " + route.path();
      var path = concrete(route.path());
      if (route.access().isEmpty()) {
        problems.add(name + " has no Access rule");
        expectSignIn(problems, name, signedOut, route.method(), path);
        continue;
      }
      var access = route.access().get();
      if (access == Access.ANYONE) continue;
      if (access == Access.TOKEN) {
        for (var v : new Visitor[] {signedOut, writer, editor}) {
          if (v == null) continue;
          var r = v.send(route.method(), path, BROWSER);
          if (r.statusCode() != 401 || !r.body().startsWith("{"))
            problems.add(name + " as " + v.who + " answered " + r.statusCode()
                + " without a token, not a JSON 401");
        }
        continue;
      }
      var role = access.role().orElseThrow();
      expectSignIn(problems, name, signedOut, route.method(), path);
      for (var v : new Visitor[] {writer, editor}) {
        if (v == null || v.role.includes(role)) continue;
        for (var accept : List.of(BROWSER, JSON)) {
          var r = v.send(route.method(), path, accept);
          if (r.statusCode() != 403
              || !r.body().contains("Your role (" + v.role.dbValue() + ") cannot do this."))
            problems.add(name + " as " + v.who + " (" + accept + ") answered " + r.statusCode()
                + ", not 403 for the role");
        }
      }
    }
    return problems;
  }

  /** Signed out: a page sends the visitor to sign in; JSON is told 401; HEAD is refused too. */
  private static void expectSignIn(
      List<String> problems, String name, Visitor v, String method, String path) {
    var page = v.send(method, path, BROWSER);
    var login = "/admin/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    if (page.statusCode() != 303
        || !page.headers().firstValue("Location").orElse("").equals(login))
      problems.add(name + " signed out answered " + page.statusCode() + ", not 303 to " + login);
    var json = v.send(method, path, JSON);
    if (json.statusCode() != 401 || !json.body().startsWith("{\"error\""))
      problems.add(name + " signed out, asking for JSON, answered " + json.statusCode()
          + ", not a JSON 401");
    if (method.equals("GET") && v.send("HEAD", path, BROWSER).statusCode() != 303)
      problems.add("HEAD " + name.substring(4) + " signed out was not sent to sign in");
  }

  static boolean guarded(String path) {
    return path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/");
  }

  /** A request path for a route pattern: a push source that exists, "1" for every id. */
  static String concrete(String pattern) {
    return pattern.replace("{source}", PUSH_SOURCE).replaceAll("\\{[^/}]+}", "1");
  }

  /** A browser-like client with its own cookies, sending the CSRF token it was last given. */
  static final class Visitor {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    final String base;
    final String who;
    final Role role;
    private final HttpClient http;
    private String csrf = "";

    private Visitor(String base, String who, Role role) {
      this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
      this.who = who;
      this.role = role;
      this.http = HttpClient.newBuilder()
          .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
    }

    /** Signed out, but holding the sign-in page's token, so the CSRF check is not what refuses. */
    static Visitor signedOut(String base) {
      var v = new Visitor(base, "nobody", null);
      v.remember(v.send("GET", "/admin/login", BROWSER));
      return v;
    }

    static Visitor signedIn(String base, String email, Role role) {
      var v = new Visitor(base, email, role);
      v.remember(v.send("GET", "/admin/login", BROWSER));
      var r = v.post(
          "/admin/login",
          "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
              + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
      assertThat(r.statusCode()).as("sign-in as " + email).isEqualTo(303);
      v.remember(v.send("GET", "/admin", BROWSER));
      return v;
    }

    private void remember(HttpResponse<String> page) {
      var m = CSRF.matcher(page.body());
      if (m.find()) csrf = m.group(1);
    }

    private HttpResponse<String> post(String path, String form) {
      return exchange(HttpRequest.newBuilder(URI.create(base + path))
          .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf + "&" + form))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Accept", BROWSER));
    }

    HttpResponse<String> send(String method, String path, String accept) {
      var b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept);
      if (method.equals("POST")) {
        b.POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-CSRF-Token", csrf);
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      return exchange(b);
    }

    private HttpResponse<String> exchange(HttpRequest.Builder b) {
      try {
        return http.send(
            b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new AssertionError("request failed: " + e, e);
      }
    }
  }
}
