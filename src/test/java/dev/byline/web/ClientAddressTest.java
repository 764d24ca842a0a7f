package dev.byline.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
  static final String CONNECTION = "192.0.2.10";

  @Test
  void without_a_trusted_header_the_connection_is_the_client() {
    var address = ClientAddress.trustingForwarded(false);
    assertThat(address.resolve("203.0.113.7", CONNECTION)).isEqualTo(CONNECTION);
  }

  @Test
  void a_trusted_header_gives_its_last_entry_the_one_the_proxy_added() {
    var address = ClientAddress.trustingForwarded(true);
    assertThat(address.trustedHeader()).isEqualTo("X-Forwarded-For");
    assertThat(address.resolve("198.51.100.1, 203.0.113.7", CONNECTION)).isEqualTo("203.0.113.7");
    assertThat(address.resolve(" 2001:db8::1 ", CONNECTION)).isEqualTo("2001:db8::1");
    assertThat(new ClientAddress("X-Real-IP").resolve("203.0.113.9", CONNECTION))
        .isEqualTo("203.0.113.9");
  }

  @Test
  void a_missing_empty_or_implausible_entry_falls_back_to_the_connection() {
    var address = ClientAddress.trustingForwarded(true);
    assertThat(address.resolve(null, CONNECTION)).isEqualTo(CONNECTION);
    assertThat(address.resolve("  ", CONNECTION)).isEqualTo(CONNECTION);
    assertThat(address.resolve("203.0.113.7, ", CONNECTION)).isEqualTo(CONNECTION);
    assertThat(address.resolve("x".repeat(65), CONNECTION)).isEqualTo(CONNECTION);
    assertThat(address.resolve(null, null)).isEmpty();
  }
}
