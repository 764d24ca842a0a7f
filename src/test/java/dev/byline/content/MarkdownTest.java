package dev.byline.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The editor's Markdown into body blocks, and stored blocks back into Markdown. */
class MarkdownTest {
  final Markdown markdown = new Markdown();

  @Test
  void paragraphs_headings_quotes_lists_photos_embeds_and_related_links_become_their_blocks() {
    var blocks = markdown.toBlocks("""
        Talks *resumed* on [Monday](https://example.org/monday).

        # Too big a heading

        ### Background

        > We are close to a deal.
        >
        > — A union official

        - first
        - second with **bold**

        1. one
        2. two

        ![Dockers at the gate](image:42 "The port at dawn")

        https://youtu.be/dQw4w9WgXcQ

        https://vimeo.com/123456

        related: 77

        ---
        """);
    assertThat(blocks).hasSize(11);
    assertThat(blocks.get(0))
        .isEqualTo(
            new Block.Paragraph(
                "Talks <em>resumed</em> on <a href=\"https://example.org/monday\" rel=\"noopener\">Monday</a>."));
    assertThat(blocks.get(1)).isEqualTo(new Block.Heading(2, "Too big a heading"));
    assertThat(blocks.get(2)).isEqualTo(new Block.Heading(3, "Background"));
    assertThat(blocks.get(3))
        .isEqualTo(new Block.Quote("We are close to a deal.", "A union official"));
    assertThat(blocks.get(4))
        .isEqualTo(
            new Block.ListBlock(false, List.of("first", "second with <strong>bold</strong>")));
    assertThat(blocks.get(5)).isEqualTo(new Block.ListBlock(true, List.of("one", "two")));
    assertThat(blocks.get(6))
        .isEqualTo(new Block.ImageBlock(42, "The port at dawn", "", "Dockers at the gate"));
    assertThat(blocks.get(7))
        .isEqualTo(new Block.Embed("youtube", "https://youtu.be/dQw4w9WgXcQ", ""));
    assertThat(blocks.get(8)).isEqualTo(new Block.Embed("vimeo", "https://vimeo.com/123456", ""));
    assertThat(blocks.get(9)).isEqualTo(new Block.RelatedLink(77));
    assertThat(blocks.get(10)).isEqualTo(new Block.RawHtml("<hr>"));
  }

  @Test
  void scripts_and_event_handlers_never_survive() {
    var blocks = markdown.toBlocks(
        "Hello <script>alert(1)</script><b onclick=\"x()\">there</b>\n\n<div><script>alert(2)</script><p>ok</p></div>");
    var html = BlockCodec.toJson(blocks);
    assertThat(html).doesNotContain("script", "onclick", "alert").contains("there", "ok");
  }

  @Test
  void a_link_with_its_own_text_stays_a_link_and_an_unknown_host_is_no_embed() {
    assertThat(markdown.toBlocks("[Watch](https://youtu.be/dQw4w9WgXcQ)").get(0))
        .isInstanceOf(Block.Paragraph.class);
    assertThat(markdown.toBlocks("https://example.org/video").get(0))
        .isInstanceOf(Block.Paragraph.class);
  }

  @Test
  void a_photo_from_elsewhere_or_inside_a_sentence_is_refused_with_the_line() {
    assertThatThrownBy(() -> markdown.toBlocks("Intro.\n\n![x](https://elsewhere.example/x.jpg)"))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("photo library");
    assertThatThrownBy(() -> markdown.toBlocks("Look ![x](image:3) here"))
        .hasMessageContaining("line 1")
        .hasMessageContaining("alone in its paragraph");
  }

  @Test
  void stored_blocks_written_back_as_markdown_read_back_the_same() {
    var blocks = List.<Block>of(
        Block.Paragraph.ofText("# not a heading, just a hash"),
        Block.Paragraph.ofText("1. not a list either"),
        new Block.Paragraph(
            "A <a href=\"https://example.org\">link</a> and <em>stress</em> &amp; more."),
        new Block.Heading(2, "Sub"),
        new Block.Quote("Said so.", "Someone"),
        new Block.ListBlock(false, List.of("a", "b")),
        new Block.ImageBlock(5, "Caption \"quoted\"", "", "Alt"),
        new Block.Embed("youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", ""),
        new Block.RelatedLink(9),
        new Block.RawHtml("<table><tbody><tr><td>1</td></tr></tbody></table>"));
    var again = markdown.toBlocks(Markdown.fromBlocks(blocks));
    assertThat(again).hasSize(blocks.size());
    for (int i = 0; i < blocks.size(); i++)
      assertThat(again.get(i).text()).as("block " + i).isEqualTo(blocks.get(i).text());
    assertThat(again.get(0)).isInstanceOf(Block.Paragraph.class);
    assertThat(again.get(1)).isInstanceOf(Block.Paragraph.class);
    assertThat(again.get(6)).isEqualTo(blocks.get(6));
  }

  @Test
  void every_demo_story_survives_a_trip_through_the_editor_unchanged() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(getClass().getClassLoader().getResourceAsStream("demo/articles.json"));
    int n = 0;
    for (var story : json) {
      var blocks = BlockCodec.fromJson(story.path("body").toString());
      var again = markdown.toBlocks(Markdown.fromBlocks(blocks));
      assertThat(BlockCodec.toJson(again))
          .as(story.path("key").asText())
          .isEqualTo(BlockCodec.toJson(blocks));
      n++;
    }
    assertThat(n).isGreaterThan(10);
  }
}
