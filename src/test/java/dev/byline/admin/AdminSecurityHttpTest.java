package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Accounts, sessions, CSRF and throttling over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminSecurityHttpTest {
  static final String PASSWORD = "a long enough password";

  @TempDir
  static Path dir;

  TestSite site;

  @BeforeAll
  void start() {
    site = TestSite.start(dir, Map.of("auth.signin.slow.ms", "100"));
    var users = site.byline().accounts().users();
    users.create("admin@example.org", "Ada Admin", Role.ADMIN, PASSWORD, false);
    users.create("writer@example.org", "Wes Writer", Role.WRITER, PASSWORD, false);
    users.create("locked@example.org", "Lou Locked", Role.WRITER, PASSWORD, false);
    users.create("twice@example.org", "Tia Twice", Role.EDITOR, PASSWORD, false);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  @Test
  void admin_pages_send_signed_out_visitors_to_sign_in() {
    var r = site.get("/admin/account");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/admin/login?next=%2Fadmin%2Faccount");
  }

  @Test
  void the_session_cookie_is_http_only_and_same_site_lax_and_not_secure_over_plain_http() {
    var client = new AdminClient(site);
    client.get("/admin/login");
    var r =
        client.postForm("/admin/login", Map.of("email", "admin@example.org", "password", PASSWORD));
    assertThat(r.statusCode()).isEqualTo(303);
    var cookie = r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(SessionGate.SESSION_COOKIE + "="))
        .findFirst()
        .orElseThrow();
    assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
    assertThat(client.get("/admin").body()).contains("Ada Admin");
  }

  @Test
  void behind_https_the_session_cookie_is_secure() {
    try (var https =
        TestSite.start(dir.resolve("https"), Map.of("base.url", "https://news.example"))) {
      https
          .byline()
          .accounts()
          .users()
          .create("sec@example.org", "Sam Secure", Role.WRITER, PASSWORD, false);
      // A real browser would not send a Secure cookie over plain HTTP, so the test carries it by
      // hand.
      var page = https.get("/admin/login");
      var pre = page.headers().allValues("Set-Cookie").stream()
          .filter(c -> c.startsWith(SessionGate.PRESESSION_COOKIE))
          .findFirst()
          .orElseThrow();
      assertThat(pre).contains("Secure", "HttpOnly", "SameSite=Lax");
      var csrf =
          java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
      assertThat(csrf.find()).isTrue();
      var r = https.post(
          "/admin/login",
          "application/x-www-form-urlencoded",
          "csrf=" + csrf.group(1) + "&email=sec%40example.org&password="
              + PASSWORD.replace(" ", "+"),
          "Cookie",
          pre.substring(0, pre.indexOf(';')));
      assertThat(r.statusCode()).isEqualTo(303);
      assertThat(r.headers().allValues("Set-Cookie"))
          .anySatisfy(c -> assertThat(c)
              .startsWith(SessionGate.SESSION_COOKIE + "=")
              .contains("Secure", "HttpOnly", "SameSite=Lax"));
    }
  }

  @Test
  void signing_in_again_starts_a_new_session_and_the_old_token_stops_working() {
    var client = new AdminClient(site).signIn("twice@example.org", PASSWORD);
    var first = client.cookie(SessionGate.SESSION_COOKIE);
    client.get("/admin");
    assertThat(client
            .postForm("/admin/login", Map.of("email", "twice@example.org", "password", PASSWORD))
            .statusCode())
        .isEqualTo(303);
    var second = client.cookie(SessionGate.SESSION_COOKIE);
    assertThat(second).isNotEqualTo(first);
    var stale = site.get("/admin", "Cookie", SessionGate.SESSION_COOKIE + "=" + first);
    assertThat(stale.statusCode()).isEqualTo(303);
  }

  @Test
  void the_database_holds_only_a_hash_of_the_session_token() {
    var client = new AdminClient(site).signIn("admin@example.org", PASSWORD);
    var token = client.cookie(SessionGate.SESSION_COOKIE);
    var stored = site.newsroom()
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT token_hash FROM user_session")
            .mapTo(String.class)
            .list());
    assertThat(stored).doesNotContain(token).contains(dev.byline.auth.Tokens.sha256(token));
  }

  @Test
  void a_state_changing_request_without_the_csrf_token_is_refused_with_403() {
    var client = new AdminClient(site).signIn("admin@example.org", PASSWORD);
    client.get("/admin/users");
    var none = client.postRaw(
        "/admin/users", Map.of("email", "x@example.org", "name", "X", "role", "writer"));
    assertThat(none.statusCode()).isEqualTo(403);
    assertThat(none.body()).contains("did not come from this site");
    var wrong = client.postRaw(
        "/admin/users",
        Map.of("csrf", "not-the-token", "email", "x@example.org", "name", "X", "role", "writer"));
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(site.byline().accounts().users().all())
        .noneMatch(a -> a.user().email().equals("x@example.org"));
    var header = client.postRaw("/admin/logout", Map.of(), "X-CSRF-Token", client.csrf());
    assertThat(header.statusCode()).isEqualTo(303);
  }

  @Test
  void the_sign_in_form_itself_needs_its_csrf_token() {
    var r = site.post(
        "/admin/login",
        "application/x-www-form-urlencoded",
        "email=admin%40example.org&password=x");
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void a_writer_cannot_open_admin_only_pages() {
    var writer = new AdminClient(site).signIn("writer@example.org", PASSWORD);
    assertThat(writer.get("/admin/users").statusCode()).isEqualTo(403);
    assertThat(writer.get("/admin/audit").statusCode()).isEqualTo(403);
    assertThat(writer.get("/admin").statusCode()).isEqualTo(200);
  }

  @Test
  void
      repeated_failed_sign_ins_are_throttled_with_a_clear_message_and_only_the_right_password_passes() {
    var client = new AdminClient(site);
    for (int i = 0; i < 5; i++) {
      var r = client.trySignIn("locked@example.org", "wrong password " + i);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body())
          .contains("do not match an active account")
          .contains("value=\"locked@example.org\"");
    }
    var blocked = client.trySignIn("locked@example.org", "a sixth guess");
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
    assertThat(blocked.body()).contains("Too many failed sign-ins for this account");
    assertThat(client.trySignIn("locked@example.org", PASSWORD).statusCode())
        .as("the owner's right password still gets through, after a wait")
        .isEqualTo(303);
    var audit = site.byline().accounts().audit().recent("user.login", 0, 50);
    assertThat(audit).anyMatch(e -> e.action().equals("user.login-throttled"));
  }

  @Test
  void sign_in_errors_name_the_field_and_keep_the_email() {
    var client = new AdminClient(site);
    client.get("/admin/login");
    var r = client.postForm("/admin/login", Map.of("email", "someone@example.org", "password", ""));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("Password is empty").contains("value=\"someone@example.org\"");
  }

  @Test
  void admin_pages_are_never_cached() {
    var client = new AdminClient(site);
    var r = client.get("/admin/login");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(site.get("/").headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void log_out_everywhere_ends_every_session_of_the_user() {
    var laptop = new AdminClient(site).signIn("writer@example.org", PASSWORD);
    var phone = new AdminClient(site).signIn("writer@example.org", PASSWORD);
    laptop.get("/admin/account");
    var r = laptop.postForm("/admin/logout-everywhere", Map.of());
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(phone.get("/admin").statusCode()).isEqualTo(303);
    assertThat(laptop.get("/admin").statusCode()).isEqualTo(303);
  }

  @Test
  void an_admin_adds_a_user_who_must_choose_a_password_at_first_sign_in() {
    var admin = new AdminClient(site).signIn("admin@example.org", PASSWORD);
    admin.get("/admin/users");
    var r = admin.postForm(
        "/admin/users", Map.of("email", "new@example.org", "name", "Nell New", "role", "editor"));
    assertThat(r.statusCode()).isEqualTo(200);
    var m =
        java.util.regex.Pattern.compile("<code class=\"secret\">([^<]+)</code>").matcher(r.body());
    assertThat(m.find()).isTrue();
    var nell = new AdminClient(site);
    var signIn = nell.trySignIn("new@example.org", m.group(1));
    assertThat(signIn.headers().firstValue("Location")).hasValue("/admin/account?first=1");
    assertThat(nell.get("/admin/articles").headers().firstValue("Location"))
        .hasValue("/admin/account?first=1");
    nell.get("/admin/account");
    var changed = nell.postForm(
        "/admin/account/password",
        Map.of(
            "current-password",
            m.group(1),
            "new-password",
            "nell's own password",
            "confirm-password",
            "nell's own password"));
    assertThat(changed.statusCode()).isEqualTo(303);
    assertThat(nell.get("/admin").statusCode()).isEqualTo(200);
    var audit = admin.get("/admin/audit").body();
    assertThat(audit).contains("user.create", "new@example.org as editor", "user.password-change");
  }

  @Test
  void a_bad_new_user_form_names_the_field_and_keeps_what_was_typed() {
    var admin = new AdminClient(site).signIn("admin@example.org", PASSWORD);
    admin.get("/admin/users");
    var r = admin.postForm(
        "/admin/users", Map.of("email", "not an email", "name", "Pat Typed", "role", "editor"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("Email is not an email address", "value=\"Pat Typed\"", "value=\"not an email\"");
  }
}
