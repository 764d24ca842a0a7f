package dev.byline.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stored bodies read back, whatever the JSON: blocks that write back to the same blocks, or a
 * refusal as {@link InvalidInput}. What the sanitiser lets through must not change on a round trip.
 */
public class BlockCodecFuzzTest {
  public static Stream<Arguments> seeds() {
    return Stream.of(
            "[{\"type\":\"paragraph\",\"html\":\"Talks <em>began</em>.\"}]",
            "[{\"type\":\"heading\",\"level\":2,\"text\":\"Next\"},{\"type\":\"quote\",\"html\":\"Q\","
                + "\"attribution\":\"A\"},{\"type\":\"list\",\"ordered\":true,\"items\":[\"a\",\"b\"]}]",
            "[{\"type\":\"image\",\"imageId\":4,\"caption\":\"c\",\"credit\":\"r\",\"alt\":\"a\"},"
                + "{\"type\":\"embed\",\"provider\":\"youtube\",\"url\":\"https://youtu.be/x\",\"title\":\"\"},"
                + "{\"type\":\"related\",\"articleId\":3},{\"type\":\"html\",\"html\":\"<table><tr><td>1</td></tr></table>\"}]",
            "[{\"type\":\"paragraph\",\"html\":\"<a href=javascript:alert(1)>x</a><script>y</script>\"}]")
        .map(Arguments::of);
  }

  @MethodSource("seeds")
  @FuzzTest
  void any_stored_body_reads_back_or_is_refused(@NotNull String json) {
    check(json);
  }

  /** The property, for this test and for {@link dev.byline.ParsersFuzzTest}. */
  public static void check(String json) {
    java.util.List<Block> blocks;
    try {
      blocks = BlockCodec.fromJson(json);
    } catch (InvalidInput refused) {
      return;
    }
    assertThat(BlockCodec.fromJson(BlockCodec.toJson(blocks))).isEqualTo(blocks);
  }
}
