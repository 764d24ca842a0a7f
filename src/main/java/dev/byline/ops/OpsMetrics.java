package dev.byline.ops;

import dev.byline.site.PageCache;
import dev.byline.store.ChangeFeed;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus registry with Byline's own gauges beside the JVM's. Every series carries a
 * {@code node} label so two nodes behind one scrape job stay apart.
 *
 * <p>Gauges that ask the database (feed head, wire queue) are read only when scraped.
 */
public final class OpsMetrics implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OpsMetrics.class);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public OpsMetrics(String node) {
    registry.config().commonTags("node", node);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Hits over all lookups since start; NaN before the first. */
  public void pageCache(PageCache cache) {
    FunctionCounter.builder("byline.page.cache.hits", cache, PageCache::hitCount)
        .description("Requests answered from the page cache")
        .register(registry);
    FunctionCounter.builder("byline.page.cache.renders", cache, PageCache::renderCount)
        .description("Pages rendered because they were not in the cache")
        .register(registry);
    Gauge.builder("byline.page.cache.hit.ratio", cache, c -> {
          double hits = c.hitCount();
          double all = hits + c.renderCount();
          return all == 0 ? Double.NaN : hits / all;
        })
        .description("Share of page lookups answered from memory since start")
        .register(registry);
    Gauge.builder("byline.page.cache.pages", cache, PageCache::size)
        .description("Pages held in memory")
        .register(registry);
  }

  /**
   * Change-feed entries each follower on this node has not applied yet.
   *
   * @param followers follower name to its position
   */
  public void changeFeed(ChangeFeed feed, Map<String, LongSupplier> followers) {
    Gauge.builder("byline.change.feed.head", feed, f -> safely(f::head))
        .description("The newest change-feed sequence number")
        .register(registry);
    followers.forEach((name, position) -> Gauge.builder(
            "byline.change.feed.lag",
            feed,
            f -> safely(() -> Math.max(0, f.head() - position.getAsLong())))
        .description("Change-feed entries this follower has yet to apply")
        .tag("follower", name)
        .register(registry));
  }

  /** Wire stories waiting in the inbox for an editor. */
  public <T> void wireQueue(T source, ToDoubleFunction<T> waiting) {
    Gauge.builder("byline.wire.queue.size", source, waiting)
        .description("Wire stories waiting in the inbox for an editor")
        .register(registry);
  }

  /** A gauge must not throw into the scrape: a database hiccup shows as NaN. */
  private static double safely(LongSupplier read) {
    try {
      return read.getAsLong();
    } catch (RuntimeException e) {
      log.warn("event=metric_read_failed error=\"{}\"", e.toString());
      return Double.NaN;
    }
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
