package dev.byline.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlocksTest {
  @Test
  void every_block_type_survives_a_round_trip_through_json() {
    var blocks = List.<Block>of(
        new Block.Paragraph("A <em>calm</em> <a href=\"https://example.org/x\">day</a>."),
        new Block.Heading(3, "Sub"),
        new Block.Quote("Words", "Someone"),
        new Block.ListBlock(true, List.of("a", "b")),
        new Block.ImageBlock(7, "Cap", "Name/AGENCY", "Alt"),
        new Block.Embed("youtube", "https://youtu.be/aqz-KE-bpKQ", "T"),
        new Block.RelatedLink(42),
        new Block.RawHtml("<table><tr><td>1</td></tr></table>"));
    assertThat(BlockCodec.fromJson(BlockCodec.toJson(blocks))).isEqualTo(blocks);
  }

  @Test
  void html_in_blocks_is_sanitised_whatever_comes_in() {
    var p = new Block.Paragraph(
        "Hi <script>alert(1)</script><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">x</a>");
    assertThat(p.html())
        .doesNotContain("script")
        .doesNotContain("onerror")
        .doesNotContain("javascript:")
        .doesNotContain("<img");
    var raw =
        new Block.RawHtml("<iframe src=\"https://evil.example\"></iframe><p style=\"x\">ok</p>");
    assertThat(raw.html()).doesNotContain("iframe").contains("ok");
    assertThat(Block.Paragraph.ofText("a < b & c").html()).isEqualTo("a &lt; b &amp; c");
    assertThat(Block.Paragraph.ofText("a < b & c").text()).isEqualTo("a < b & c");
  }

  @Test
  void malformed_bodies_are_refused_naming_the_block() {
    assertThatThrownBy(() -> BlockCodec.fromJson(
            "[{\"type\":\"paragraph\",\"text\":\"ok\"},{\"type\":\"marquee\"}]"))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("body block 2")
        .hasMessageContaining("marquee");
    assertThatThrownBy(() -> BlockCodec.fromJson("{not json"))
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(
            () -> new Block.Embed("youtube", "http://youtube.com/watch?v=aqz-KE-bpKQ", ""))
        .hasMessageContaining("https");
    assertThatThrownBy(() -> new Block.Embed("youtube", "https://example.org/v", ""))
        .hasMessageContaining("YouTube");
    assertThatThrownBy(() -> new Block.Heading(1, "x")).hasMessageContaining("heading level");
  }

  @Test
  void youtube_ids_are_read_from_every_common_link_shape() {
    for (var url : List.of(
        "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "https://youtu.be/aqz-KE-bpKQ",
        "https://www.youtube.com/embed/aqz-KE-bpKQ",
        "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
        "https://m.youtube.com/watch?feature=share&v=aqz-KE-bpKQ",
        "https://www.youtube.com/shorts/aqz-KE-bpKQ")) {
      assertThat(new Block.Embed("youtube", url, "").youtubeId()).as(url).isEqualTo("aqz-KE-bpKQ");
    }
  }

  @Test
  void slugs_are_ascii_words_cut_at_a_word_boundary() {
    assertThat(Slugs.from("Veloria’s dockworkers: 17-day strike ends!"))
        .isEqualTo("velorias-dockworkers-17-day-strike-ends");
    assertThat(Slugs.from("Café Zürich señor")).isEqualTo("cafe-zurich-senor");
    var long_ = Slugs.from("word ".repeat(40));
    assertThat(long_.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
    assertThat(long_).doesNotEndWith("-").endsWith("word");
    assertThat(Slugs.isValid("ok-slug")).isTrue();
    assertThat(Slugs.isValid("Bad Slug")).isFalse();
    assertThat(Slugs.isValid("a--b")).isFalse();
  }

  @Test
  void reserved_words_cannot_become_section_slugs() {
    assertThatThrownBy(() -> new Section(1, "admin", "Admin", "", 0))
        .hasMessageContaining("reserved");
  }
}
