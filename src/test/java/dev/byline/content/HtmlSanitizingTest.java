package dev.byline.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlSanitizingTest {
  @Test
  void inline_html_sanitised_twice_is_unchanged_even_with_backticks_in_attributes() {
    var once = Html.inline(
        "<a href=\"https://example.org/a`b\" title=\"C`ption \">Alt</a> and <abbr title=\"x`\">X</abbr>");
    assertThat(once).contains("title=");
    assertThat(Html.inline(once)).isEqualTo(once);
  }

  @Test
  void block_html_sanitised_twice_is_unchanged_with_a_backtick_in_alt_text() {
    var once =
        Html.block("<p><img src=\"https://example.org/p.jpg\" alt=\"a `quoted` photo\"></p>");
    assertThat(once).contains("src=\"https://example.org/p.jpg\"").contains("alt=");
    assertThat(Html.block(once)).isEqualTo(once);
  }

  @Test
  void a_paragraph_read_back_from_storage_is_the_same_paragraph() {
    var paragraph =
        new Block.Paragraph("See <a href=\"https://example.org/\" title=\"C`ption \">this</a>");
    assertThat(new Block.Paragraph(paragraph.html())).isEqualTo(paragraph);
  }

  @Test
  void an_image_address_with_a_backtick_reads_back_the_same() {
    var once = Html.block("<p><img src=\"https://example.org/a`b.jpg\" alt=\"x\"></p>");
    assertThat(once).contains("<img");
    assertThat(Html.block(once)).isEqualTo(once);
  }
}
