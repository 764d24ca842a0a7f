package dev.byline.delivery;

import dev.byline.store.Wakeup;
import java.time.Clock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one target's deliveries on its own thread, one at a time, so a slow or failing receiver
 * holds up nobody but itself. Wakes when the queue has news and otherwise polls, for deliveries
 * another node queued or a retry falling due.
 */
final class Worker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  /**
   * How often a held delivery asks again whether it may go: a sleep, not a wait on the queue's
   * wake-ups, which come with every change during a burst and would turn the hold into a spin.
   */
  private static final long HOLD_POLL_MILLIS = 50;

  private final Target target;
  private final Deliveries deliveries;
  private final DeliverySettings settings;
  private final Retry retry;
  private final Clock clock;
  private final Predicate<Delivery> ready;
  private final Wakeup wakeup = new Wakeup();
  private final Thread thread;
  private volatile boolean running = true;

  Worker(Target target, Deliveries deliveries, DeliverySettings settings, Clock clock) {
    this(target, deliveries, settings, clock, d -> true);
  }

  /** A worker that sends a due delivery only once {@code ready} says it may go. */
  Worker(
      Target target,
      Deliveries deliveries,
      DeliverySettings settings,
      Clock clock,
      Predicate<Delivery> ready) {
    this.ready = ready;
    this.target = target;
    this.deliveries = deliveries;
    this.settings = settings;
    this.retry = Retry.of(settings);
    this.clock = clock;
    thread = new Thread(this::run, "delivery-" + target.name());
    thread.setDaemon(true);
  }

  Worker start() {
    thread.start();
    return this;
  }

  Target target() {
    return target;
  }

  void wake() {
    wakeup.wake();
  }

  private void run() {
    int readFailures = 0;
    while (running) {
      try {
        var next = deliveries.nextDue(target.name(), clock.millis());
        readFailures = 0;
        if (next.isEmpty()) {
          pause();
          continue;
        }
        while (running && !ready.test(next.get())) Thread.sleep(HOLD_POLL_MILLIS);
        if (running) attempt(next.get());
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (!running) return;
        // The database is unreachable: wait, then try again; nothing is lost from the queue.
        long wait = retry.waitMillis(++readFailures);
        log.error(
            "event=delivery_queue_unreadable target={} retry_in_ms={} error=\"{}\"",
            target.name(),
            wait,
            e.toString());
        try {
          Thread.sleep(wait);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  private void attempt(Delivery d) {
    long lease = settings.timeout().toMillis() * 2 + 5_000;
    if (!deliveries.claim(d, clock.millis() + lease)) return;
    try {
      int status = target.send(d);
      deliveries.delivered(d.id(), status, clock.millis());
      log.info(
          "event=delivered target={} key={} attempts={}",
          target.name(),
          d.idempotencyKey(),
          d.attempts() + 1);
    } catch (DeliveryFailed e) {
      int attempts = d.attempts() + 1;
      long now = clock.millis();
      if (retry.givenUp(d.createdAt().toEpochMilli(), now)) {
        deliveries.failed(d.id(), e.status(), e.getMessage(), now);
        log.error(
            "event=delivery_given_up target={} key={} attempts={} error=\"{}\"",
            target.name(),
            d.idempotencyKey(),
            attempts,
            e.getMessage());
        return;
      }
      long wait = retry.waitMillis(attempts);
      deliveries.retryAt(d.id(), e.status(), e.getMessage(), now + wait);
      log.warn(
          "event=delivery_failed target={} key={} attempts={} retry_in_ms={} error=\"{}\"",
          target.name(),
          d.idempotencyKey(),
          attempts,
          wait,
          e.getMessage());
    }
  }

  private void pause() throws InterruptedException {
    long wait = settings.pollMillis();
    var due = deliveries.nextAt(target.name());
    if (due.isPresent()) wait = Math.max(1, Math.min(wait, due.get() - clock.millis()));
    wakeup.await(wait);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
