package dev.byline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.testing.TestSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests Jetty refuses before the application sees them (a malformed request line, a bad
 * address, an address or headers too long) still carry the site's strict security headers.
 * Sent over a plain socket, since no HTTP client would send them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolErrorsHttpTest {
  @TempDir
  static Path dir;

  TestSite site;

  @BeforeAll
  void start() {
    site = TestSite.start(dir);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  /** The status line and headers (lower-case names) of the answer to {@code request}. */
  record Answer(int status, Map<String, String> headers, String body) {}

  Answer raw(String request) throws IOException {
    try (var socket = new Socket("localhost", site.byline().port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      var all = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(all);
      var text = all.toString(StandardCharsets.ISO_8859_1);
      assertThat(text)
          .as("an answer to " + request.lines().findFirst().orElse(""))
          .isNotEmpty();
      int end = text.indexOf("\r\n\r\n");
      var lines = text.substring(0, end).split("\r\n");
      var headers = new LinkedHashMap<String, String>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
      return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
    }
  }

  static void assertStrict(Answer a, int status) {
    assertThat(a.status()).isEqualTo(status);
    assertThat(a.headers())
        .as("headers of the " + status)
        .containsKeys(
            "content-security-policy",
            "x-content-type-options",
            "x-frame-options",
            "referrer-policy",
            "permissions-policy",
            "cross-origin-opener-policy");
    assertThat(a.headers().get("content-security-policy")).contains("default-src 'self'");
    assertThat(a.headers().get("x-content-type-options")).isEqualTo("nosniff");
    assertThat(a.headers().get("cache-control")).contains("no-store");
    assertThat(a.headers()).doesNotContainKey("server");
    assertThat(a.body()).doesNotContain("<script");
  }

  @Test
  void a_malformed_request_line_gets_400_with_the_security_headers() throws IOException {
    assertStrict(raw("GET\r\n\r\n"), 400);
  }

  @Test
  void a_bad_address_gets_400_with_the_security_headers() throws IOException {
    assertStrict(raw("GET /a%zz/b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
  }

  @Test
  void an_address_too_long_gets_414_with_the_security_headers() throws IOException {
    var target = "/" + "a".repeat(20_000);
    assertStrict(
        raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 414);
  }

  @Test
  void headers_too_large_get_431_with_the_security_headers() throws IOException {
    assertStrict(
        raw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(20_000)
            + "\r\nConnection: close\r\n\r\n"),
        431);
  }
}
