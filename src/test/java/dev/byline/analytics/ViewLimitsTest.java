package dev.byline.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The beacon's limits in memory: address groups, windows, and a bound whatever is sent. */
class ViewLimitsTest {
  @Test
  void an_ipv6_address_is_grouped_by_its_slash_64_and_an_ipv4_address_stands_alone() {
    assertThat(AddressGroup.of("2001:db8:5:7:1000::1")).isEqualTo("2001:db8:5:7::/64");
    assertThat(AddressGroup.of("[2001:DB8:5:7:ffff:1:2:3]")).isEqualTo("2001:db8:5:7::/64");
    assertThat(AddressGroup.of("2001:db8:5:8::1")).isEqualTo("2001:db8:5:8::/64");
    assertThat(AddressGroup.of("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
    assertThat(AddressGroup.of("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(AddressGroup.of("192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(AddressGroup.of("not-an-address")).isEqualTo("not-an-address");
    assertThat(AddressGroup.of("")).isEmpty();
  }

  @Test
  void a_window_starts_at_the_first_count_and_a_new_one_after_it_ends() {
    var counts = new WindowCounts(Duration.ofMinutes(1), 10);
    counts.add(1, 0);
    counts.add(1, 59_999);
    assertThat(counts.count(1, 59_999)).isEqualTo(2);
    assertThat(counts.count(1, 60_000)).isZero();
    counts.add(1, 60_000);
    assertThat(counts.count(1, 60_000)).isEqualTo(1);
  }

  @Test
  void memory_stays_bounded_under_a_flood_of_new_keys_dropping_the_oldest_first() {
    var counts = new WindowCounts(Duration.ofHours(1), 1_000);
    for (long key = 0; key < 50_000; key++) counts.add(key, key);
    assertThat(counts.size()).isEqualTo(1_000);
    assertThat(counts.count(49_999, 50_000)).as("the newest is held").isEqualTo(1);
    assertThat(counts.count(0, 50_000)).as("the oldest went first").isZero();

    var limits = new ViewLimits();
    for (int i = 0; i < 3 * ViewLimits.MAX_KEYS; i++) limits.admit(i, i, "/world/story", 0);
    assertThat(limits.keys()).isLessThanOrEqualTo(3 * ViewLimits.MAX_KEYS);
  }

  @Test
  void ended_windows_are_dropped_as_time_passes() {
    var counts = new WindowCounts(Duration.ofMinutes(1), 1_000);
    for (long key = 0; key < 500; key++) counts.add(key, 0);
    counts.add(9_999, 60_000);
    assertThat(counts.size()).isEqualTo(1);
  }
}
