package dev.byline.consent;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.byline.content.InvalidInput;
import dev.byline.testing.FuzzSeeds;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a browser may send as a consent choice, anything at all: a choice, or {@link InvalidInput}. */
public class ConsentChoiceReaderFuzzTest {
  static final ConsentChoiceReader READER = reader();

  static ConsentChoiceReader reader() {
    try {
      var dir = Files.createTempDirectory("byline-consent-fuzz");
      return new ConsentChoiceReader(ConsentPolicy.from(
          dev.byline.testing.TestDatabases.sqlite(
              dir, Map.of("consent.ga4.id", "G-ABCDEF1234", "consent.revision", "2")),
          List.of()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static Stream<Arguments> seeds() {
    return FuzzSeeds.of(
            ConsentChoiceReaderTest.json("custom", true, false),
            ConsentChoiceReaderTest.json("accept-all", true, true),
            "{\"consentId\":\"x\",\"consentId\":\"y\"}",
            "[" + "[".repeat(300))
        .map(a -> Arguments.of(
            (Object) ((String) a.get()[0]).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @MethodSource("seeds")
  @FuzzTest
  void any_body_is_a_choice_or_refused(@NotNull byte[] body) {
    check(body);
  }

  /** The property, for this test and for {@link dev.byline.ParsersFuzzTest}. */
  public static void check(byte[] body) {
    try {
      READER.read(body);
    } catch (InvalidInput refused) {
      // answered 400 with the field named
    }
  }
}
