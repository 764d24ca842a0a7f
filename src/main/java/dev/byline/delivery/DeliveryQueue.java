package dev.byline.delivery;

import dev.byline.config.Config;
import dev.byline.store.Change;
import dev.byline.store.ChangeFeed;
import dev.byline.store.ChangeFollower;
import dev.byline.store.NodePositions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Follows the change feed and queues a delivery per change and target, then lets one worker per
 * target send them. Publishing only appends to the feed; nothing here runs on the writer's
 * thread, so a slow receiver never delays an editor, and one receiver never delays another.
 *
 * <p>The queue starts at the feed's head the first time it runs, so existing history is not
 * replayed to new targets; after that it resumes where it stopped, across restarts.
 */
public final class DeliveryQueue implements AutoCloseable {
  private final Deliveries deliveries;
  private final Subscriptions subscriptions;
  private final DeliverySettings settings;
  private final List<Target> purges;
  private final Http http;
  private final LongFunction<Optional<String>> articleUrl;
  private final Clock clock;
  private final Map<String, Worker> workers = new ConcurrentHashMap<>();
  private final ChangeFollower follower;

  private DeliveryQueue(
      Deliveries deliveries,
      Subscriptions subscriptions,
      DeliverySettings settings,
      List<Target> purges,
      Http http,
      LongFunction<Optional<String>> articleUrl,
      Clock clock,
      ChangeFeed feed,
      NodePositions positions) {
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.settings = settings;
    this.purges = List.copyOf(purges);
    this.http = http;
    this.articleUrl = articleUrl;
    this.clock = clock;
    for (var p : this.purges) {
      // Webhooks go at once; a purge waits until no node can serve the shared cache the old page.
      var caughtUp = new CachesCaughtUp(positions, clock);
      workers.put(p.name(), new Worker(p, deliveries, settings, clock, caughtUp::ready).start());
    }
    refresh();
    deliveries.startCursorAt(feed.head());
    long from = deliveries.cursor().orElse(feed.head());
    follower = feed.follow("deliveries", from, settings.pollMillis(), this::onChanges);
  }

  /**
   * Starts following the feed with the purge targets named in {@code config} and a worker for
   * each active subscription.
   *
   * @param articleUrl an article's public address by id, put in webhook payloads when known
   * @param positions how far each node's page cache has applied the feed; purges wait for it
   */
  public static DeliveryQueue start(
      Config config,
      Deliveries deliveries,
      Subscriptions subscriptions,
      ChangeFeed feed,
      LongFunction<Optional<String>> articleUrl,
      NodePositions positions,
      Clock clock) {
    var settings = DeliverySettings.from(config);
    var http = new Http(settings.timeout());
    return new DeliveryQueue(
        deliveries,
        subscriptions,
        settings,
        PurgeTargets.from(config, http),
        http,
        articleUrl,
        clock,
        feed,
        positions);
  }

  /** Starts workers for new subscriptions and stops those of removed ones. */
  public synchronized void refresh() {
    var active = subscriptions.active();
    var names = new HashSet<String>();
    for (var s : active) {
      names.add(s.target());
      workers.computeIfAbsent(
          s.target(),
          n -> new Worker(
                  new WebhookTarget(s, http, settings.allowPrivateHosts(), articleUrl, clock),
                  deliveries,
                  settings,
                  clock)
              .start());
    }
    for (var name : List.copyOf(workers.keySet())) {
      if (name.startsWith("webhook-") && !names.contains(name))
        workers.remove(name).close();
    }
  }

  /** Names of the targets deliveries currently go to. */
  public List<String> targets() {
    return workers.keySet().stream().sorted().toList();
  }

  /** How far the queue has read the change feed, for tests and the benchmark. */
  public long position() {
    return follower.position();
  }

  private void onChanges(List<Change> changes) {
    refresh(); // another node may have added or removed a subscription
    var targets = new ArrayList<Target>();
    workers.values().forEach(w -> targets.add(w.target()));
    if (deliveries.enqueue(changes, targets, clock.millis()) > 0)
      workers.values().forEach(Worker::wake);
  }

  @Override
  public void close() {
    follower.close();
    workers.values().forEach(Worker::close);
    workers.clear();
  }
}
