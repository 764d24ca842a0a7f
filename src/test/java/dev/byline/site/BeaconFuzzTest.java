package dev.byline.site;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.byline.analytics.Beacon;
import dev.byline.content.InvalidInput;
import dev.byline.testing.FuzzSeeds;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The page-view beacon's body, anything at all, through the same parsing the handler does: a
 * beacon, or a refusal the handler answers with 400 (invalid input, or a broken form encoding).
 */
public class BeaconFuzzTest {
  public static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> seeds() {
    return FuzzSeeds.of(
        "p=%2Fworld%2Fport-deal&r=duckduckgo.com&u=newsletter",
        "p=/a&p=/b&r=&u=", "p=%E2%82%AC%ZZ&r=%", "p=" + "/x".repeat(400));
  }

  @MethodSource("seeds")
  @FuzzTest
  void any_report_is_a_beacon_or_refused(@NotNull String body) {
    check(body);
  }

  /** The property, for this test and for {@link dev.byline.ParsersFuzzTest}. */
  public static void check(String body) {
    try {
      var form = BeaconHandler.parse(body);
      new Beacon(form.get("p"), form.get("r"), form.get("u"));
    } catch (InvalidInput | IllegalArgumentException refused) {
      // the handler answers 400 for both
    }
  }
}
