package dev.byline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Liveness and readiness over real HTTP, including each way a node stops being ready. */
class HealthHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void a_fresh_site_is_live_and_ready_with_every_check_named() throws Exception {
    try (var site = TestSite.start(dir)) {
      var live = site.get("/healthz");
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(live.body()).path("status").asText()).isEqualTo("live");
      assertOperational(live);

      var ready = site.get("/readyz");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertOperational(ready);
      var body = JSON.readTree(ready.body());
      assertThat(body.path("status").asText()).isEqualTo("ready");
      for (var check : new String[] {"database", "search_index", "disk"})
        assertThat(body.path("checks").path(check).path("ok").asBoolean())
            .as(check)
            .isTrue();
    }
  }

  @Test
  void too_little_disk_makes_the_node_not_ready_and_says_which_check() throws Exception {
    try (var site = TestSite.start(dir, Map.of("ready.disk.min.mb", "2000000000"))) {
      var ready = site.get("/readyz");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertOperational(ready);
      JsonNode body = JSON.readTree(ready.body());
      assertThat(body.path("status").asText()).isEqualTo("not ready");
      assertThat(body.path("checks").path("disk").path("ok").asBoolean()).isFalse();
      assertThat(body.path("checks").path("disk").path("detail").asText()).contains("MB free");
      assertThat(body.path("checks").path("database").path("ok").asBoolean()).isTrue();
      // Still live: a full disk is for the balancer to route around, not a reason to restart.
      assertThat(site.get("/healthz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void a_closed_search_index_makes_the_node_not_ready() throws Exception {
    try (var site = TestSite.start(dir)) {
      assertThat(site.get("/readyz").statusCode()).isEqualTo(200);
      site.byline().searchIndex().close();
      var ready = site.get("/readyz");
      assertThat(ready.statusCode()).isEqualTo(503);
      var index = JSON.readTree(ready.body()).path("checks").path("search_index");
      assertThat(index.path("ok").asBoolean()).isFalse();
      assertThat(index.path("detail").asText()).isEqualTo("closed");
    }
  }

  @Test
  void readiness_writes_and_reads_on_postgresql_too() throws Exception {
    var config = TestDatabases.postgres(dir);
    try (var site = TestSite.start(config)) {
      var ready = site.get("/readyz");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(ready.body())
              .path("checks")
              .path("database")
              .path("ok")
              .asBoolean())
          .isTrue();
      assertThat(site.get("/readyz").statusCode())
          .as("the second probe updates its row")
          .isEqualTo(200);
    } finally {
      TestDatabases.drop(config);
    }
  }

  private static void assertOperational(HttpResponse<String> r) {
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
  }
}
