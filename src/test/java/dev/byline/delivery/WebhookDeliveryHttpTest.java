package dev.byline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.auth.Role;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.live.PostDraft;
import dev.byline.testing.AdminClient;
import dev.byline.testing.Eventually;
import dev.byline.testing.HookReceiver;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks over real HTTP: an admin subscribes real receivers on free ports through the admin
 * form; receivers fail, hang past the timeout and recover, and still get every event, in order
 * per article, signed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryHttpTest {
  static final String PASSWORD = "a long enough password";
  static final Pattern SECRET = Pattern.compile("<code>([0-9a-f]{64})</code>");
  static final ObjectMapper json = new ObjectMapper();

  @TempDir
  static Path dir;

  TestSite site;
  AdminClient admin;
  long section;

  @BeforeAll
  void start() {
    site = TestSite.start(
        dir,
        Map.of(
            "webhooks.allow.private", "true",
            "delivery.timeout.ms", "500",
            "delivery.retry.first.ms", "50",
            "delivery.retry.max.ms", "200",
            "delivery.poll.ms", "50"));
    site.byline()
        .accounts()
        .users()
        .create("hooks@example.org", "Hook Admin", Role.ADMIN, PASSWORD, false);
    admin = new AdminClient(site).signIn("hooks@example.org", PASSWORD);
    section = site.newsroom().sections().ensure("news", "News", "", 1).id();
  }

  @AfterAll
  void stop() {
    site.close();
  }

  /** Subscribes {@code url} to every article event through the admin form; returns the secret. */
  String subscribe(String url) {
    return subscribe(url, "published", "updated", "unpublished", "deleted");
  }

  /** Subscribes {@code url} to the named events through the admin form; returns the secret. */
  String subscribe(String url, String... events) {
    admin.get("/admin/webhooks");
    var fields = new LinkedHashMap<String, String>();
    fields.put("url", url);
    for (var e : events) fields.put("event-" + e, "on");
    var r = admin.postForm("/admin/webhooks", fields);
    assertThat(r.statusCode()).isEqualTo(303);
    var page = admin.get("/admin/webhooks").body();
    var row = page.substring(page.indexOf(url));
    var m = SECRET.matcher(row);
    assertThat(m.find()).as("the secret is shown to admins").isTrue();
    return m.group(1);
  }

  long story(String headline) {
    return site.newsroom()
        .articles()
        .create(ArticleDraft.of(
            headline, "", section, List.of(Block.Paragraph.ofText(headline + " text."))));
  }

  void update(long id, String headline) {
    var article = site.newsroom().articles().byId(id).orElseThrow();
    site.newsroom()
        .articles()
        .update(
            id,
            article.version(),
            ArticleDraft.of(headline, "", section, List.of(Block.Paragraph.ofText("More."))));
  }

  /** Accepted deliveries, first receipt of each idempotency key, in arrival order. */
  static List<JsonNode> accepted(HookReceiver receiver) throws Exception {
    var firsts = new LinkedHashMap<String, JsonNode>();
    for (var r : receiver.received()) {
      if (r.answered() != 200) continue;
      firsts.putIfAbsent(r.header("Byline-Delivery"), json.readTree(r.body()));
    }
    return new ArrayList<>(firsts.values());
  }

  @Test
  void every_event_reaches_a_failing_then_hanging_receiver_in_order_per_article_and_signed()
      throws Exception {
    // Two failures, then a request that hangs past the timeout, then it recovers.
    try (var receiver =
        HookReceiver.start(n -> n <= 2 ? 503 : n == 3 ? HookReceiver.HANG : 200, 1_500)) {
      var secret = subscribe(receiver.url("/hook"));
      long a = story("Harbour reopens");
      long b = story("Council votes");
      var articles = site.newsroom().articles();
      articles.publish(a);
      articles.publish(b);
      update(a, "Harbour reopens after storm");
      articles.unpublish(a);
      update(b, "Council votes yes");
      articles.unpublish(b);

      Eventually.await("six events accepted", Duration.ofSeconds(20), () -> {
        try {
          return accepted(receiver).size() >= 6;
        } catch (Exception e) {
          return false;
        }
      });
      for (var r : receiver.received()) {
        assertThat(Signature.verify(secret, r.header("Byline-Signature"), r.body()))
            .as("signature of %s", r.header("Byline-Delivery"))
            .isTrue();
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
      }
      var events = accepted(receiver);
      assertThat(events).hasSize(6);
      var perArticle = new LinkedHashMap<Long, List<String>>();
      var lastSeq = new LinkedHashMap<Long, Long>();
      for (var e : events) {
        long id = e.get("article").get("id").asLong();
        long seq = e.get("sequence").asLong();
        assertThat(seq)
            .as("in change order for article %d", id)
            .isGreaterThan(lastSeq.getOrDefault(id, 0L));
        lastSeq.put(id, seq);
        perArticle
            .computeIfAbsent(id, k -> new ArrayList<>())
            .add(e.get("event").asText());
      }
      assertThat(perArticle.get(a))
          .containsExactly("article.published", "article.updated", "article.unpublished");
      assertThat(perArticle.get(b))
          .containsExactly("article.published", "article.updated", "article.unpublished");
      assertThat(receiver.received().stream().filter(r -> r.answered() != 200)).hasSize(3);

      var log = admin.get("/admin/deliveries");
      assertThat(log.statusCode()).isEqualTo(200);
      assertThat(log.body()).contains("delivered", "answered 503", "no answer within 500 ms");
    }
  }

  @Test
  void live_coverage_reaches_subscribers_of_live_events_only_in_order_with_its_action()
      throws Exception {
    try (var live = HookReceiver.start(n -> 200, 1_500);
        var articlesOnly = HookReceiver.start(n -> 200, 1_500)) {
      subscribe(live.url("/live"), "live");
      subscribe(articlesOnly.url("/articles"), "published");
      long id = story("Storm live");
      site.newsroom().articles().publish(id);
      var blog = site.newsroom().live();
      site.newsroom().db().useTransaction(tx -> {
        blog.start(tx, id);
        long post = blog.post(
            tx,
            id,
            new PostDraft(
                "Gusts of 90 km/h.",
                List.of(Block.Paragraph.ofText("Gusts of 90 km/h.")),
                true,
                false,
                "Desk"));
        blog.edit(
            tx,
            id,
            post,
            new PostDraft(
                "Gusts of 95 km/h.",
                List.of(Block.Paragraph.ofText("Gusts of 95 km/h.")),
                true,
                false,
                "Desk"));
      });
      Eventually.await("three live events", Duration.ofSeconds(20), () -> {
        try {
          return accepted(live).size() >= 3 && accepted(articlesOnly).size() >= 1;
        } catch (Exception e) {
          return false;
        }
      });
      var events = accepted(live);
      assertThat(events).extracting(e -> e.get("event").asText()).containsOnly("article.live");
      assertThat(events)
          .extracting(e -> e.get("live").get("action").asText())
          .containsExactly("started", "posted", "edited");
      assertThat(events)
          .allSatisfy(e -> assertThat(e.get("article").get("id").asLong()).isEqualTo(id));
      assertThat(live.received())
          .allSatisfy(r -> assertThat(r.header("Byline-Event")).isEqualTo("article.live"));
      Thread.sleep(500); // anything more for the articles-only receiver would have come by now
      assertThat(accepted(articlesOnly))
          .extracting(e -> e.get("event").asText())
          .containsExactly("article.published");
    }
  }

  @Test
  void a_receiver_that_hangs_delays_neither_publishing_nor_another_receiver() throws Exception {
    // The slow receiver holds every request for 3 s, past the 500 ms timeout: a queue shared by
    // both subscribers would make the fast one wait at least 4 x 500 ms for four stories.
    try (var slow = HookReceiver.start(n -> HookReceiver.HANG, 3_000);
        var fast = HookReceiver.ok()) {
      subscribe(slow.url("/slow"));
      subscribe(fast.url("/fast"));
      var ids = new ArrayList<Long>();
      for (int i = 0; i < 4; i++) ids.add(story("Bridge closes, part " + i));
      long before = System.nanoTime();
      for (long id : ids) site.newsroom().articles().publish(id);
      long publishMillis = (System.nanoTime() - before) / 1_000_000;
      Eventually.await(
          "the fast receiver got all four",
          Duration.ofSeconds(10),
          () -> fast.received().size() >= 4);
      long fastMillis = (fast.received().get(3).atNanos() - before) / 1_000_000;
      assertThat(publishMillis).as("publishing waits for no receiver").isLessThan(1_500);
      assertThat(fastMillis).as("the fast receiver heard all four").isLessThan(1_500);
      assertThat(slow.received()).as("the slow receiver was tried meanwhile").isNotEmpty();
    }
  }

  @Test
  void a_bad_address_is_refused_with_a_clear_error_and_nothing_stored() {
    admin.get("/admin/webhooks");
    var r = admin.postForm(
        "/admin/webhooks", Map.of("url", "ftp://example.org/hook", "event-published", "on"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("must start with https:// or http://");
    var none = admin.postForm("/admin/webhooks", Map.of("url", "https://example.org/hook"));
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("Choose at least one event");
    assertThat(admin.get("/admin/webhooks").body()).doesNotContain("ftp://example.org/hook");
  }

  @Test
  void a_form_without_the_csrf_token_is_refused() {
    var r = admin.postRaw(
        "/admin/webhooks", Map.of("url", "https://example.org/x", "event-published", "on"));
    assertThat(r.statusCode()).isEqualTo(403);
  }
}
