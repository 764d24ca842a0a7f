package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.store.SurrogateKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PageCacheTest {
  static RenderedPage page(String text, String... keys) {
    return RenderedPage.html(text.getBytes(StandardCharsets.UTF_8), Set.of(keys), Instant.EPOCH);
  }

  @Test
  void a_purge_drops_exactly_the_pages_that_depend_on_the_key() {
    var cache = new PageCache(1 << 20, Clock.systemUTC());
    cache.get("/world", () -> page("world", "section:1", "sections"));
    cache.get("/a", () -> page("a", "article:1", "section:1", "sections"));
    cache.get("/b", () -> page("b", "article:2", "section:2", "sections"));
    cache.purge(Set.of("section:1"));
    assertThat(cache.peek("/world")).isNull();
    assertThat(cache.peek("/a")).isNull();
    assertThat(cache.peek("/b")).isNotNull();
    cache.purge(Set.of(SurrogateKey.SECTIONS));
    assertThat(cache.peek("/b")).isNull();
  }

  @Test
  void a_page_rendered_while_a_purge_happens_is_served_but_not_kept() throws Exception {
    var cache = new PageCache(1 << 20, Clock.systemUTC());
    var rendering = new CountDownLatch(1);
    var purged = new CountDownLatch(1);
    var t = new Thread(() -> cache.get("/x", () -> {
      rendering.countDown();
      try {
        purged.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return page("stale", "article:9");
    }));
    t.start();
    rendering.await();
    cache.purge(Set.of("article:9"));
    purged.countDown();
    t.join();
    assertThat(cache.peek("/x"))
        .as("a render that overlapped a purge may hold old data")
        .isNull();
  }

  @Test
  void errors_and_redirects_are_not_cached_and_a_failing_render_is_retried() {
    var cache = new PageCache(1 << 20, Clock.systemUTC());
    var calls = new AtomicInteger();
    try {
      cache.get("/boom", () -> {
        calls.incrementAndGet();
        throw new IllegalStateException("boom");
      });
    } catch (IllegalStateException expected) {
      // the caller sees the failure
    }
    cache.get("/boom", () -> {
      calls.incrementAndGet();
      return page("ok", "front");
    });
    assertThat(calls).hasValue(2);
    cache.get("/moved", () -> new RenderedPage(301, "text/html", new byte[0], Set.of(), null));
    assertThat(cache.peek("/moved")).isNull();
    cache.get(
        "/gone",
        () -> new RenderedPage(410, "text/html", "gone".getBytes(), Set.of("article:3"), null));
    assertThat(cache.peek("/gone")).isNotNull();
  }

  @Test
  void memory_is_bounded_by_the_weight_of_the_pages() {
    var cache = new PageCache(200_000, Clock.systemUTC());
    var big = "x".repeat(50_000);
    for (int i = 0; i < 50; i++) {
      int n = i;
      cache.get("/p" + n, () -> page(big + n, "front"));
    }
    assertThat(cache.size()).isLessThan(50);
  }
}
