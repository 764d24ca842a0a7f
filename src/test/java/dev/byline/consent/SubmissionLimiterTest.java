package dev.byline.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SubmissionLimiterTest {
  @Test
  void each_network_gets_a_burst_then_one_submission_per_refill() {
    var now = new AtomicLong();
    Ticker ticker = now::get;
    var limiter = new SubmissionLimiter(3, Duration.ofSeconds(10), ticker);
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isFalse();
    assertThat(limiter.tryAcquire("b")).as("another network").isTrue();
    now.addAndGet(Duration.ofSeconds(9).toNanos());
    assertThat(limiter.tryAcquire("a")).isFalse();
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isFalse();
    assertThat(limiter.retryAfterSeconds()).isEqualTo(10);
  }
}
