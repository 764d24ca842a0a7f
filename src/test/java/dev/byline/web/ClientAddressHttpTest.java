package dev.byline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.testing.AdminClient;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The address the audit log records, with and without {@code http.trust.forwarded}. */
class ClientAddressHttpTest {
  @TempDir
  Path dir;

  String failedSignInAddress(TestSite site, String forwardedFor) {
    var client = new AdminClient(site);
    client.get("/admin/login");
    var r = client.postForm(
        "/admin/login",
        Map.of("email", "nobody@example.org", "password", "not the password"),
        "X-Forwarded-For",
        forwardedFor);
    assertThat(r.statusCode()).isBetween(400, 499);
    var entries = site.byline().accounts().audit().recent("user.login-failed", 0, 1);
    assertThat(entries).hasSize(1);
    return entries.get(0).ip();
  }

  @Test
  void behind_a_trusted_proxy_the_last_forwarded_entry_is_recorded() {
    try (var site = TestSite.start(dir, Map.of("http.trust.forwarded", "true"))) {
      assertThat(failedSignInAddress(site, "198.51.100.1, 203.0.113.7")).isEqualTo("203.0.113.7");
    }
  }

  @Test
  void behind_a_trusted_proxy_an_implausible_entry_leaves_the_connection_address() {
    try (var site = TestSite.start(dir, Map.of("http.trust.forwarded", "true"))) {
      assertThat(failedSignInAddress(site, "x".repeat(65))).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }
  }

  @Test
  void without_trust_the_header_is_ignored() {
    try (var site = TestSite.start(dir)) {
      assertThat(failedSignInAddress(site, "203.0.113.7")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }
  }
}
