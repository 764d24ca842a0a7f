package dev.byline;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.byline.consent.ConsentChoiceReaderFuzzTest;
import dev.byline.content.BlockCodecFuzzTest;
import dev.byline.content.BlockDocumentFuzzTest;
import dev.byline.content.MarkdownFuzzTest;
import dev.byline.media.SvgSanitiserFuzzTest;
import dev.byline.search.SearchQueryFuzzTest;
import dev.byline.site.BeaconFuzzTest;
import dev.byline.wire.WireReadersFuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parser that takes input from outside, fuzzed in one JVM: the first byte picks the parser,
 * the rest is its input. Jazzer fuzzes one test per JVM and starting one costs more than a short
 * run, so this is what the build fuzzes; each parser's own test is for longer campaigns on one
 * parser (docs/fuzzing.md).
 */
class ParsersFuzzTest {
  private record Target(Supplier<Stream<Arguments>> seeds, Consumer<byte[]> check) {}

  private static final List<Target> TARGETS = List.of(
      new Target(WireReadersFuzzTest::seeds, WireReadersFuzzTest::check),
      new Target(MarkdownFuzzTest::seeds, b -> MarkdownFuzzTest.check(text(b))),
      new Target(BlockCodecFuzzTest::seeds, b -> BlockCodecFuzzTest.check(text(b))),
      new Target(SearchQueryFuzzTest::seeds, b -> SearchQueryFuzzTest.check(text(b))),
      new Target(ConsentChoiceReaderFuzzTest::seeds, ConsentChoiceReaderFuzzTest::check),
      new Target(BeaconFuzzTest::seeds, b -> BeaconFuzzTest.check(text(b))),
      new Target(BlockDocumentFuzzTest::seeds, b -> BlockDocumentFuzzTest.check(text(b))),
      new Target(SvgSanitiserFuzzTest::seeds, SvgSanitiserFuzzTest::check));

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /**
   * Each parser's seeds behind its selector byte. Of the large sets (every agency file and feed in
   * the fixtures) one in eight: each seed runs instrumented before fuzzing starts, and the build's
   * run is short; the parser's own fuzz test takes them all.
   */
  static Stream<Arguments> seeds() {
    return java.util.stream.IntStream.range(0, TARGETS.size()).boxed().flatMap(i -> {
      var seeds = TARGETS.get(i).seeds().get().toList();
      int step = seeds.size() > 100 ? 8 : 1;
      return java.util.stream.IntStream.range(0, seeds.size())
          .filter(k -> k % step == 0)
          .mapToObj(k -> Arguments.of((Object) selected(i, seeds.get(k).get()[0])));
    });
  }

  private static byte[] selected(int target, Object seed) {
    var bytes = seed instanceof byte[] b ? b : ((String) seed).getBytes(StandardCharsets.UTF_8);
    var out = new byte[bytes.length + 1];
    out[0] = (byte) target;
    System.arraycopy(bytes, 0, out, 1, bytes.length);
    return out;
  }

  @MethodSource("seeds")
  @FuzzTest
  void any_input_to_any_parser_is_read_or_refused(@NotNull byte[] data) {
    if (data.length == 0) return;
    TARGETS
        .get(Math.floorMod(data[0], TARGETS.size()))
        .check()
        .accept(Arrays.copyOfRange(data, 1, data.length));
  }
}
