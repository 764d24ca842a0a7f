package dev.byline.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Codes match RFC 6238's SHA-1 test vectors (last six digits), so authenticator apps agree. */
class TotpTest {
  static final String RFC_SECRET =
      Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  @Test
  void the_secret_is_base32_as_apps_expect_and_reads_back() {
    assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(new String(Totp.fromBase32(RFC_SECRET), StandardCharsets.US_ASCII))
        .isEqualTo("12345678901234567890");
  }

  @Test
  void codes_match_the_rfc_6238_test_vectors() {
    assertThat(Totp.code(RFC_SECRET, Totp.step(59_000L))).isEqualTo("287082");
    assertThat(Totp.code(RFC_SECRET, Totp.step(1_111_111_109_000L))).isEqualTo("081804");
    assertThat(Totp.code(RFC_SECRET, Totp.step(1_111_111_111_000L))).isEqualTo("050471");
    assertThat(Totp.code(RFC_SECRET, Totp.step(1_234_567_890_000L))).isEqualTo("005924");
    assertThat(Totp.code(RFC_SECRET, Totp.step(2_000_000_000_000L))).isEqualTo("279037");
    assertThat(Totp.code(RFC_SECRET, Totp.step(20_000_000_000_000L))).isEqualTo("353130");
  }

  @Test
  void a_code_one_step_either_side_is_accepted_and_two_steps_off_is_not() {
    long now = 1_234_567_890_000L;
    long step = Totp.step(now);
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now))
        .hasValue(step - 1);
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now))
        .hasValue(step + 1);
    assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now))
        .isEmpty();
    assertThat(Totp.matchingStep(RFC_SECRET, "12345", now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_SECRET, "abcdef", now)).isEmpty();
  }

  @Test
  void the_link_names_the_issuer_the_account_and_the_parameters() {
    assertThat(Totp.uri("The Daily", "ed@example.org", "ABC"))
        .isEqualTo("otpauth://totp/The%20Daily:ed%40example.org?secret=ABC&issuer=The%20Daily"
            + "&algorithm=SHA1&digits=6&period=30");
  }
}
