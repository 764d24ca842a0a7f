package dev.byline.consent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpPrefixTest {
  @Test
  void ipv4_addresses_keep_only_their_slash_24_network() {
    assertThat(IpPrefix.of("203.0.113.77")).isEqualTo("203.0.113.0/24");
    assertThat(IpPrefix.of(" 10.1.2.3 ")).isEqualTo("10.1.2.0/24");
  }

  @Test
  void ipv6_addresses_keep_only_their_slash_48_network() {
    assertThat(IpPrefix.of("2001:db8:abcd:12:1:2:3:4")).isEqualTo("2001:db8:abcd::/48");
    assertThat(IpPrefix.of("[2001:db8::1]")).isEqualTo("2001:db8:0::/48");
    assertThat(IpPrefix.of("::ffff:198.51.100.9")).isEqualTo("198.51.100.0/24");
    assertThat(IpPrefix.of("::1")).isEqualTo("0:0:0::/48");
  }

  @Test
  void anything_that_is_not_an_address_literal_is_unknown_and_never_looked_up() {
    assertThat(IpPrefix.of("example.org")).isEqualTo(IpPrefix.UNKNOWN);
    assertThat(IpPrefix.of("300.1.1.1")).isEqualTo(IpPrefix.UNKNOWN);
    assertThat(IpPrefix.of("")).isEqualTo(IpPrefix.UNKNOWN);
    assertThat(IpPrefix.of(null)).isEqualTo(IpPrefix.UNKNOWN);
    assertThat(IpPrefix.of("1.2.3.4; DROP TABLE")).isEqualTo(IpPrefix.UNKNOWN);
  }
}
