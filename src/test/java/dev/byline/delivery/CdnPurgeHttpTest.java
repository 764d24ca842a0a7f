package dev.byline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.Eventually;
import dev.byline.testing.HookReceiver;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fastly and Cloudflare purges against a fake API on a free port: the request shapes each
 * service documents, sent again after a failure.
 */
class CdnPurgeHttpTest {
  static final ObjectMapper json = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void a_publication_purges_fastly_and_cloudflare_by_key_retrying_a_failure() throws Exception {
    // The first two requests fail; both services must be sent again and get through.
    try (var failing = HookReceiver.start(n -> n <= 2 ? 500 : 200, 0)) {
      try (var site = TestSite.start(
          dir,
          Map.of(
              "purge.fastly.service", "svc123",
              "purge.fastly.token", "fastly-token",
              "purge.fastly.api", failing.url("/"),
              "purge.cloudflare.zone", "zone456",
              "purge.cloudflare.token", "cf-token",
              "purge.cloudflare.api", failing.url("/client/v4"),
              "delivery.retry.first.ms", "50",
              "delivery.retry.max.ms", "100",
              "delivery.poll.ms", "50"))) {
        var section = site.newsroom().sections().ensure("news", "News", "", 1);
        var articles = site.newsroom().articles();
        long id = articles.create(ArticleDraft.of(
            "Tram line opens", "", section.id(), List.of(Block.Paragraph.ofText("Trams run."))));
        articles.publish(id);
        var key = "article:" + id;

        Eventually.await("both purges accepted", Duration.ofSeconds(10), () -> {
          var ok = failing.received().stream().filter(r -> r.answered() == 200).toList();
          return ok.stream()
                  .anyMatch(r -> r.path().equals("/service/svc123/purge")
                      && r.header("Surrogate-Key").contains(key))
              && ok.stream()
                  .anyMatch(r -> r.path().equals("/client/v4/zones/zone456/purge_cache")
                      && r.body().contains(key));
        });
        assertThat(failing.received())
            .as("the article's purge names the article and the front page")
            .anyMatch(r ->
                List.of(r.header("Surrogate-Key").split(" ")).containsAll(List.of(key, "front")));
        var fastly = failing.received().stream()
            .filter(r -> r.path().equals("/service/svc123/purge"))
            .toList();
        for (var r : fastly) {
          assertThat(r.method()).isEqualTo("POST");
          assertThat(r.header("Fastly-Key")).isEqualTo("fastly-token");
          assertThat(r.header("Surrogate-Key")).matches("[a-z0-9:-]+( [a-z0-9:-]+)*");
        }
        var cloudflare = failing.received().stream()
            .filter(r -> r.path().equals("/client/v4/zones/zone456/purge_cache"))
            .toList();
        for (var r : cloudflare) {
          assertThat(r.method()).isEqualTo("POST");
          assertThat(r.header("Authorization")).isEqualTo("Bearer cf-token");
          assertThat(r.header("Content-Type")).isEqualTo("application/json");
          var tags = new ArrayList<String>();
          json.readTree(r.body()).get("tags").forEach(t -> tags.add(t.asText()));
          assertThat(tags).isNotEmpty().hasSizeLessThanOrEqualTo(30);
        }
        assertThat(failing.received().stream().filter(r -> r.answered() == 500))
            .as("the two failed requests were sent again")
            .hasSize(2);
        assertThat(site.byline().deliveries().forTarget("fastly"))
            .filteredOn(d -> d.status().equals(Delivery.DELIVERED))
            .isNotEmpty();
        assertThat(site.byline().deliveries().forTarget("cloudflare"))
            .filteredOn(d -> d.attempts() > 1 || d.status().equals(Delivery.DELIVERED))
            .isNotEmpty();
      }
    }
  }
}
