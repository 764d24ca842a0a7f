package dev.byline.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written text helpers give exactly what their regular-expression definitions give. */
class HtmlTextTest {
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final String ALPHABET = "ab <>/&;amp lt gt #39 \t\n\r\f\u000B\u00A0\u2003é\"'=p";

  @Test
  void collapsing_space_matches_replace_all_then_strip() {
    var r = new Random(5);
    var samples = new java.util.ArrayList<>(
        List.of("", " ", "\t\n", " a  b ", "\u2003a\u00A0 b\u2003", "a\r\n\r\nb"));
    for (int i = 0; i < 5_000; i++) samples.add(random(r, 1 + r.nextInt(40)));
    for (var s : samples) {
      assertThat(Html.collapseSpace(s))
          .as("[%s]", s)
          .isEqualTo(s.replaceAll("\\s+", " ").strip());
    }
  }

  @Test
  void text_of_html_matches_tags_to_spaces_then_unescape_then_collapse() {
    var r = new Random(6);
    var samples = new java.util.ArrayList<>(List.of(
        "<p>Hello <b>world</b></p>",
        "a < b and c > d",
        "x <unclosed",
        "<a href=\"x\">link</a>&amp;&lt;tag&gt;",
        "<<>>",
        "no tags at all",
        "<br/>\n<br/>",
        "3 < 4"));
    for (int i = 0; i < 5_000; i++) samples.add(random(r, 1 + r.nextInt(40)));
    for (var s : samples) {
      var expected = Html.collapseSpace(unescapeViaToText(TAG.matcher(s).replaceAll(" ")));
      assertThat(Html.toText(s)).as("[%s]", s).isEqualTo(expected);
    }
  }

  /** Unescapes text that has no tags left, through toText itself (which then has no tags to strip). */
  private static String unescapeViaToText(String noTags) {
    // With no '<' present toText only unescapes and collapses, which is what the old code did after
    // tags.
    var placeholder = noTags.replace("<", "\uE000");
    return Html.toText(placeholder).replace("\uE000", "<");
  }

  private static String random(Random r, int length) {
    var sb = new StringBuilder();
    for (int i = 0; i < length; i++) sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    return sb.toString();
  }
}
