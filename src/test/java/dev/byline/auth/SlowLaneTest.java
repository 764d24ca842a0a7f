package dev.byline.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The slow path waits before judging, and never lets more than its lanes wait at once. */
class SlowLaneTest {
  @Test
  void a_try_waits_the_delay_and_then_is_judged() {
    var waited = new ArrayList<Duration>();
    var lane = new SlowLane(Duration.ofSeconds(2), waited::add);
    assertThat(lane.after(() -> "judged")).hasValue("judged");
    assertThat(waited).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void when_every_lane_is_taken_a_further_try_is_turned_away_at_once() throws Exception {
    var entered = new CountDownLatch(SlowLane.LANES);
    var release = new CountDownLatch(1);
    var lane = new SlowLane(Duration.ofSeconds(2), d -> {
      entered.countDown();
      release.await(30, TimeUnit.SECONDS);
    });
    var threads = Executors.newFixedThreadPool(SlowLane.LANES);
    List<CompletableFuture<Optional<String>>> waiting = new ArrayList<>();
    for (int i = 0; i < SlowLane.LANES; i++)
      waiting.add(CompletableFuture.supplyAsync(() -> lane.after(() -> "judged"), threads));
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

    assertThat(lane.after(() -> "judged")).as("no lane free").isEmpty();

    release.countDown();
    for (var w : waiting) assertThat(w.get(30, TimeUnit.SECONDS)).hasValue("judged");
    threads.shutdown();
    assertThat(new SlowLane(Duration.ZERO, d -> {}).after(() -> "again")).hasValue("again");
  }

  @Test
  void networks_are_ipv4_addresses_and_ipv6_64s() {
    assertThat(LoginThrottle.network("203.0.113.5")).isEqualTo("203.0.113.5");
    assertThat(LoginThrottle.network("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
    assertThat(LoginThrottle.network("2001:0db8:0001:0002:ffff:0:0:9"))
        .isEqualTo("2001:db8:1:2::/64");
    assertThat(LoginThrottle.network("[2001:db8:1:3::1]")).isEqualTo("2001:db8:1:3::/64");
    assertThat(LoginThrottle.network("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
    assertThat(LoginThrottle.network("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
    assertThat(LoginThrottle.network("not an address")).isEqualTo("not an address");
  }
}
