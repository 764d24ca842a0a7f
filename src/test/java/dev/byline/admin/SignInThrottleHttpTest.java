package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.byline.auth.Role;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestSite;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Sign-in throttling over real HTTP: failures count per account and network, so a guesser
 * elsewhere cannot lock the owner out; a throttled try waits and is then judged on its password;
 * an admin unlock or a new password lifts it.
 */
class SignInThrottleHttpTest {
  static final String PASSWORD = "a long enough password";
  /** Short, so the slow path is seen without the test waiting two seconds a try. */
  static final String SLOW_MS = "300";

  @TempDir
  Path dir;

  private TestSite behindProxy() {
    var site =
        TestSite.start(dir, Map.of("http.trust.forwarded", "true", "auth.signin.slow.ms", SLOW_MS));
    var users = site.byline().accounts().users();
    users.create("admin@example.org", "Ada Admin", Role.ADMIN, PASSWORD, false);
    users.create("owner@example.org", "Owen Owner", Role.WRITER, PASSWORD, false);
    return site;
  }

  private static HttpResponse<String> from(
      TestSite site, String address, String email, String password) {
    var client = new AdminClient(site);
    client.get("/admin/login", "X-Forwarded-For", address);
    return client.postForm(
        "/admin/login", Map.of("email", email, "password", password), "X-Forwarded-For", address);
  }

  private static void fail(TestSite site, String address, String email, int times) {
    for (int i = 0; i < times; i++) {
      assertThat(from(site, address, email, "wrong password " + i).statusCode()).isIn(401, 429);
    }
  }

  @Test
  void an_attackers_failures_from_one_address_do_not_lock_the_owner_out_from_another() {
    try (var site = behindProxy()) {
      fail(site, "203.0.113.5", "owner@example.org", 8);
      var owner = from(site, "198.51.100.7", "owner@example.org", PASSWORD);
      assertThat(owner.statusCode()).isEqualTo(303);
      assertThat(owner.headers().firstValue("Location")).hasValue("/admin");
    }
  }

  @Test
  void addresses_in_one_ipv6_64_count_as_one_network() {
    try (var site = behindProxy()) {
      for (int i = 1; i <= 5; i++)
        from(site, "2001:db8:1:2::" + i, "owner@example.org", "wrong password " + i);
      var sameNetwork = from(site, "2001:db8:1:2:ffff::9", "owner@example.org", "wrong again");
      assertThat(sameNetwork.statusCode()).isEqualTo(429);
      assertThat(sameNetwork.body()).contains("Too many failed sign-ins");
      var otherNetwork = from(site, "2001:db8:1:3::1", "owner@example.org", "wrong again");
      assertThat(otherNetwork.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void a_throttled_address_still_admits_the_right_password_after_a_wait_and_refuses_wrong_ones() {
    try (var site = behindProxy()) {
      fail(site, "203.0.113.5", "owner@example.org", 5);
      var wrong = from(site, "203.0.113.5", "owner@example.org", "still wrong");
      assertThat(wrong.statusCode()).isEqualTo(429);
      assertThat(wrong.headers().firstValue("Retry-After")).isPresent();
      assertThat(wrong.body()).contains("Too many failed sign-ins");

      long began = System.nanoTime();
      var right = from(site, "203.0.113.5", "owner@example.org", PASSWORD);
      long tookMs = (System.nanoTime() - began) / 1_000_000;
      assertThat(right.statusCode()).isEqualTo(303);
      assertThat(tookMs).isGreaterThanOrEqualTo(Long.parseLong(SLOW_MS));
      var audit = site.byline().accounts().audit().recent("user.login", 0, 50);
      assertThat(audit).anyMatch(e -> e.action().equals("user.login-throttled"));
    }
  }

  @Test
  void behind_an_untrusted_proxy_many_failures_do_not_block_every_sign_in() {
    try (var site = TestSite.start(dir, Map.of("auth.signin.slow.ms", SLOW_MS))) {
      site.byline()
          .accounts()
          .users()
          .create("owner@example.org", "Owen Owner", Role.WRITER, PASSWORD, false);
      // Everyone arrives from the proxy's address: 25 failures spread over many accounts.
      for (int i = 0; i < 25; i++) {
        var r = new AdminClient(site).trySignIn("someone" + i + "@example.org", "wrong password");
        assertThat(r.statusCode()).isIn(401, 429);
      }
      var owner = new AdminClient(site).trySignIn("owner@example.org", PASSWORD);
      assertThat(owner.statusCode()).isEqualTo(303);
    }
  }

  @Test
  void an_admin_unlocks_an_account_and_the_unlock_is_audited() {
    try (var site = behindProxy()) {
      fail(site, "203.0.113.5", "owner@example.org", 5);
      long id = site.byline().accounts().users().all().stream()
          .filter(a -> a.user().email().equals("owner@example.org"))
          .findFirst()
          .orElseThrow()
          .user()
          .id();
      var admin = new AdminClient(site).signIn("admin@example.org", PASSWORD);
      var page = admin.get("/admin/users/" + id);
      assertThat(page.body()).contains("5 failed sign-ins");
      var unlocked = admin.postForm("/admin/users/" + id + "/unlock", Map.of());
      assertThat(unlocked.statusCode()).isEqualTo(200);
      assertThat(unlocked.body()).contains("Unlocked");
      var wrong = from(site, "203.0.113.5", "owner@example.org", "one more mistake");
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(admin.get("/admin/audit").body()).contains("user.unlock");
    }
  }

  @Test
  void an_unlock_needs_the_csrf_token_and_an_admin() {
    try (var site = behindProxy()) {
      var writer = new AdminClient(site).signIn("owner@example.org", PASSWORD);
      writer.get("/admin");
      assertThat(writer.postForm("/admin/users/1/unlock", Map.of()).statusCode())
          .isEqualTo(403);
      var admin = new AdminClient(site).signIn("admin@example.org", PASSWORD);
      assertThat(admin.postRaw("/admin/users/1/unlock", Map.of()).statusCode()).isEqualTo(403);
    }
  }

  @Test
  void an_admin_password_reset_lifts_the_throttle() {
    try (var site = behindProxy()) {
      fail(site, "203.0.113.5", "owner@example.org", 5);
      long id = site.byline().accounts().users().all().stream()
          .filter(a -> a.user().email().equals("owner@example.org"))
          .findFirst()
          .orElseThrow()
          .user()
          .id();
      var admin = new AdminClient(site).signIn("admin@example.org", PASSWORD);
      admin.get("/admin/users/" + id);
      var reset = admin.postForm("/admin/users/" + id + "/password", Map.of());
      var m = Pattern.compile("<code class=\"secret\">([^<]+)</code>").matcher(reset.body());
      assertThat(m.find()).isTrue();
      assertThat(from(site, "203.0.113.5", "owner@example.org", "wrong").statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  void the_owners_own_password_change_lifts_the_throttle() {
    try (var site = behindProxy()) {
      fail(site, "203.0.113.5", "owner@example.org", 5);
      var owner = new AdminClient(site);
      owner.get("/admin/login", "X-Forwarded-For", "198.51.100.7");
      owner.postForm(
          "/admin/login",
          Map.of("email", "owner@example.org", "password", PASSWORD),
          "X-Forwarded-For",
          "198.51.100.7");
      owner.get("/admin/account", "X-Forwarded-For", "198.51.100.7");
      var changed = owner.postForm(
          "/admin/account/password",
          Map.of(
              "current-password", PASSWORD,
              "new-password", "a brand new password",
              "confirm-password", "a brand new password"),
          "X-Forwarded-For",
          "198.51.100.7");
      assertThat(changed.statusCode()).isEqualTo(303);
      assertThat(from(site, "203.0.113.5", "owner@example.org", "wrong").statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  void forwarding_headers_without_trusting_them_are_warned_about_once() {
    var logged = new ListAppender<ILoggingEvent>();
    logged.start();
    var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(logged);
    try (var site = TestSite.start(dir)) {
      site.get("/admin/login", "X-Forwarded-For", "203.0.113.5");
      site.get("/admin/login", "Forwarded", "for=203.0.113.6");
      site.get("/", "X-Forwarded-For", "203.0.113.7");
    } finally {
      root.detachAppender(logged);
    }
    assertThat(logged.list.stream()
            .filter(e -> e.getLevel() == Level.WARN)
            .filter(e -> e.getFormattedMessage().contains("http.trust.forwarded")))
        .hasSize(1);
  }
}
