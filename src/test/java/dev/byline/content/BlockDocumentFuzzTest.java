package dev.byline.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the block editor may post, whatever it is: blocks that the editor can open again and that
 * read back the same, or a refusal as {@link InvalidInput}, never another exception.
 */
public class BlockDocumentFuzzTest {
  public static Stream<Arguments> seeds() {
    return Stream.of(
            "{\"version\":1,\"blocks\":[{\"type\":\"paragraph\",\"html\":\"Talks <em>began</em> <a href=\\\"https://e.org\\\">here</a>.\"}]}",
            "{\"version\":1,\"blocks\":[{\"type\":\"heading\",\"level\":2,\"text\":\"Next\"},"
                + "{\"type\":\"quote\",\"html\":\"Q\",\"cite\":\"A\"},"
                + "{\"type\":\"list\",\"ordered\":true,\"items\":[\"a\",\"<b>b</b>\"]}]}",
            "{\"version\":1,\"blocks\":[{\"type\":\"image\",\"photo\":4,\"caption\":\"c\",\"credit\":\"r\",\"alt\":\"a\"},"
                + "{\"type\":\"embed\",\"url\":\"https://youtu.be/dQw4w9WgXcQ\",\"title\":\"\"},"
                + "{\"type\":\"related\",\"article\":3},{\"type\":\"html\",\"html\":\"<table><tr><td>1</td></tr></table>\"}]}",
            "{\"version\":1,\"blocks\":[{\"type\":\"paragraph\",\"html\":\"<a href=javascript:alert(1)>x</a>\"}]}")
        .map(Arguments::of);
  }

  @MethodSource("seeds")
  @FuzzTest
  void any_posted_document_becomes_blocks_or_is_refused(@NotNull String json) {
    check(json);
  }

  /** The property, for this test and for {@link dev.byline.ParsersFuzzTest}. */
  public static void check(String json) {
    java.util.List<Block> blocks;
    try {
      blocks = BlockDocument.parse(json);
    } catch (InvalidInput refused) {
      return;
    }
    assertThat(BlockDocument.parse(BlockDocument.write(blocks))).isEqualTo(blocks);
  }
}
