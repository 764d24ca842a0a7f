package dev.byline.bench;

import dev.byline.Byline;
import dev.byline.auth.Role;
import dev.byline.config.ConfigLoader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Times the newsroom admin's pages on the demo newsroom: sequential requests over loopback, one
 * signed-in editor, median and 95th percentile per page, and each median as a multiple of the
 * cached public front page's (the baseline, measured in the same run).
 */
public final class AdminBench {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    var dir = Files.createTempDirectory("byline-admin-bench");
    var config = new ConfigLoader(Map.of())
        .load(Map.of("data", dir.toString(), "port", "0", "demo", "true"), null);
    try (var byline = Byline.start(config)) {
      byline
          .accounts()
          .users()
          .create(
              "bench@example.org", "Bench Editor", Role.EDITOR, "a long enough password", false);
      var base = byline.url().replaceAll("/$", "");
      var http = HttpClient.newBuilder()
          .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
      var csrf = token(get(http, base + "/admin/login").body());
      var login = post(
          http,
          base + "/admin/login",
          form(Map.of(
              "csrf", csrf, "email", "bench@example.org", "password", "a long enough password")));
      if (login.statusCode() != 303)
        throw new IllegalStateException("sign-in failed: " + login.statusCode());
      var id = byline.newsroom().published().latest(1, 1).items().get(0).id();
      var editor = get(http, base + "/admin/articles/" + id).body();
      csrf = token(editor);
      var fields = new LinkedHashMap<String, String>();
      var body = byline.newsroom().articles().byId(id).orElseThrow();
      fields.put("csrf", csrf);
      fields.put("headline", body.headline());
      fields.put("standfirst", body.standfirst());
      fields.put("body", dev.byline.content.Markdown.fromBlocks(body.body()));
      fields.put("section", Long.toString(body.section().id()));
      var previewBody = form(fields);
      System.out.printf(
          "Admin benchmark: %d sequential requests per page over loopback, demo newsroom (60 stories), Java %s%n",
          n, System.getProperty("java.version"));
      double baseline =
          report("baseline: cached public front page", n, () -> get(http, base + "/"));
      report("dashboard /admin", n, () -> get(http, base + "/admin"), baseline);
      report(
          "article list /admin/articles", n, () -> get(http, base + "/admin/articles"), baseline);
      report(
          "editor /admin/articles/{id}",
          n,
          () -> get(http, base + "/admin/articles/" + id),
          baseline);
      report(
          "live preview POST",
          n,
          () -> post(http, base + "/admin/articles/" + id + "/preview", previewBody),
          baseline);
      report("photo desk /admin/photos", n, () -> get(http, base + "/admin/photos"), baseline);
      int logins = Math.max(5, n / 10);
      report(
          "sign-in POST (Argon2id)",
          logins,
          () -> post(
              http,
              base + "/admin/login",
              form(Map.of(
                  "csrf",
                  token(get(http, base + "/admin").body()),
                  "email",
                  "bench@example.org",
                  "password",
                  "a long enough password"))),
          baseline);
    }
  }

  interface Call {
    HttpResponse<String> run() throws Exception;
  }

  static double report(String label, int n, Call call) throws Exception {
    return report(label, n, call, 0);
  }

  static double report(String label, int n, Call call, double baseline) throws Exception {
    for (int i = 0; i < Math.min(20, n); i++) call.run();
    var times = new ArrayList<Double>();
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      var r = call.run();
      times.add((System.nanoTime() - t) / 1e6);
      if (r.statusCode() >= 400)
        throw new IllegalStateException(label + " answered " + r.statusCode());
    }
    var sorted = times.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    double p95 = sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
    System.out.printf(
        "%-38s median %7.2f ms   p95 %7.2f ms%s%n",
        label,
        median,
        p95,
        baseline > 0 ? String.format("   %6.1f× baseline", median / baseline) : "");
    return median;
  }

  static String token(String page) {
    var m = CSRF.matcher(page);
    if (!m.find()) throw new IllegalStateException("no CSRF token on the page");
    return m.group(1);
  }

  static String form(Map<String, String> fields) {
    var sb = new StringBuilder();
    fields.forEach((k, v) -> {
      if (sb.length() > 0) sb.append('&');
      sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    });
    return sb.toString();
  }

  static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(HttpClient http, String url, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
