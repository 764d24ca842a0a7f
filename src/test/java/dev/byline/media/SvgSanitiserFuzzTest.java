package dev.byline.media;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.byline.testing.FuzzSeeds;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An uploaded SVG, anything at all: a drawing that reads back to itself, or {@link
 * MediaException}.
 */
public class SvgSanitiserFuzzTest {
  public static Stream<Arguments> seeds() {
    return FuzzSeeds.of(
            SvgSanitiserTest.WORDMARK,
            SvgSanitiserTest.ICON,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"12\" height=\"3\"/>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 9 9\"><rect style=\"fill:"
                + "url(#a)\" onload=\"x\"/><script>x</script></svg>",
            "<!DOCTYPE svg [<!ENTITY a \"b\">]><svg/>")
        .map(a -> Arguments.of((Object) ((String) a.get()[0]).getBytes(StandardCharsets.UTF_8)));
  }

  @MethodSource("seeds")
  @FuzzTest
  void any_upload_is_a_drawing_or_refused(@NotNull byte[] svg) {
    check(svg);
  }

  /** The property, for this test and for {@link dev.byline.ParsersFuzzTest}. */
  public static void check(byte[] svg) {
    SvgSanitiser.Svg taken;
    try {
      taken = SvgSanitiser.sanitise(svg, "SVG logo");
    } catch (MediaException refused) {
      return; // shown on the form
    }
    var again = SvgSanitiser.sanitise(taken.bytes(), "SVG logo");
    if (!Arrays.equals(again.bytes(), taken.bytes()))
      throw new AssertionError("a stored drawing does not read back to itself:\n"
          + new String(taken.bytes(), StandardCharsets.UTF_8));
  }
}
