package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.auth.Totp;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-factor sign-in over real HTTP, on a clock the test moves, so the codes are the ones an
 * authenticator app would show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoFactorHttpTest {
  static final String PASSWORD = "a long enough password";
  static final Pattern SECRET = Pattern.compile("secret=([A-Z2-7]+)");
  static final Pattern RECOVERY = Pattern.compile(
      "<code class=\"secret\">([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})</code>");

  @TempDir
  static Path dir;

  final TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
  TestSite site;

  @BeforeAll
  void start() {
    site = TestSite.start(
        TestDatabases.sqlite(
            dir, Map.of("auth.signin.slow.ms", "50", "auth.2fa.required", "editor, admin")),
        clock);
    var users = site.byline().accounts().users();
    users.create("admin@example.org", "Ada Admin", Role.ADMIN, PASSWORD, false);
    for (var name :
        List.of("enrol", "replay", "recovery", "late", "reset", "off", "guess", "plain", "proof"))
      users.create(name + "@example.org", name, Role.WRITER, PASSWORD, false);
    users.create("ed@example.org", "Ed Editor", Role.EDITOR, PASSWORD, false);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  /** The code the app shows now, after moving to a fresh step so no earlier use blocks it. */
  String nextCode(String secret) {
    clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    return Totp.code(secret, Totp.step(clock.millis()));
  }

  /** Signs in and turns two-factor sign-in on; returns the secret, filling in the recovery codes. */
  String enrol(AdminClient client, List<String> recovery) {
    client.get(TwoFactorPages.PATH);
    var started = client.postForm(TwoFactorPages.PATH + "/enrol", Map.of());
    assertThat(started.statusCode()).isEqualTo(200);
    assertThat(started.body()).contains("otpauth://totp/", "src=\"data:image/svg+xml;base64,");
    var m = SECRET.matcher(started.body());
    assertThat(m.find()).isTrue();
    var secret = m.group(1);
    var on = client.postForm(TwoFactorPages.PATH + "/confirm", Map.of("code", nextCode(secret)));
    assertThat(on.statusCode()).isEqualTo(200);
    assertThat(on.body()).contains("Two-factor sign-in is on.");
    var codes = RECOVERY.matcher(on.body());
    while (codes.find()) recovery.add(codes.group(1));
    assertThat(recovery).hasSize(10);
    return secret;
  }

  /** The password step; asserts it leads to the code page, not into the admin. */
  AdminClient passwordOnly(String email) {
    var client = new AdminClient(site);
    var r = client.trySignIn(email, PASSWORD);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/admin/login/code?next=%2Fadmin");
    assertThat(client.cookie(SessionGate.SESSION_COOKIE)).isNull();
    assertThat(client.get("/admin").statusCode()).as("no session yet").isEqualTo(303);
    client.get("/admin/login/code?next=%2Fadmin");
    return client;
  }

  static HttpResponse<String> code(AdminClient client, String code) {
    return client.postForm("/admin/login/code", Map.of("code", code, "next", "/admin"));
  }

  @Test
  void a_user_enrols_and_then_signs_in_with_a_code_and_a_wrong_code_is_refused() {
    var user = new AdminClient(site).signIn("enrol@example.org", PASSWORD);
    user.get(TwoFactorPages.PATH);
    user.postForm(TwoFactorPages.PATH + "/enrol", Map.of());
    var wrong = user.postForm(TwoFactorPages.PATH + "/confirm", Map.of("code", "000000"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("Code is not right");
    var secret = enrol(user, new ArrayList<>());

    var client = passwordOnly("enrol@example.org");
    var refused = code(client, "123456".equals(nextCode(secret)) ? "654321" : "123456");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("That code is not right");
    var in = code(client, Totp.code(secret, Totp.step(clock.millis())));
    assertThat(in.statusCode()).isEqualTo(303);
    assertThat(in.headers().firstValue("Location")).hasValue("/admin");
    assertThat(client.get("/admin").statusCode()).isEqualTo(200);
    assertThat(site.byline().accounts().audit().recent("user.2fa", 0, 10))
        .anyMatch(e -> e.action().equals("user.2fa-on"));
  }

  @Test
  void a_code_once_used_is_refused_when_replayed_within_its_window() {
    var secret =
        enrol(new AdminClient(site).signIn("replay@example.org", PASSWORD), new ArrayList<>());
    var code = nextCode(secret);
    assertThat(code(passwordOnly("replay@example.org"), code).statusCode()).isEqualTo(303);
    var replay = code(passwordOnly("replay@example.org"), code);
    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(replay.body()).contains("already used");
  }

  @Test
  void a_recovery_code_signs_in_once() {
    var recovery = new ArrayList<String>();
    enrol(new AdminClient(site).signIn("recovery@example.org", PASSWORD), recovery);
    var first = recovery.get(0);
    assertThat(code(passwordOnly("recovery@example.org"), first.toUpperCase()).statusCode())
        .isEqualTo(303);
    assertThat(code(passwordOnly("recovery@example.org"), first).statusCode()).isEqualTo(401);
    assertThat(code(passwordOnly("recovery@example.org"), recovery.get(1)).statusCode())
        .isEqualTo(303);
  }

  @Test
  void the_half_signed_in_state_expires_after_five_minutes() {
    var secret =
        enrol(new AdminClient(site).signIn("late@example.org", PASSWORD), new ArrayList<>());
    var client = passwordOnly("late@example.org");
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    var late = code(client, nextCode(secret));
    assertThat(late.statusCode()).isEqualTo(401);
    assertThat(late.body()).contains("Your sign-in took too long");
    assertThat(client.get("/admin").statusCode()).isEqualTo(303);
  }

  @Test
  void wrong_codes_are_throttled_like_wrong_passwords() {
    var secret =
        enrol(new AdminClient(site).signIn("guess@example.org", PASSWORD), new ArrayList<>());
    var client = passwordOnly("guess@example.org");
    var right = nextCode(secret);
    var wrong = right.equals("111111") ? "222222" : "111111";
    for (int i = 0; i < 5; i++) assertThat(code(client, wrong).statusCode()).isEqualTo(401);
    var throttled = code(client, wrong);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body()).contains("Too many failed sign-ins");
    assertThat(code(client, right).statusCode())
        .as("the right code, after a wait")
        .isEqualTo(303);
  }

  @Test
  void turning_it_off_needs_a_current_code_or_the_password() {
    var user = new AdminClient(site).signIn("off@example.org", PASSWORD);
    var secret = enrol(user, new ArrayList<>());
    user.get(TwoFactorPages.PATH);
    var refused = user.postForm(TwoFactorPages.PATH + "/off", Map.of("proof", "not it at all"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("Code or password is neither a current code nor your password");
    var off = user.postForm(TwoFactorPages.PATH + "/off", Map.of("proof", nextCode(secret)));
    assertThat(off.statusCode()).isEqualTo(200);
    assertThat(off.body()).contains("Two-factor sign-in is off.");
    assertThat(new AdminClient(site)
            .trySignIn("off@example.org", PASSWORD)
            .headers()
            .firstValue("Location"))
        .hasValue("/admin");
  }

  @Test
  void wrong_proofs_on_the_two_factor_page_are_throttled_too() {
    var user = new AdminClient(site).signIn("proof@example.org", PASSWORD);
    var secret = enrol(user, new ArrayList<>());
    user.get(TwoFactorPages.PATH);
    for (int i = 0; i < 5; i++)
      assertThat(user.postForm(TwoFactorPages.PATH + "/off", Map.of("proof", "guess " + i))
              .statusCode())
          .isEqualTo(400);
    var held = user.postForm(TwoFactorPages.PATH + "/off", Map.of("proof", nextCode(secret)));
    assertThat(held.statusCode()).isEqualTo(400);
    assertThat(held.body()).contains("too many wrong tries");
    assertThat(site.byline().accounts().twoFactor().isOn(id("proof"))).isTrue();
  }

  long id(String name) {
    return site.byline().accounts().users().all().stream()
        .filter(a -> a.user().email().equals(name + "@example.org"))
        .findFirst()
        .orElseThrow()
        .user()
        .id();
  }

  @Test
  void an_editor_is_sent_to_enrol_before_any_other_page_when_the_role_requires_it() {
    var editor = new AdminClient(site).signIn("ed@example.org", PASSWORD);
    var sent = editor.get("/admin/articles");
    assertThat(sent.statusCode()).isEqualTo(303);
    assertThat(sent.headers().firstValue("Location")).hasValue(TwoFactorPages.PATH + "?required=1");
    assertThat(editor.get(TwoFactorPages.PATH + "?required=1").body())
        .contains("Your role needs two-factor sign-in");
    var writer = new AdminClient(site).signIn("plain@example.org", PASSWORD);
    assertThat(writer.get("/admin/articles").statusCode())
        .as("a writer's role is not in auth.2fa.required")
        .isEqualTo(200);
    enrol(editor, new ArrayList<>());
    assertThat(editor.get("/admin/articles").statusCode()).isEqualTo(200);
  }

  @Test
  void an_admin_resets_a_lost_two_factor_sign_in_and_it_is_audited() {
    enrol(new AdminClient(site).signIn("reset@example.org", PASSWORD), new ArrayList<>());
    passwordOnly("reset@example.org");
    var admin = new AdminClient(site).signIn("admin@example.org", PASSWORD);
    var adminSecret = enrol(admin, new ArrayList<>());
    long id = site.byline().accounts().users().all().stream()
        .filter(a -> a.user().email().equals("reset@example.org"))
        .findFirst()
        .orElseThrow()
        .user()
        .id();
    assertThat(admin.get("/admin/users/" + id).body()).contains("Two-factor sign-in: on.");
    var reset = admin.postForm("/admin/users/" + id + "/two-factor/reset", Map.of());
    assertThat(reset.statusCode()).isEqualTo(200);
    assertThat(reset.body()).contains("Two-factor sign-in reset for reset@example.org");
    var r = new AdminClient(site).trySignIn("reset@example.org", PASSWORD);
    assertThat(r.headers().firstValue("Location")).hasValue("/admin");
    assertThat(admin.get("/admin/audit").body()).contains("user.2fa-reset");
    assertThat(adminSecret).isNotEmpty();
  }
}
