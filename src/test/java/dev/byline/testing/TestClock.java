package dev.byline.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that starts at the real time (or a given one) and moves only when a test says so. */
public final class TestClock extends Clock {
  private final AtomicReference<Instant> now;

  public TestClock() {
    this(Instant.now());
  }

  public TestClock(Instant start) {
    now = new AtomicReference<>(start);
  }

  /** Jumps to {@code at}, e.g. the next day. */
  public void set(Instant at) {
    now.set(at);
  }

  public void advance(Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
