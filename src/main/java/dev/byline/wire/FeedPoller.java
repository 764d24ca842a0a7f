package dev.byline.wire;

import dev.byline.store.SiteState;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls each source's feed URL at its interval with a conditional GET: the ETag and
 * Last-Modified of the last good answer are kept (in site state, so they survive restarts) and
 * sent back, and a 304 costs nothing. A failure doubles the wait, up to {@link #MAX_BACKOFF}; the
 * first success resets it. A document that cannot be read is quarantined like a bad drop.
 */
public final class FeedPoller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
  /** The longest wait after repeated failures: an hour keeps a dead feed from being hammered. */
  static final Duration MAX_BACKOFF = Duration.ofHours(1);

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final WireIngest ingest;
  private final SiteState state;
  private final List<WireSource> sources;
  /** Made on the first poll: building a client sets up TLS, which costs start-up time for nothing on sites without feeds. */
  private HttpClient http;

  private final Map<String, Integer> failures = new HashMap<>();
  private ScheduledExecutorService executor;

  /** What one poll did. */
  public enum Result {
    NOT_MODIFIED,
    INGESTED,
    QUARANTINED,
    FAILED
  }

  public FeedPoller(WireIngest ingest, SiteState state, List<WireSource> sources) {
    this.ingest = ingest;
    this.state = state;
    this.sources = sources.stream().filter(s -> s.feedUrl() != null).toList();
  }

  private synchronized HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
    }
    return http;
  }

  public FeedPoller start() {
    if (sources.isEmpty()) return this;
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      var t = new Thread(r, "wire-feed-poller");
      t.setDaemon(true);
      return t;
    });
    for (var s : sources) executor.schedule(() -> pollAndReschedule(s), 0, TimeUnit.MILLISECONDS);
    return this;
  }

  private void pollAndReschedule(WireSource s) {
    try {
      poll(s);
    } catch (Throwable e) {
      // Anything one poll meets must not end the schedule: the source is polled again later.
      log.error("event=wire_feed_failed source={} error={}", s.name(), e.getClass(), e);
      failures.merge(s.name(), 1, Integer::sum);
    }
    if (!executor.isShutdown())
      executor.schedule(() -> pollAndReschedule(s), nextDelay(s).toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The wait before the next poll: the interval, doubled for each failure in a row, capped. */
  public Duration nextDelay(WireSource s) {
    int f = failures.getOrDefault(s.name(), 0);
    var delay = s.feedInterval().multipliedBy(1L << Math.min(f, 16));
    return delay.compareTo(MAX_BACKOFF) > 0 && f > 0 ? MAX_BACKOFF : delay;
  }

  /** Polls one source once. */
  public synchronized Result poll(WireSource s) {
    var req = HttpRequest.newBuilder(s.feedUrl())
        .timeout(TIMEOUT)
        .GET()
        .header(
            "Accept",
            "application/atom+xml, application/rss+xml, application/json, application/xml;q=0.9, */*;q=0.5");
    state.get(key(s, "etag")).ifPresent(v -> req.header("If-None-Match", v));
    state.get(key(s, "modified")).ifPresent(v -> req.header("If-Modified-Since", v));
    HttpResponse<InputStream> response;
    try {
      response = http().send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      return failed(s, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(s, "interrupted");
    }
    if (response.statusCode() == 304) {
      close(response.body());
      failures.remove(s.name());
      return Result.NOT_MODIFIED;
    }
    if (response.statusCode() != 200) {
      close(response.body());
      return failed(s, "HTTP " + response.statusCode());
    }
    byte[] bytes;
    try (var in = response.body()) {
      bytes = in.readNBytes(ingest.sources().maxFileBytes() + 1);
    } catch (IOException e) {
      return failed(s, e.toString());
    }
    var now = ingest.clock().instant();
    var name = "feed-" + now.toEpochMilli() + ".xml";
    var read = ingest.read(s, name, bytes, PictureResolver.Beside.NONE);
    failures.remove(s.name());
    if (read.failed()) {
      new Quarantine(s.folder().resolve("quarantine"))
          .copy(name, bytes, read.failure().where(), read.failure().reason(), now);
      log.warn(
          "event=wire_feed_quarantined source={} reason=\"{}\"",
          s.name(),
          read.failure().getMessage());
      return Result.QUARANTINED;
    }
    var outcomes = ingest.ingest(read.items(), WireDesk.Options.NONE);
    var refused = outcomes.stream()
        .filter(o -> o.result() == WireDesk.Result.FAILED && !o.mayPass())
        .map(o -> o.incoming().item().guid() + ": " + o.reason())
        .toList();
    if (!refused.isEmpty())
      new Quarantine(s.folder().resolve("quarantine"))
          .copy(name, bytes, "", String.join("; ", refused), now);
    if (outcomes.stream().anyMatch(WireDesk.Outcome::mayPass)) {
      // Not remembered as read: the next poll fetches the whole feed again and retries.
      return failed(s, "some items could not be stored; the feed is read again at the next poll");
    }
    response.headers().firstValue("ETag").ifPresent(v -> state.put(key(s, "etag"), v));
    response.headers().firstValue("Last-Modified").ifPresent(v -> state.put(key(s, "modified"), v));
    log.info("event=wire_feed_polled source={} items={}", s.name(), read.items().size());
    return Result.INGESTED;
  }

  private Result failed(WireSource s, String why) {
    int f = failures.merge(s.name(), 1, Integer::sum);
    log.warn(
        "event=wire_feed_failed source={} failures={} error=\"{}\" next_in_s={}",
        s.name(),
        f,
        why,
        nextDelay(s).toSeconds());
    return Result.FAILED;
  }

  private static String key(WireSource s, String what) {
    return "wire.feed." + s.name() + "." + what;
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the answer is abandoned
    }
  }

  @Override
  public void close() {
    if (executor != null) executor.shutdownNow();
  }
}
