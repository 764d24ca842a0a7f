package dev.byline.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.auth.ApiKeys;
import dev.byline.auth.Tokens;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Rate limits over real HTTP: per address without a key, per key with one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiLimitsHttpTest {
  @TempDir
  static Path dir;

  TestSite site;

  @BeforeAll
  void start() {
    site = TestSite.start(
        dir, Map.of("api.rate.anonymous.per.minute", "3", "api.rate.key.per.minute", "5"));
  }

  @AfterAll
  void stop() {
    site.close();
  }

  @Test
  void beyond_its_allowance_a_caller_gets_429_with_retry_after_while_others_go_on()
      throws Exception {
    for (int i = 0; i < 3; i++)
      assertThat(site.get("/api/v1/sections").statusCode()).isEqualTo(200);
    var refused = site.get("/api/v1/sections");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 60L);
    assertThat(new ObjectMapper().readTree(refused.body()).get("error").asText())
        .contains("3 a minute");

    var keys = new ApiKeys(site.newsroom().db(), new Tokens(), Clock.systemUTC());
    var secret = keys.create("Partner", Set.of(), null).secret();
    for (int i = 0; i < 5; i++)
      assertThat(
              site.get("/api/v1/sections", "Authorization", "Bearer " + secret).statusCode())
          .as("a key has its own allowance")
          .isEqualTo(200);
    assertThat(site.get("/api/v1/sections", "Authorization", "Bearer " + secret).statusCode())
        .isEqualTo(429);
  }
}
