package dev.byline.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.Block;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WordPress post content (classic and block editor) to article blocks. */
class WpContentTest {
  /** Attachments 11 and 12 are in the photo desk as images 101 and 102; 13 is not. */
  static final BodyWalker.Images DESK = (attachment, src) -> {
    if (attachment == 11
        || src.endsWith("/2024/04/quay.jpg")
        || src.endsWith("/2024/04/quay-300x200.jpg")) return 101L;
    if (attachment == 12) return 102L;
    return null;
  };

  Notes notes = new Notes();

  List<Block> blocks(String content) {
    return WpContent.toBlocks(content, DESK, notes);
  }

  @Test
  void classic_text_is_split_into_paragraphs_at_blank_lines_and_single_line_breaks_kept() {
    assertThat(
            blocks(
                "First paragraph.\n\nSecond line one\nline two.\n\n\n<strong>Third</strong> &amp; last."))
        .containsExactly(
            new Block.Paragraph("First paragraph."),
            new Block.Paragraph("Second line one<br>line two."),
            new Block.Paragraph("<strong>Third</strong> &amp; last."));
    assertThat(notes.isEmpty()).isTrue();
  }

  @Test
  void a_caption_shortcode_becomes_a_photo_with_its_caption_and_alt_text() {
    var b = blocks("Before.\n\n[caption id=\"attachment_11\" align=\"alignnone\" width=\"300\"]"
        + "<a href=\"https://old.example/wp-content/uploads/2024/04/quay.jpg\"><img class=\"size-medium wp-image-11\" "
        + "src=\"https://old.example/wp-content/uploads/2024/04/quay-300x200.jpg\" alt=\"The quay\" /></a> "
        + "Passengers <em>queue</em> at dusk.[/caption]\n\nAfter.");
    assertThat(b)
        .containsExactly(
            new Block.Paragraph("Before."),
            new Block.ImageBlock(101, "Passengers queue at dusk.", "", "The quay"),
            new Block.Paragraph("After."));
  }

  @Test
  void
      a_picture_is_found_by_its_file_when_it_has_no_attachment_class_and_left_out_with_a_note_when_missing() {
    var b = blocks(
        "<p>Text <img src=\"https://old.example/wp-content/uploads/2024/04/quay-300x200.jpg\" alt=\"Quay\"> more.</p>"
            + "<img class=\"wp-image-13\" src=\"https://old.example/wp-content/uploads/2024/04/gone.jpg\">");
    assertThat(b)
        .containsExactly(
            new Block.Paragraph("Text"),
            new Block.ImageBlock(101, "", "", "Quay"),
            new Block.Paragraph("more."));
    assertThat(notes.toString())
        .contains("a picture that is not in the photo desk was left out (gone.jpg)");
  }

  @Test
  void youtube_x_and_instagram_become_embeds_and_their_scripts_are_dropped() {
    var b = blocks("https://www.youtube.com/watch?v=M7lc1UVf-VE\n\n"
        + "<blockquote class=\"twitter-tweet\"><p>Harbour closed.</p>&mdash; Harbour (@h) "
        + "<a href=\"https://twitter.com/h/status/1764000000000000000\">March 2, 2024</a></blockquote>"
        + "<script async src=\"https://platform.twitter.com/widgets.js\"></script>\n\n"
        + "<blockquote class=\"instagram-media\" data-instgrm-permalink=\"https://www.instagram.com/p/C5abc/\"><a href=\"x\">A post</a></blockquote>\n\n"
        + "<iframe src=\"https://www.youtube.com/embed/aqz-KE-bpKQ?feature=oembed\" title=\"Big Buck\"></iframe>\n\n"
        + "[embed]https://vimeo.com/76979871[/embed]");
    assertThat(b)
        .containsExactly(
            new Block.Embed("youtube", "https://www.youtube.com/watch?v=M7lc1UVf-VE", ""),
            new Block.Embed("x", "https://twitter.com/h/status/1764000000000000000", ""),
            new Block.Embed("instagram", "https://www.instagram.com/p/C5abc/", ""),
            new Block.Embed(
                "youtube", "https://www.youtube.com/embed/aqz-KE-bpKQ?feature=oembed", "Big Buck"),
            new Block.Embed("vimeo", "https://vimeo.com/76979871", ""));
    assertThat(notes.toString()).contains("removed <script>");
  }

  @Test
  void unknown_shortcodes_stay_as_harmless_text_and_are_counted_and_bracketed_words_are_not() {
    var b = blocks(
        "Call us [sic] today.\n\n[contact-form-7 id=\"12\" title=\"Tips\"]\n\n[pullquote]Said so.[/pullquote]\n\n"
            + "[[caption]] is how you write a caption.\n\n<p onclick=\"steal()\">Click <a href=\"javascript:alert(1)\">here</a>.</p>"
            + "<script>alert('x')</script><style>p{}</style><form><input name=q></form>");
    assertThat(b)
        .containsExactly(
            new Block.Paragraph("Call us [sic] today."),
            new Block.Paragraph("[contact-form-7 id=&#34;12&#34; title=&#34;Tips&#34;]"),
            new Block.Paragraph("[pullquote]Said so.[/pullquote]"),
            new Block.Paragraph("[caption] is how you write a caption."),
            new Block.Paragraph("Click here."));
    assertThat(notes.shortcodes()).isEqualTo(Map.of("contact-form-7", 1, "pullquote", 1));
    assertThat(notes.toString())
        .contains("removed <script>", "removed <style>", "removed <form>", "onclick");
    assertThat(b.toString()).doesNotContain("alert", "steal", "javascript");
  }

  @Test
  void block_editor_posts_keep_headings_lists_quotes_pictures_galleries_and_embeds() {
    var b = blocks("""
        <!-- wp:paragraph -->
        <p>Opening <a href="https://example.org/report">report</a>.</p>
        <!-- /wp:paragraph -->

        <!-- wp:heading {"level":3} -->
        <h3 class="wp-block-heading">What changes</h3>
        <!-- /wp:heading -->

        <!-- wp:list {"ordered":true} -->
        <ol><!-- wp:list-item --><li>One</li><!-- /wp:list-item --><!-- wp:list-item --><li><em>Two</em></li><!-- /wp:list-item --></ol>
        <!-- /wp:list -->

        <!-- wp:quote -->
        <blockquote class="wp-block-quote"><!-- wp:paragraph --><p>Ten years.</p><!-- /wp:paragraph --><cite>Ines Haugen</cite></blockquote>
        <!-- /wp:quote -->

        <!-- wp:image {"id":11} -->
        <figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/2024/04/quay.jpg" alt="Quay" class="wp-image-11"/><figcaption>The quay.</figcaption></figure>
        <!-- /wp:image -->

        <!-- wp:gallery -->
        <figure class="wp-block-gallery has-nested-images"><!-- wp:image {"id":12} -->
        <figure class="wp-block-image"><img src="https://old.example/a.jpg" alt="A" class="wp-image-12"/><figcaption>First.</figcaption></figure>
        <!-- /wp:image --><!-- wp:image {"id":11} -->
        <figure class="wp-block-image"><img src="https://old.example/b.jpg" alt="B" class="wp-image-11"/></figure>
        <!-- /wp:image --></figure>
        <!-- /wp:gallery -->

        <!-- wp:separator -->
        <hr class="wp-block-separator"/>
        <!-- /wp:separator -->

        <!-- wp:embed {"url":"https://www.youtube.com/watch?v=M7lc1UVf-VE","providerNameSlug":"youtube"} -->
        <figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper">
        https://www.youtube.com/watch?v=M7lc1UVf-VE
        </div></figure>
        <!-- /wp:embed -->

        <!-- wp:latest-posts {"postsToShow":3} /-->

        <!-- wp:acme/newsletter-signup -->
        <div class="wp-block-acme-newsletter-signup"><p>Sign up for the morning briefing.</p></div>
        <!-- /wp:acme/newsletter-signup -->
        """);
    assertThat(b)
        .containsExactly(
            new Block.Paragraph("Opening <a href=\"https://example.org/report\">report</a>."),
            new Block.Heading(3, "What changes"),
            new Block.ListBlock(true, List.of("One", "<em>Two</em>")),
            new Block.Quote("Ten years.", "Ines Haugen"),
            new Block.ImageBlock(101, "The quay.", "", "Quay"),
            new Block.ImageBlock(102, "First.", "", "A"),
            new Block.ImageBlock(101, "", "", "B"),
            new Block.RawHtml("<hr>"),
            new Block.Embed("youtube", "https://www.youtube.com/watch?v=M7lc1UVf-VE", ""),
            new Block.Paragraph("Sign up for the morning briefing."));
    assertThat(notes.toString())
        .contains(
            "\"latest-posts\" block is drawn by WordPress",
            "plugin block \"acme/newsletter-signup\" was kept as its HTML");
  }

  @Test
  void a_gallery_shortcode_lists_its_pictures_by_attachment_id() {
    assertThat(blocks("[gallery ids=\"12,11,13\" columns=\"3\"]"))
        .containsExactly(
            new Block.ImageBlock(102, "", "", ""), new Block.ImageBlock(101, "", "", ""));
    assertThat(notes.toString()).contains("(attachment 13)");
  }

  @Test
  void tables_keep_their_cells_and_lose_their_styles() {
    assertThat(
            blocks(
                "<table style=\"width:100%\"><tr><th>Day</th><td colspan=\"2\" onmouseover=\"x()\">70 knots</td></tr></table>"))
        .containsExactly(new Block.RawHtml(
            "<table><tbody><tr><th>Day</th><td colspan=\"2\">70 knots</td></tr></tbody></table>"));
  }
}
