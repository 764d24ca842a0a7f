package dev.byline.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockDocumentTest {
  static final List<Block> EVERY_TYPE = List.of(
      new Block.Paragraph(
          "A <em>calm</em> <a href=\"https://example.org/x\">day</a>, <strong>bold</strong>."),
      new Block.Heading(2, "What the deal says"),
      new Block.Quote("We are <em>going</em> back.", "Union leader"),
      new Block.ListBlock(true, List.of("one <s>two</s>", "three<br />four")),
      new Block.ImageBlock(7, "Cranes at dawn", "Name/AGENCY", "Container cranes"),
      new Block.Embed("youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "Launch"),
      new Block.RelatedLink(42),
      new Block.RawHtml("<table><tbody><tr><td>1</td></tr></tbody></table>"));

  static String doc(String blocks) {
    return "{\"version\":1,\"blocks\":[" + blocks + "]}";
  }

  static String errorOf(String json) {
    try {
      BlockDocument.parse(json);
    } catch (InvalidInput e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void every_block_type_survives_a_round_trip_through_the_document() {
    var json = BlockDocument.write(EVERY_TYPE);
    assertThat(json).startsWith("{\"version\":1,\"blocks\":[");
    assertThat(BlockDocument.parse(json)).isEqualTo(EVERY_TYPE);
  }

  @Test
  void markdown_bodies_open_in_the_block_editor_unchanged() {
    var blocks = new Markdown()
        .toBlocks(
            "Work *resumed* at [dawn](https://example.org).\n\n## Deal\n\n> Back to work.\n>\n> — Ana\n\n"
                + "- a\n- **b**\n\n![Cranes](image:5 \"At dawn\")\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nrelated: 9\n\n"
                + "```\ncode < here\n```\n\n---");
    assertThat(blocks).hasSize(9);
    assertThat(BlockDocument.parse(BlockDocument.write(blocks))).isEqualTo(blocks);
  }

  @Test
  void a_document_maps_to_the_blocks_it_names() {
    var blocks = BlockDocument.parse(doc("{\"type\":\"heading\",\"level\":3,\"text\":\"Sub\"},"
        + "{\"type\":\"image\",\"photo\":12,\"caption\":\"Cap\"},"
        + "{\"type\":\"embed\",\"url\":\"https://youtu.be/dQw4w9WgXcQ\"},"
        + "{\"type\":\"quote\",\"html\":\"Words\",\"cite\":\"Who\"}"));
    assertThat(blocks)
        .containsExactly(
            new Block.Heading(3, "Sub"),
            new Block.ImageBlock(12, "Cap", "", ""),
            new Block.Embed("youtube", "https://youtu.be/dQw4w9WgXcQ", ""),
            new Block.Quote("Words", "Who"));
  }

  @Test
  void an_unknown_block_type_is_refused_by_number() {
    assertThat(errorOf(doc("{\"type\":\"paragraph\",\"html\":\"ok\"},{\"type\":\"carousel\"}")))
        .startsWith("body block 2 has unknown type \"carousel\"");
  }

  @Test
  void an_image_without_a_photo_is_refused_naming_the_field() {
    assertThat(errorOf(doc("{\"type\":\"image\",\"caption\":\"Cap\"}")))
        .isEqualTo("body block 1 (image) field \"photo\" is missing");
    assertThat(errorOf(doc("{\"type\":\"image\",\"photo\":\"42\"}")))
        .isEqualTo("body block 1 (image) field \"photo\" must be a positive whole number");
    assertThat(errorOf(doc("{\"type\":\"image\",\"photo\":0}")))
        .contains("field \"photo\" must be a positive whole number");
  }

  @Test
  void a_javascript_link_is_refused_not_repaired() {
    assertThat(errorOf(
            doc("{\"type\":\"paragraph\",\"html\":\"<a href=\\\"javascript:alert(1)\\\">x</a>\"}")))
        .isEqualTo("body block 1 (paragraph) field \"html\" has markup the site does not allow: "
            + "a link that is not http:, https: or mailto:");
    assertThat(errorOf(
            doc("{\"type\":\"list\",\"items\":[\"fine\",\"<a href='JaVaScRiPt:x'>y</a>\"]}")))
        .contains("body block 1 (list) field \"items[2]\" has markup");
  }

  @Test
  void scripts_and_unknown_attributes_are_refused() {
    assertThat(errorOf(doc("{\"type\":\"paragraph\",\"html\":\"Hi<script>alert(1)</script>\"}")))
        .contains("the <script> element");
    assertThat(errorOf(doc("{\"type\":\"quote\",\"html\":\"<em onclick=\\\"x()\\\">Hi</em>\"}")))
        .contains("body block 1 (quote) field \"html\"")
        .contains("onclick");
    assertThat(errorOf(doc(
            "{\"type\":\"html\",\"html\":\"<iframe src=\\\"https://x.example\\\"></iframe>\"}")))
        .contains("the <iframe> element");
  }

  @Test
  void oversized_documents_are_refused_before_parsing() {
    var huge = "x".repeat(BlockDocument.MAX_CHARS);
    assertThat(errorOf(doc("{\"type\":\"paragraph\",\"html\":\"" + huge + "\"}")))
        .startsWith(
            "body is " + (BlockDocument.MAX_CHARS + 55) + " characters of JSON; the limit is");
    var many = String.join(
        ",",
        java.util.Collections.nCopies(
            BlockDocument.MAX_BLOCKS + 1, "{\"type\":\"paragraph\",\"html\":\"a\"}"));
    assertThat(errorOf(doc(many))).isEqualTo("body has 2001 blocks; the limit is 2000");
  }

  @Test
  void a_document_of_another_shape_is_refused_with_what_is_wrong() {
    assertThat(errorOf("[]")).contains("must be a JSON object");
    assertThat(errorOf("{\"blocks\":[]}")).contains("has no \"version\"");
    assertThat(errorOf("{\"version\":2,\"blocks\":[]}"))
        .contains("version 2; this server reads version 1");
    assertThat(errorOf("{\"version\":1,\"blocks\":[],\"extra\":1}"))
        .contains("unknown field \"extra\"");
    assertThat(errorOf("{\"version\":1,\"blocks\":[")).startsWith("body is not valid JSON");
    assertThat(errorOf(doc("{\"type\":\"heading\",\"level\":1,\"text\":\"x\"}")))
        .isEqualTo("body block 1 (heading) heading level must be 2, 3 or 4");
    assertThat(errorOf(doc("{\"type\":\"heading\",\"level\":2,\"text\":\"x\",\"colour\":\"red\"}")))
        .contains("field \"colour\" is not a field of a heading block");
    assertThat(errorOf(doc("{\"type\":\"paragraph\",\"html\":\"a\",\"html\":\"b\"}")))
        .contains("Duplicate field");
    assertThat(errorOf(doc("{\"type\":\"embed\",\"url\":\"https://example.org/video\"}")))
        .contains("body block 1 (embed) field \"url\" is not a link the site can embed");
    assertThat(errorOf(doc("{\"type\":\"embed\",\"url\":\"javascript:alert(1)\"}")))
        .contains("field \"url\" is not a link the site can embed");
    assertThat(errorOf(doc("{\"type\":\"heading\",\"level\":2,\"text\":\"a\\u0000b\"}")))
        .contains("field \"text\" contains a control character");
  }

  @Test
  void allowed_markup_is_sanitised_to_the_sites_form() {
    var blocks = BlockDocument.parse(
        doc(
            "{\"type\":\"paragraph\",\"html\":\"Fish & <em>chips <a href=\\\"https://example.org\\\">here</a>\"}"));
    var html = ((Block.Paragraph) blocks.get(0)).html();
    assertThat(html)
        .isEqualTo(
            "Fish &amp; <em>chips <a href=\"https://example.org\" rel=\"noopener\">here</a></em>");
    var text = BlockDocument.parse(
        doc("{\"type\":\"heading\",\"level\":2,\"text\":\"  <b>not markup</b> \"}"));
    assertThat(text).containsExactly(new Block.Heading(2, "<b>not markup</b>"));
  }
}
