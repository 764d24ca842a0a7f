package dev.byline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.byline.testing.FuzzSeeds;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every wire reader (ninjs, NewsML-G2, NITF, RSS and Atom), fed anything: a file is read into
 * items that hold the limits, or refused with a {@link WireFormatException}. Nothing else may
 * come out, a stack overflow least of all. Seeded with every agency file and feed in the fixtures.
 */
public class WireReadersFuzzTest {
  static final ReadContext CTX =
      ReadContext.of("fuzz", "fuzz.xml", Instant.parse("2026-03-01T09:00:00Z"));

  public static Stream<Arguments> seeds() {
    return Stream.concat(FuzzSeeds.bytes("wire"), FuzzSeeds.bytes("feeds"));
  }

  @MethodSource("seeds")
  @FuzzTest
  void any_bytes_are_read_or_refused_with_a_reason(@NotNull byte[] data) {
    check(data);
  }

  /** The property, for this test and for {@link dev.byline.ParsersFuzzTest}. */
  public static void check(byte[] data) {
    try {
      for (var item : WireFormats.read(data, CTX)) {
        assertThat(item.guid()).isNotBlank();
        assertThat(item.headline()).isNotBlank();
        assertThat(item.bodyText().length()).isLessThanOrEqualTo(WireItem.MAX_BODY_CHARS);
      }
    } catch (WireFormatException refused) {
      assertThat(refused.reason()).isNotBlank();
    }
  }
}
