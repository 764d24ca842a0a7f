package dev.byline.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.content.InvalidInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the sign-up form takes as an address, and what it refuses with a reason. */
class EmailAddressTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"reader@example.org", " Reader.One+news@Mail.Example.CO.uk ", "a_b-c@x-y.io"})
  void plain_addresses_are_taken_and_lower_cased(String text) {
    var address = new EmailAddress(text);
    assertThat(address.value()).isEqualTo(text.strip().toLowerCase());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "victim@example.org\r\nBcc: many@example.org",
        "victim@example.org\nBcc:x@y.org",
        "a@b@example.org",
        "\"quoted local\"@example.org",
        "someone@[127.0.0.1]",
        "someone@localhost",
        "someone@exa mple.org",
        "<a@example.org>",
        "a@example.org, b@example.org",
        ".dot@example.org",
        "dot.@example.org",
        "@example.org",
        "someone@",
        "ünïcode@example.org",
        ""
      })
  void anything_that_could_become_a_second_header_or_recipient_is_refused(String text) {
    assertThatThrownBy(() -> new EmailAddress(text))
        .isInstanceOf(InvalidInput.class)
        .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("email"));
  }

  @ParameterizedTest
  @ValueSource(ints = {65, 255})
  void over_long_parts_are_refused(int length) {
    var local = "a".repeat(length == 65 ? 65 : 64);
    var domain = length == 255
        ? "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "." + "e".repeat(60)
            + ".org"
        : "example.org";
    assertThatThrownBy(() -> new EmailAddress(local + "@" + domain))
        .isInstanceOf(InvalidInput.class);
  }
}
