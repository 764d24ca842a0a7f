package dev.byline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus endpoint over real HTTP: who may scrape it, and that requests move counters. */
class MetricsHttpTest {
  /** A sample line of the text exposition format: name, optional labels, value. */
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)(?: \\S+)?$");

  @TempDir
  Path dir;

  @Test
  void scrape_has_request_cache_feed_wire_and_jvm_series_and_a_request_moves_its_counter() {
    try (var site = TestSite.demo(dir)) {
      var article = firstArticlePath(site);
      site.get(article); // renders into the cache (routed)
      var before = scrape(site);
      assertThat(before)
          .containsKeys(
              "byline_page_cache_hit_ratio{node}",
              "byline_change_feed_lag{follower=search-index,node}",
              "byline_change_feed_lag{follower=page-cache,node}",
              "byline_wire_queue_size{node}",
              "jvm_memory_used_bytes{area=heap,id=G1 Eden Space,node}");
      var routed = "http_server_requests_seconds_count{method=GET,node,route=/healthz,status=200}";
      var cached =
          "http_server_requests_seconds_count{method=GET,node,route=page-cache,status=200}";
      double healthBefore = before.getOrDefault(routed, 0.0);
      double cachedBefore = before.getOrDefault(cached, 0.0);

      site.get("/healthz");
      site.get(article); // from memory, before routing

      var after = scrape(site);
      assertThat(after.get(routed)).isEqualTo(healthBefore + 1);
      assertThat(after.get(cached)).isEqualTo(cachedBefore + 1);
      assertThat(after.get("byline_page_cache_hit_ratio{node}")).isGreaterThan(0.0);
      assertThat(after.keySet())
          .as("routes are labelled by template, never by raw path")
          .anyMatch(k -> k.contains("route=/{section}/{slug}") || k.contains("route=page-cache"))
          .noneMatch(k -> k.contains("route=" + article));
      assertThat(after.keySet())
          .anyMatch(k -> k.startsWith("http_server_requests_seconds_bucket{") && k.contains("le="));
    }
  }

  @Test
  void unknown_paths_share_one_label_so_probes_cannot_blow_up_the_series() {
    try (var site = TestSite.start(dir)) {
      for (int i = 0; i < 20; i++) site.get("/no-such-" + i + "/x" + i);
      var series = scrape(site).keySet().stream()
          .filter(
              k -> k.startsWith("http_server_requests_seconds_count{") && k.contains("status=404"))
          .toList();
      assertThat(series).hasSizeLessThanOrEqualTo(2).allMatch(k -> !k.contains("no-such"));
    }
  }

  @Test
  void only_allowed_addresses_or_the_token_may_scrape() {
    var settings = new HashMap<String, String>();
    settings.put("metrics.allow", "192.0.2.7");
    settings.put("metrics.token", "s3cret-scrape-token");
    try (var site = TestSite.start(dir, settings)) {
      var refused = site.get("/metrics");
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).doesNotContain("jvm_");
      assertThat(site.get("/metrics", "Authorization", "Bearer wrong").statusCode())
          .isEqualTo(403);
      var ok = site.get("/metrics", "Authorization", "Bearer s3cret-scrape-token");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(ok.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(ok.body()).contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void loopback_may_scrape_without_a_token_by_default() {
    try (var site = TestSite.start(dir)) {
      assertThat(site.get("/metrics").statusCode()).isEqualTo(200);
    }
  }

  /** Parses the scrape: key is the name with sorted labels, the node's value elided. */
  static Map<String, Double> scrape(TestSite site) {
    var r = site.get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    var out = new HashMap<String, Double>();
    for (var line : r.body().split("\n")) {
      if (line.isBlank() || line.startsWith("#")) continue;
      var m = SAMPLE.matcher(line);
      assertThat(m.matches()).as("a valid sample line: " + line).isTrue();
      var labels = new java.util.TreeMap<String, String>();
      if (m.group(2) != null)
        for (var l : Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"")
            .matcher(m.group(2))
            .results()
            .toList()) labels.put(l.group(1), l.group(2));
      var key = new StringBuilder(m.group(1));
      if (!labels.isEmpty()) {
        key.append('{');
        var parts = new java.util.ArrayList<String>();
        labels.forEach((k, v) -> parts.add(k.equals("node") ? k : k + "=" + v));
        key.append(String.join(",", parts)).append('}');
      }
      out.put(key.toString(), Double.parseDouble(m.group(3)));
    }
    return out;
  }

  private static String firstArticlePath(TestSite site) {
    var m = Pattern.compile("<h2 class=\"lead-headline\"><a href=\"([^\"]+)\"")
        .matcher(site.get("/").body());
    assertThat(m.find()).as("front page has a lead story").isTrue();
    return m.group(1);
  }
}
