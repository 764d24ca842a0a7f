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

  @Test
  void a_nitf_body_longer_than_an_editor_may_write_is_refused_naming_the_limit() {
    var thrown = catchThrowable(() -> WireFormats.read(HostileInput.longNitf(2_000_000), CTX));
    assertThat(thrown)
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("body")
        .hasMessageContaining("the limit is " + WireItem.MAX_BODY_CHARS + " characters");
  }

  @Test
  void a_ninjs_body_longer_than_an_editor_may_write_is_refused_in_text_and_in_html() {
    var words = "Rain fell on the harbour all day. ".repeat(10_000);
    for (var key : java.util.List.of("body_text", "body_html")) {
      var json =
          "{\"uri\":\"urn:long\",\"type\":\"text\",\"versioncreated\":\"2026-03-01T10:00:00Z\","
              + "\"headline\":\"Long\",\"" + key + "\":\"" + words + "\"}";
      var thrown = catchThrowable(
          () -> WireFormats.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), CTX));
      assertThat(thrown)
          .as(key)
          .isInstanceOf(WireFormatException.class)
          .hasMessageContaining("the limit is " + WireItem.MAX_BODY_CHARS + " characters");
    }
  }

  @Test
  void a_long_body_within_the_limit_is_read_whole() {
    var item = WireFormats.read(HostileInput.longNitf(150_000), CTX).get(0);
    assertThat(item.bodyText().length()).isBetween(100_000, WireItem.MAX_BODY_CHARS);
  }

  @Test
  void the_wire_body_limit_is_the_editors() {
    assertThat(WireItem.MAX_BODY_CHARS).isEqualTo(dev.byline.content.Markdown.MAX_LENGTH);
  }
}
