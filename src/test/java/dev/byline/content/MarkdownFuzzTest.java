package dev.byline.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.byline.testing.FuzzSeeds;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An editor's Markdown, anything at all: it becomes blocks that survive the block codec, or is
 * refused as {@link InvalidInput} naming the body. Seeded with real news text and Markdown.
 */
public class MarkdownFuzzTest {
  public static Stream<Arguments> seeds() {
    return Stream.concat(
        FuzzSeeds.of(
            "# Port talks\n\nTalks *began* at [noon](https://example.org).\n\n> A quote\n\n- one\n- two",
            "![Alt](image:42 \"Caption\")\n\nhttps://youtu.be/abc\n\nrelated: 7",
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n\n<script>x</script>",
            ">".repeat(500) + " deep"),
        FuzzSeeds.text("corpus"));
  }

  @MethodSource("seeds")
  @FuzzTest
  void any_markdown_becomes_blocks_or_is_refused(@NotNull String markdown) {
    check(markdown);
  }

  /** The property, for this test and for {@link dev.byline.ParsersFuzzTest}. */
  public static void check(String markdown) {
    java.util.List<Block> blocks;
    try {
      blocks = new Markdown().toBlocks(markdown);
    } catch (InvalidInput refused) {
      return;
    }
    assertThat(BlockCodec.fromJson(BlockCodec.toJson(blocks))).isEqualTo(blocks);
  }
}
