package dev.byline.newsletter;

import dev.byline.store.Backoff;
import dev.byline.store.Wakeup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued messages on one thread, paced to the configured rate. For each message: claim it
 * (committed), hand it to the SMTP server, mark it sent (committed). A stop lets the message in
 * flight finish and gives back the rest of the claimed batch, so nothing is skipped and nothing
 * is sent twice. Only a process killed between the server's acceptance and the mark leaves a
 * message claimed; its lease runs out and it is sent again with the same Message-ID (at least
 * once, never at most once: a reader may rarely get a repeat, never miss a mail).
 */
final class SendWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SendWorker.class);

  private final NewsletterSettings settings;
  private final Sends sends;
  private final Subscribers subscribers;
  private final Letters letters;
  private final Supplier<SiteVoice> voice;
  private final LetterTemplates templates;
  private final Mailer mailer;
  private final Clock clock;
  private final Backoff backoff;
  private final long intervalNanos;
  private final Map<Long, Send> sendCache = new HashMap<>();
  private final Wakeup wakeup = new Wakeup();
  private final Thread thread;
  private volatile boolean running = true;
  private long nextSlot = System.nanoTime();

  SendWorker(
      NewsletterSettings settings,
      Sends sends,
      Subscribers subscribers,
      Letters letters,
      Supplier<SiteVoice> voice,
      LetterTemplates templates,
      Mailer mailer,
      Clock clock) {
    this.settings = settings;
    this.sends = sends;
    this.subscribers = subscribers;
    this.letters = letters;
    this.voice = voice;
    this.templates = templates;
    this.mailer = mailer;
    this.clock = clock;
    this.backoff = new Backoff(settings.firstRetry(), settings.maxRetry());
    this.intervalNanos = (long) (1e9 / settings.ratePerSecond());
    thread = new Thread(this::run, "newsletter-sender");
    thread.setDaemon(true);
  }

  SendWorker start() {
    thread.start();
    return this;
  }

  void wake() {
    wakeup.wake();
  }

  private void run() {
    int failures = 0;
    while (running) {
      try {
        long now = clock.millis();
        var batch = sends.claim(settings.batch(), now, now + settings.lease().toMillis());
        failures = 0;
        if (batch.isEmpty()) {
          pause();
          continue;
        }
        sendAll(batch);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (!running) return;
        long wait = backoff.after(++failures).toMillis();
        log.error(
            "event=newsletter_queue_unreadable retry_in_ms={} error=\"{}\"", wait, e.toString());
        if (!sleep(wait)) return;
      }
    }
  }

  private void sendAll(List<QueuedMessage> batch) throws InterruptedException {
    var rest = new ArrayList<>(batch);
    try {
      while (!rest.isEmpty() && pace()) {
        var m = rest.remove(0);
        if (!attempt(m)) {
          // The server is unreachable: the rest would fail the same way; give them back for later.
          sends.release(rest, clock.millis() + wait(m.attempts()));
          rest.clear();
          if (!sleep(wait(m.attempts()))) return;
        }
      }
    } finally {
      // A stop: untried messages go back to the queue now.
      sends.release(rest, clock.millis());
    }
  }

  /** Sends one message; false when the server could not be reached at all. */
  private boolean attempt(QueuedMessage m) {
    long now = clock.millis();
    var address = new EmailAddress(m.address());
    if (subscribers.suppressed(address)) {
      sends.skipped(m.id(), "suppressed", now);
      return true;
    }
    boolean confirm = m.kind().equals(Send.CONFIRM);
    var wanted = confirm ? Subscriber.PENDING : Subscriber.CONFIRMED;
    if (!m.subscriberStatus().equals(wanted)) {
      sends.skipped(m.id(), "subscriber is " + m.subscriberStatus(), now);
      return true;
    }
    LetterContent content;
    LetterTemplates.Rendered body;
    try {
      // The site's language, name and zone as they are now: a changed setting shows in the next
      // mail, even within one send.
      var v = voice.get();
      content = confirm ? letters.confirmation(m, v) : letters.of(send(m.sendId()), m, v);
      body = templates.render(content);
    } catch (RuntimeException e) {
      // A letter that cannot be made will not be made by trying again: fail it, keep sending.
      sends.failed(m.id(), "cannot render: " + e, now);
      log.error("event=newsletter_unrenderable message={} error=\"{}\"", m.id(), e.toString());
      return true;
    }
    try {
      mailer.send(new Mailer.Outgoing(
          m.address(),
          content.siteName(),
          content.t().lang(),
          content.subject(),
          body,
          m.messageId(),
          content.unsubscribeUrl(),
          confirm ? "" : settings.unsubscribeMailto(),
          clock.instant()));
      sends.sent(m.id(), clock.millis());
      return true;
    } catch (MailFailure f) {
      return failed(m, address, f);
    }
  }

  private boolean failed(QueuedMessage m, EmailAddress address, MailFailure f) {
    long now = clock.millis();
    if (f.permanent()) {
      sends.failed(m.id(), f.getMessage(), now);
      subscribers.suppress(address, "smtp-" + f.reply(), f.getMessage(), now);
      log.warn("event=newsletter_rejected message={} reply={} suppressed=true", m.id(), f.reply());
      return true;
    }
    if (now - m.createdAt() >= settings.giveUpAfter().toMillis()) {
      sends.failed(m.id(), f.getMessage(), now);
      log.error(
          "event=newsletter_given_up message={} attempts={} error=\"{}\"",
          m.id(),
          m.attempts(),
          f.getMessage());
      return true;
    }
    long wait = wait(m.attempts());
    sends.retryAt(m.id(), f.getMessage(), now + wait);
    log.warn(
        "event=newsletter_retry message={} attempts={} retry_in_ms={} error=\"{}\"",
        m.id(),
        m.attempts(),
        wait,
        f.getMessage());
    return !f.unreachable();
  }

  /** Between half and all of the backoff after {@code attempts}, so retries spread out. */
  private long wait(int attempts) {
    long full = backoff.after(attempts).toMillis();
    return full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1);
  }

  private Send send(long id) {
    if (sendCache.size() > 100) sendCache.clear(); // sends in flight at once are few
    return sendCache.computeIfAbsent(id, k -> sends.send(k).orElseThrow());
  }

  /**
   * Waits for the next message's slot under the rate limit; false when stopping instead. A stop
   * wakes the wait; the thread is never interrupted, since an interrupt inside the database pool
   * could fail the mark of a message the server has already accepted.
   */
  private boolean pace() throws InterruptedException {
    long now = System.nanoTime();
    if (nextSlot < now - intervalNanos) nextSlot = now; // idle: no burst to make up
    long slot = nextSlot;
    for (long left = slot - now; running && left > 0; left = slot - System.nanoTime())
      wakeup.await(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    if (!running) return false;
    nextSlot = slot + intervalNanos;
    return true;
  }

  private void pause() throws InterruptedException {
    mailer.close(); // idle: do not hold the server's connection open
    long wait = settings.pollMillis();
    var due = sends.nextAt();
    if (due.isPresent()) wait = Math.max(1, Math.min(wait, due.get() - clock.millis()));
    wakeup.await(wait);
  }

  private boolean sleep(long millis) {
    try {
      wakeup.await(millis);
      return running;
    } catch (InterruptedException e) {
      return false;
    }
  }

  @Override
  public void close() {
    running = false;
    wakeup.wake();
    try {
      // The message in flight finishes and is marked, then the rest of the batch is given back;
      // a server that hangs is cut off by the SMTP timeout.
      thread.join(settings.smtpTimeout().toMillis() * 3 + 2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    mailer.close();
  }
}
