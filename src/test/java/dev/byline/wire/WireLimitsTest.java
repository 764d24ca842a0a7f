package dev.byline.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The limits every wire reader holds, whatever the file: each refusal names the limit. */
class WireLimitsTest {
  static final ReadContext CTX =
      ReadContext.of("test", "hostile.xml", Instant.parse("2026-03-01T09:00:00Z"));

  @Test
  void a_nitf_nested_five_thousand_deep_is_refused_with_a_reason_not_a_stack_overflow() {
    var deep = HostileInput.deepNitf(5_000);
    assertThat(deep.length).isBetween(40_000, 80_000);
    var thrown = catchThrowable(() -> WireFormats.read(deep, CTX));
    assertThat(thrown)
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("nests elements more than " + SafeXml.MAX_DEPTH + " deep");
    assertThat(((WireFormatException) thrown).where()).startsWith("line ");
  }

  @Test
  void a_body_nested_as_deep_as_real_mark_up_goes_still_reads() {
    var item = WireFormats.read(HostileInput.deepNitf(60), CTX).get(0);
    assertThat(item.headline())
        .isEqualTo("Can trading pollution like stocks help fight climate change?");
    assertThat(item.bodyText()).contains("carbon");
  }
}
