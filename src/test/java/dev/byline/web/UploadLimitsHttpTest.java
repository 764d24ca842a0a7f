package dev.byline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.ApiKeys;
import dev.byline.auth.ApiScope;
import dev.byline.auth.Role;
import dev.byline.auth.Tokens;
import dev.byline.testing.AdminClient;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multipart bodies over real HTTP. Each refused request declares a large body but sends only its
 * first kilobyte: the answer must come at once, proving the server refused it without waiting
 * to read (and spool) the rest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadLimitsHttpTest {
  static final String PASSWORD = "a long enough password";
  static final String BOUNDARY = "----byline-limits";
  static final long MB = 1024 * 1024;

  @TempDir
  static Path dir;

  TestSite site;
  AdminClient writer;
  String imageKey;

  @BeforeAll
  void start() {
    site = TestSite.start(dir);
    site.byline()
        .accounts()
        .users()
        .create("limits@example.org", "Lim Its", Role.WRITER, PASSWORD, false);
    writer = new AdminClient(site).signIn("limits@example.org", PASSWORD);
    writer.get("/admin/photos");
    imageKey = new ApiKeys(site.newsroom().db(), new Tokens(), Clock.systemUTC())
        .create("Photo sync", Set.of(ApiScope.IMAGES_WRITE), null)
        .secret();
  }

  @AfterAll
  void stop() {
    site.close();
  }

  /** The status line and the rest of an answer. */
  record Answer(int status, String text) {}

  /**
   * Sends a POST whose head declares {@code headers} and then only the first kilobyte of a
   * multipart body, and reads the answer; times out when the server waits for the rest.
   */
  Answer post(String path, String... headers) throws IOException {
    try (var socket = new Socket("localhost", site.byline().port())) {
      socket.setSoTimeout(10_000);
      var head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n");
      for (var h : headers) head.append(h).append("\r\n");
      head.append("\r\n");
      // Head and first kilobyte in one write: the server may answer and close as soon as it
      // has read the head, and a second write would then race its close.
      var sent = new ByteArrayOutputStream();
      sent.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      sent.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\";"
              + " filename=\"big.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      var filler = new byte[1024];
      Arrays.fill(filler, (byte) 'x');
      sent.write(filler);
      socket.getOutputStream().write(sent.toByteArray());
      socket.getOutputStream().flush();
      var all = new ByteArrayOutputStream();
      try {
        socket.getInputStream().transferTo(all);
      } catch (SocketException e) {
        // the server closed a connection whose body it would not read: the answer came first
      }
      var text = all.toString(StandardCharsets.ISO_8859_1);
      assertThat(text).as("an answer to POST " + path).startsWith("HTTP/1.1 ");
      return new Answer(Integer.parseInt(text.split(" ")[1]), text);
    }
  }

  static String multipart() {
    return "Content-Type: multipart/form-data; boundary=" + BOUNDARY;
  }

  static String length(long bytes) {
    return "Content-Length: " + bytes;
  }

  String session() {
    return "Cookie: byline_session=" + writer.cookie("byline_session");
  }

  Path uploads() {
    return dir.resolve("tmp").resolve("uploads");
  }

  long spooled() throws IOException {
    if (!Files.isDirectory(uploads())) return 0;
    try (Stream<Path> files = Files.walk(uploads())) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void multipart_to_an_address_that_takes_no_uploads_gets_415_without_being_read()
      throws IOException {
    for (var path : new String[] {"/", "/admin/login", "/world/some-story", "/no-such-page"}) {
      var a = post(path, multipart(), length(1024 * MB), "Connection: close");
      assertThat(a.status()).as(path + ": " + a.text()).isEqualTo(415);
      assertThat(a.text()).contains("does not take file uploads");
      assertThat(a.text()).containsIgnoringCase("Content-Security-Policy");
    }
    assertThat(spooled()).isZero();
  }

  @Test
  void a_signed_out_upload_to_the_photo_desk_is_refused_before_its_body_is_read()
      throws IOException {
    var a = post("/admin/photos", multipart(), length(20 * MB), "Connection: close");
    assertThat(a.status()).as(a.text()).isIn(403, 303);
    var withPresession = post(
        "/admin/photos",
        multipart(),
        length(20 * MB),
        "Cookie: byline_presession=" + "p".repeat(43),
        "Connection: close");
    assertThat(withPresession.status()).as(withPresession.text()).isIn(403, 303);
    assertThat(spooled()).isZero();
  }

  @Test
  void an_upload_without_a_length_gets_411() throws IOException {
    var a = post("/admin/photos", multipart(), "Transfer-Encoding: chunked", session());
    assertThat(a.status()).as(a.text()).isEqualTo(411);
    assertThat(a.text()).contains("Content-Length");
  }

  @Test
  void an_upload_over_the_limit_gets_413_before_it_is_read_and_leaves_no_temporary_file()
      throws IOException {
    var a = post("/admin/photos", multipart(), length(50 * MB), session(), "Connection: close");
    assertThat(a.status()).as(a.text()).isEqualTo(413);
    assertThat(a.text()).contains("26 MB");
    var api = post(
        "/api/v1/admin/images",
        multipart(),
        length(50 * MB),
        "Authorization: Bearer " + imageKey,
        "Connection: close");
    assertThat(api.status()).as(api.text()).isEqualTo(413);
    assertThat(Files.isDirectory(uploads()))
        .as("the upload folder in the data directory")
        .isTrue();
    assertThat(spooled()).isZero();
  }

  @Test
  void an_api_upload_without_a_key_is_refused_before_its_body_is_read() throws IOException {
    var a = post("/api/v1/admin/images", multipart(), length(20 * MB), "Connection: close");
    assertThat(a.status()).as(a.text()).isEqualTo(401);
  }

  @Test
  void an_upload_that_was_read_and_refused_leaves_no_temporary_file() throws IOException {
    var garbage = new byte[(int) (2 * MB)];
    Arrays.fill(garbage, (byte) 7);
    var r = writer.postMultipart(
        "/admin/photos",
        Map.of("caption", "c", "credit", "c", "alt", "a"),
        "file",
        "x.jpg",
        garbage);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(Files.isDirectory(uploads()))
        .as("the upload folder in the data directory")
        .isTrue();
    // Jetty deletes the request's files as the request completes, just after the answer is sent.
    Eventually.await("the upload's temporary file to be deleted", Duration.ofSeconds(10), () -> {
      try {
        return spooled() == 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
