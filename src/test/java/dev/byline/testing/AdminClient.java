package dev.byline.testing;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP client for the admin: keeps cookies, reads the CSRF token from the last
 * page, and posts forms with it.
 *
 * <pre>{@code
 * var editor = new AdminClient(site).signIn("ed@example.org", "a long password");
 * var page = editor.get("/admin/articles/new");
 * editor.postForm("/admin/articles", Map.of("headline", "Hello"));
 * }</pre>
 */
public final class AdminClient {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
  private final TestSite site;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  private String csrf = "";

  public AdminClient(TestSite site) {
    this.site = site;
    this.http = HttpClient.newBuilder()
        .cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** Signs in through the real form; fails the test when it does not land on an admin page. */
  public AdminClient signIn(String email, String password) {
    var r = trySignIn(email, password);
    if (r.statusCode() != 303)
      throw new AssertionError(
          "sign-in as " + email + " answered " + r.statusCode() + ": " + r.body());
    return this;
  }

  public HttpResponse<String> trySignIn(String email, String password) {
    get("/admin/login");
    return postForm("/admin/login", Map.of("email", email, "password", password));
  }

  public HttpResponse<String> get(String path, String... headers) {
    var b = HttpRequest.newBuilder(URI.create(site.url(path))).GET();
    var r = send(b, headers);
    var m = CSRF.matcher(r.body());
    if (m.find()) csrf = m.group(1);
    return r;
  }

  /** Posts a form with the CSRF token of the last page read (and any headers, in name, value pairs). */
  public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
    var all = new LinkedHashMap<String, String>();
    all.put("csrf", csrf);
    all.putAll(fields);
    return postRaw(path, all, headers);
  }

  /** Posts exactly these fields, with no CSRF token unless given. */
  public HttpResponse<String> postRaw(String path, Map<String, String> fields, String... headers) {
    var body = new StringBuilder();
    fields.forEach((k, v) -> {
      if (body.length() > 0) body.append('&');
      body.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    });
    var b = HttpRequest.newBuilder(URI.create(site.url(path)))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .header("Content-Type", "application/x-www-form-urlencoded");
    return send(b, headers);
  }

  /** Posts a multipart form (fields and one file) with the CSRF token. */
  public HttpResponse<String> postMultipart(
      String path, Map<String, String> fields, String fileField, String fileName, byte[] file) {
    return postMultipart(path, fields, fileField, fileName, file, new String[0]);
  }

  /** As above, with headers in name, value pairs (an {@code Accept} for a JSON answer). */
  public HttpResponse<String> postMultipart(
      String path,
      Map<String, String> fields,
      String fileField,
      String fileName,
      byte[] file,
      String... headers) {
    var boundary = "----byline" + System.nanoTime();
    var out = new java.io.ByteArrayOutputStream();
    var all = new LinkedHashMap<String, String>();
    all.put("csrf", csrf);
    all.putAll(fields);
    try {
      for (var e : all.entrySet()) {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
                + "\"\r\n\r\n" + e.getValue() + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
      }
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
              + "\"; filename=\"" + fileName
              + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.write(file);
      out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var b = HttpRequest.newBuilder(URI.create(site.url(path)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary);
    return send(b, headers);
  }

  /** Posts a multipart form with the CSRF token and several files: field to (file name, bytes). */
  public HttpResponse<String> postMultipartFiles(
      String path, Map<String, String> fields, Map<String, Map.Entry<String, byte[]>> files) {
    var boundary = "----byline" + System.nanoTime();
    var out = new java.io.ByteArrayOutputStream();
    var all = new LinkedHashMap<String, String>();
    all.put("csrf", csrf);
    all.putAll(fields);
    try {
      for (var e : all.entrySet()) {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
                + "\"\r\n\r\n" + e.getValue() + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
      }
      for (var f : files.entrySet()) {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                + "\"; filename=\"" + f.getValue().getKey()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
        out.write(f.getValue().getValue());
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var b = HttpRequest.newBuilder(URI.create(site.url(path)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary);
    return send(b, new String[0]);
  }

  public String csrf() {
    return csrf;
  }

  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(c -> c.getValue())
        .findFirst()
        .orElse(null);
  }

  public CookieManager cookies() {
    return cookies;
  }

  private HttpResponse<String> send(HttpRequest.Builder b, String... headers) {
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    try {
      return http.send(
          b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new AssertionError("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }
}
