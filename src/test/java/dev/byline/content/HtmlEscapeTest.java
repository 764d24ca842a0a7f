package dev.byline.content;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import org.junit.jupiter.api.Test;

/** What the one escaper for text outside templates escapes, and that it agrees with jte's. */
class HtmlEscapeTest {
  @Test
  void the_five_characters_that_matter_in_text_and_quoted_attributes_are_escaped() {
    assertThat(Html.escape("&<>\"'")).isEqualTo("&amp;&lt;&gt;&#34;&#39;");
    assertThat(Html.escape("Fish & chips <b>\"now\"</b> it's"))
        .isEqualTo("Fish &amp; chips &lt;b&gt;&#34;now&#34;&lt;/b&gt; it&#39;s");
  }

  @Test
  void everything_else_is_left_as_it_is_and_null_is_empty() {
    var plain = "Café – 10/10 = 100% `ok` é\u00A0ü 😀 \t\n";
    assertThat(Html.escape(plain)).isEqualTo(plain);
    assertThat(Html.escape(null)).isEmpty();
    assertThat(Html.escape("&amp;")).isEqualTo("&amp;amp;"); // escaped text, not HTML
  }

  @Test
  void it_escapes_what_either_of_jtes_contexts_escapes_with_the_same_entities() {
    // jte escapes & < > in element content and & < " ' in attribute values; text escaped here is
    // safe in both, and reads exactly as a template would have written it.
    for (char c = 0; c < 0x3000; c++) {
      var text = String.valueOf(c);
      var content = jte(text, Escape::htmlContent);
      var attribute = jte(text, Escape::htmlAttribute);
      var expected = !content.equals(text) ? content : attribute;
      assertThat(Html.escape(text)).as("U+%04X", (int) c).isEqualTo(expected);
    }
  }

  private static String jte(String text, java.util.function.BiConsumer<String, StringOutput> e) {
    var out = new StringOutput();
    e.accept(text, out);
    return out.toString();
  }
}
