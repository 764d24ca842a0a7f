package dev.byline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The W3C Feed Validator's cases as a wire source would meet them: every file is read or refused
 * with a reason, none crashes the reader, the valid RSS 2.0 and Atom cases with entries yield
 * stories, and the malformed XML ones are refused.
 */
class FeedFixturesTest {
  static final Path FEEDS =
      dev.byline.testing.Fixtures.dir().resolve("feeds").resolve("feedvalidator");
  static final Pattern EXPECT = Pattern.compile("Expect:\\s*(!?\\w+)");

  @Test
  void every_feed_validator_case_is_read_or_refused_with_a_reason_and_none_crashes()
      throws Exception {
    var crashes = new ArrayList<String>();
    var validUnread = new ArrayList<String>();
    var malformedAccepted = new ArrayList<String>();
    int read = 0, refused = 0, stories = 0;
    try (var walk = Files.walk(FEEDS)) {
      for (var f : walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
        var text = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
        var m = EXPECT.matcher(text);
        var expect = m.find() ? m.group(1) : "";
        try {
          var items = WireFormats.read(
              Files.readAllBytes(f),
              ReadContext.of("feeds", f.getFileName().toString(), Instant.EPOCH));
          read++;
          stories += items.size();
          if (expect.equals("SAXError"))
            malformedAccepted.add(FEEDS.relativize(f).toString());
        } catch (WireFormatException e) {
          refused++;
          assertThat(e.getMessage()).isNotBlank();
          var rel = FEEDS.relativize(f).toString();
          if (expect.startsWith("Valid")
              && (rel.startsWith("rss20") || rel.startsWith("atom"))
              && text.contains("<item")
              && !text.contains("<!DOCTYPE")
              && !text.contains("<!ENTITY")) {
            validUnread.add(rel + ": " + e.getMessage());
          }
        } catch (RuntimeException e) {
          crashes.add(FEEDS.relativize(f) + ": " + e);
        }
      }
    }
    assertThat(crashes).isEmpty();
    assertThat(malformedAccepted).isEmpty();
    assertThat(validUnread).isEmpty();
    assertThat(read).isGreaterThan(1000);
    assertThat(refused).isGreaterThan(0);
    assertThat(stories).isGreaterThan(300);
  }
}
