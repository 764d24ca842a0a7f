package dev.byline.testing;

import dev.byline.Byline;
import dev.byline.Newsroom;
import dev.byline.config.Config;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real server on a free port over a temporary data directory, with a plain HTTP client.
 *
 * <pre>{@code
 * try (var site = TestSite.start(tempDir, Map.of("demo", "true"))) {
 *   var page = site.get("/");
 *   assertThat(page.statusCode()).isEqualTo(200);
 * }
 * }</pre>
 */
public final class TestSite implements AutoCloseable {
  private final Byline byline;
  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private TestSite(Byline byline) {
    this.byline = byline;
  }

  public static TestSite start(Path dataDir) {
    return start(dataDir, Map.of());
  }

  /** Starts on SQLite with extra settings (e.g. {@code demo=true}). */
  public static TestSite start(Path dataDir, Map<String, String> settings) {
    return start(TestDatabases.sqlite(dataDir, settings));
  }

  public static TestSite start(Config config) {
    return new TestSite(Byline.start(config));
  }

  /** Starts with a clock the test controls, e.g. a {@link TestClock}. */
  public static TestSite start(Config config, java.time.Clock clock) {
    return new TestSite(Byline.start(config, clock));
  }

  /**
   * A site with the demo newsroom. The newsroom is seeded once per test JVM into a template
   * folder and copied, since drawing and encoding sixty pictures takes seconds.
   */
  public static TestSite demo(Path dataDir) {
    return demo(dataDir, Map.of());
  }

  public static TestSite demo(Path dataDir, Map<String, String> settings) {
    DemoTemplate.copyTo(dataDir);
    var all = new HashMap<String, String>(settings);
    all.put("demo", "true"); // already seeded: a no-op that proves idempotence on every start
    return start(dataDir, all);
  }

  public Byline byline() {
    return byline;
  }

  public Newsroom newsroom() {
    return byline.newsroom();
  }

  public String url(String path) {
    return "http://localhost:" + byline.port() + path;
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send(
        HttpRequest.newBuilder(URI.create(url(path))).GET(),
        headers,
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> getBytes(String path, String... headers) {
    return send(
        HttpRequest.newBuilder(URI.create(url(path))).GET(),
        headers,
        HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> post(
      String path, String contentType, String body, String... headers) {
    var req = HttpRequest.newBuilder(URI.create(url(path)))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", contentType);
    return send(req, headers, HttpResponse.BodyHandlers.ofString());
  }

  public <T> HttpResponse<T> send(
      HttpRequest.Builder request, String[] headers, HttpResponse.BodyHandler<T> handler) {
    if (headers.length % 2 != 0)
      throw new IllegalArgumentException("headers come in name, value pairs");
    for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
    try {
      return http.send(request.timeout(Duration.ofSeconds(30)).build(), handler);
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }

  /**
   * Sends a request target exactly as given (even one java.net.URI would refuse, such as a bad
   * percent-escape) over a plain socket, and returns the status code.
   */
  public int rawStatus(String requestTarget, String... headerLines) {
    try (var socket = new java.net.Socket("localhost", byline.port())) {
      socket.setSoTimeout(10_000);
      var req = new StringBuilder(
          "GET " + requestTarget + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
      for (var h : headerLines) req.append(h).append("\r\n");
      req.append("\r\n");
      socket
          .getOutputStream()
          .write(req.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      var in = new java.io.BufferedReader(new java.io.InputStreamReader(
          socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
      var status = in.readLine();
      if (status == null) throw new AssertionError("no response to " + requestTarget);
      return Integer.parseInt(status.split(" ")[1]);
    } catch (IOException e) {
      throw new AssertionError("raw request failed: " + e, e);
    }
  }

  public HttpClient client() {
    return http;
  }

  @Override
  public void close() {
    byline.close();
  }
}
