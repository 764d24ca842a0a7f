package dev.byline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class SvgSanitiserTest {
  static final String NS = "xmlns=\"http://www.w3.org/2000/svg\"";

  /** A wordmark as a drawing tool exports it: gradient, text, a clip path, a reused symbol. */
  static final String WORDMARK = """
      <?xml version="1.0" encoding="UTF-8" standalone="no"?>
      <!-- Generator: a drawing tool -->
      <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
           viewBox="0 0 240 40" width="240" height="40" role="img" aria-label="Harbour Herald">
        <title>Harbour Herald</title>
        <desc>Wave &amp; anchor</desc>
        <defs>
          <linearGradient id="sea" x1="0" y1="0" x2="0" y2="1" gradientUnits="objectBoundingBox">
            <stop offset="0" stop-color="#0b4f8a"/>
            <stop offset="1" style="stop-color:#1a5e20;stop-opacity:.8"/>
          </linearGradient>
          <clipPath id="frame"><rect width="40" height="40" rx="6"/></clipPath>
          <symbol id="wave" viewBox="0 0 10 4"><path d="M0 2q2.5-2 5 0t5 0" fill="none" stroke="#fff"/></symbol>
        </defs>
        <g clip-path="url(#frame)">
          <rect width="40" height="40" fill="url(#sea)"/>
          <use xlink:href="#wave" x="5" y="10" width="30" height="12"/>
          <use href="#wave" x="5" y="22" width="30" height="12"/>
        </g>
        <text x="50" y="28" font-family="Georgia, serif" font-size="22" fill="#1a1a1a">Harbour <tspan font-weight="700">Herald</tspan></text>
      </svg>
      """;

  static final String ICON = "<svg " + NS + " viewBox=\"0 0 32 32\"><circle cx=\"16\" cy=\"16\""
      + " r=\"15\" fill=\"#c8102e\"/><polygon points=\"10,8 24,16 10,24\" fill=\"#fff\"/></svg>";

  private static SvgSanitiser.Svg sanitise(String svg) {
    return SvgSanitiser.sanitise(svg.getBytes(StandardCharsets.UTF_8), "SVG logo");
  }

  private static void refused(String svg, String message) {
    assertThatThrownBy(() -> sanitise(svg)).isInstanceOf(MediaException.class).hasMessage(message);
  }

  private static String doc(String inner) {
    return "<svg " + NS + " viewBox=\"0 0 10 10\">\n" + inner + "\n</svg>";
  }

  // Hostile drawings, each refused with the reason named.

  @Test
  void a_script_element_is_refused_naming_its_line() {
    refused(
        doc("<path d=\"M0 0h1\"/>\n<script>alert(1)</script>"),
        "SVG logo line 3: element <script> is not allowed");
  }

  @Test
  void an_event_handler_attribute_is_refused() {
    refused(
        "<svg " + NS + " viewBox=\"0 0 10 10\" onload=\"alert(1)\"/>",
        "SVG logo line 1: attribute onload on <svg> is not allowed (event handlers run script)");
    refused(
        doc("<rect width=\"1\" height=\"1\" onMouseOver=\"x()\"/>"),
        "SVG logo line 2: attribute onMouseOver on <rect> is not allowed (event handlers run script)");
  }

  @Test
  void foreign_object_is_refused() {
    refused(
        doc("<foreignObject width=\"10\" height=\"10\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
            + "hi</div></foreignObject>"),
        "SVG logo line 2: element <foreignObject> is not allowed");
  }

  @Test
  void a_javascript_href_is_refused() {
    refused(
        "<svg " + NS + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 1 1\">\n"
            + "<use xlink:href=\"javascript:alert(1)\"/></svg>",
        "SVG logo line 2: attribute xlink:href on <use> must point inside the drawing (#id), "
            + "not “javascript:alert(1)”");
  }

  @Test
  void a_use_of_another_file_is_refused() {
    refused(
        doc("<use href=\"https://evil.example/sprite.svg#logo\"/>"),
        "SVG logo line 2: attribute href on <use> must point inside the drawing (#id), "
            + "not “https://evil.example/sprite.svg#logo”");
    refused(
        doc("<use href=\"#nowhere\"/>"),
        "SVG logo line 2: <use> points to #nowhere, which is not in the drawing");
  }

  @Test
  void a_data_url_is_refused() {
    refused(
        doc("<use href=\"data:image/svg+xml;base64,PHN2Zy8+\"/>"),
        "SVG logo line 2: attribute href on <use> must point inside the drawing (#id), "
            + "not “data:image/svg+xml;base64,PHN2Zy8+”");
    refused(
        doc("<rect width=\"1\" height=\"1\" fill=\"url(data:image/png;base64,AAAA)\"/>"),
        "SVG logo line 2: attribute fill on <rect> contains url(…) that does not point inside the"
            + " drawing (only url(#id) is allowed)");
  }

  @Test
  void a_doctype_is_refused_before_its_entities_are_expanded() {
    var laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE svg [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>&lol9;</title></svg>
        """;
    assertThatThrownBy(() -> sanitise(laughs))
        .isInstanceOf(MediaException.class)
        .hasMessageStartingWith("SVG logo line ")
        .hasMessageEndingWith(": a DOCTYPE is not allowed");
    var xxe = """
        <!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>&xxe;</title></svg>
        """;
    assertThatThrownBy(() -> sanitise(xxe))
        .hasMessageEndingWith(": a DOCTYPE is not allowed")
        .hasMessageNotContaining("root:");
  }

  @Test
  void a_style_that_loads_or_imports_is_refused_and_a_style_element_too() {
    refused(
        doc("<rect width=\"1\" height=\"1\" style=\"fill:url(https://evil.example/t.png)\"/>"),
        "SVG logo line 2: attribute style on <rect> contains url(…) that does not point inside"
            + " the drawing (only url(#id) is allowed)");
    refused(
        doc("<rect width=\"1\" height=\"1\" style=\"@import 'https://evil.example/a.css'\"/>"),
        "SVG logo line 2: attribute style on <rect> contains an at-rule (@import and the like),"
            + " which is not allowed");
    refused(
        doc("<rect width=\"1\" height=\"1\" style=\"width: expression(alert(1))\"/>"),
        "SVG logo line 2: attribute style on <rect> contains “expression(”, which is not allowed");
    refused(
        doc("<rect width=\"1\" height=\"1\" style=\"fill: u\\72l(https://evil.example/)\"/>"),
        "SVG logo line 2: attribute style on <rect> contains a backslash (a CSS escape), which"
            + " is not allowed");
    refused(
        doc("<rect width=\"1\" height=\"1\" style=\"position: fixed\"/>"),
        "SVG logo line 2: attribute style on <rect> sets “position”, which is not a presentation"
            + " property");
    refused(
        doc("<style>rect { fill: url(https://evil.example/) }</style>"),
        "SVG logo line 2: element <style> is not allowed");
  }

  @Test
  void animation_links_images_and_unknown_markup_are_refused() {
    refused(
        doc("<rect width=\"1\" height=\"1\"><set attributeName=\"fill\" to=\"red\"/></rect>"),
        "SVG logo line 2: element <set> is not allowed");
    refused(
        doc("<animate attributeName=\"x\" values=\"0;1\"/>"),
        "SVG logo line 2: element <animate> is not allowed");
    refused(
        doc("<a href=\"https://evil.example/\"><rect width=\"1\" height=\"1\"/></a>"),
        "SVG logo line 2: element <a> is not allowed");
    refused(
        doc("<image href=\"https://evil.example/pixel.png\"/>"),
        "SVG logo line 2: element <image> is not allowed");
    refused(
        "<svg " + NS + " xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" "
            + "viewBox=\"0 0 1 1\">\n<g inkscape:label=\"Layer 1\"/></svg>",
        "SVG logo line 2: attribute inkscape:label on <g> is not allowed");
    refused(
        doc("<rect width=\"1\" height=\"1\" data-x=\"1\"/>"),
        "SVG logo line 2: attribute data-x on <rect> is not allowed");
    refused(
        doc("<?xml-stylesheet href=\"https://evil.example/a.css\"?>"),
        "SVG logo line 2: the processing instruction <?xml-stylesheet?> is not allowed");
    refused(
        doc("<g>words outside text</g>"),
        "SVG logo line 2: text directly inside <g> is not allowed");
  }

  @Test
  void a_drawing_too_large_too_deep_or_too_repetitive_is_refused() {
    var big = doc("<path d=\"" + "M0 0h1".repeat(SvgSanitiser.MAX_BYTES / 6) + "\"/>");
    refused(big, "SVG logo is 513 KB; the limit is 512 KB");
    var deep = doc("<g>".repeat(40) + "</g>".repeat(40));
    refused(deep, "SVG logo line 2: elements are nested more than 32 deep");
    var many = doc("<rect width=\"1\" height=\"1\"/>\n".repeat(SvgSanitiser.MAX_ELEMENTS + 1));
    assertThatThrownBy(() -> sanitise(many)).hasMessageEndingWith(": more than 10000 elements");
    var nested =
        doc("<g id=\"a\"><rect width=\"1\" height=\"1\"/></g><g id=\"b\"><use href=\"#a\"/>"
            + "<use href=\"#a\"/></g><use href=\"#b\"/>");
    refused(nested, "SVG logo line 2: <use> repeats #b, which holds a <use> itself");
    var wide = doc("<g id=\"a\">" + "<rect width=\"1\" height=\"1\"/>".repeat(1000) + "</g>"
        + "<use href=\"#a\"/>".repeat(20));
    refused(wide, "SVG logo repeats elements (with <use>) to more than 10000 in all");
  }

  @Test
  void what_is_not_xml_or_not_svg_or_cannot_be_sized_is_refused() {
    assertThatThrownBy(() -> sanitise("GIF89a not a drawing"))
        .hasMessageStartingWith("SVG logo line 1: not well-formed XML (");
    assertThatThrownBy(() -> sanitise(doc("<g>")))
        .hasMessageStartingWith("SVG logo line 3: not well-formed XML (");
    refused("", "SVG logo is empty");
    refused(
        "<html xmlns=\"http://www.w3.org/2000/svg\"/>",
        "SVG logo line 1: element <html> is not allowed");
    refused(
        "<svg viewBox=\"0 0 1 1\"/>",
        "SVG logo line 1: <svg> is not in the SVG namespace (xmlns=\"http://www.w3.org/2000/svg\")");
    refused("<g " + NS + "/>", "SVG logo line 1: the root element is <g>, not <svg>");
    refused(
        "<svg " + NS + "><rect width=\"1\" height=\"1\"/></svg>",
        "SVG logo line 1: <svg> needs a viewBox or a width and height in pixels, so it can be sized");
    refused(
        "<svg " + NS + " width=\"100%\" height=\"2em\"/>",
        "SVG logo line 1: <svg> needs a viewBox or a width and height in pixels, so it can be sized");
    refused(
        "<svg " + NS + " viewBox=\"0 0 0 10\"/>",
        "SVG logo line 1: <svg> is sized 0×10; each side must be above 0 and at most 100000");
    refused(
        "<svg " + NS + " viewBox=\"0 0 ten 10\"/>",
        "SVG logo line 1: viewBox “0 0 ten 10” is not four numbers");
  }

  // Real-looking drawings, taken unchanged in meaning.

  @Test
  void a_wordmark_is_taken_unchanged_in_meaning_without_its_declaration_and_comments() {
    var svg = sanitise(WORDMARK);
    var out = new String(svg.bytes(), StandardCharsets.UTF_8);
    assertThat(out)
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 240 40\"")
        .doesNotContain("<?xml", "<!--", "Generator")
        .contains(
            "<desc>Wave &amp; anchor</desc>", "fill=\"url(#sea)\"", "<use xlink:href=\"#wave\"");
    assertThat(svg.width()).isEqualTo(240);
    assertThat(svg.height()).isEqualTo(40);
    assertThat(tree(out)).isEqualTo(tree(WORDMARK));
  }

  @Test
  void an_icon_is_taken_and_sanitising_again_changes_nothing() {
    var once = sanitise(ICON);
    assertThat(new String(once.bytes(), StandardCharsets.UTF_8)).isEqualTo(ICON);
    assertThat(once.width()).isEqualTo(32);
    var twice = SvgSanitiser.sanitise(once.bytes(), "SVG logo");
    assertThat(twice.bytes()).isEqualTo(once.bytes());
    var wordmark = sanitise(WORDMARK).bytes();
    assertThat(SvgSanitiser.sanitise(wordmark, "x").bytes()).isEqualTo(wordmark);
  }

  @Test
  void a_drawing_sized_only_in_pixels_gets_a_view_box_so_it_scales() {
    var svg = sanitise("<svg " + NS + " width=\"120px\" height=\"30\"><rect width=\"120\""
        + " height=\"30\" fill=\"#000\"/></svg>");
    assertThat(new String(svg.bytes(), StandardCharsets.UTF_8))
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120px\" height=\"30\""
            + " viewBox=\"0 0 120 30\">");
    assertThat(svg.width()).isEqualTo(120);
    assertThat(svg.height()).isEqualTo(30);
  }

  @Test
  void a_drawing_in_utf16_with_a_byte_order_mark_comes_out_as_utf8() {
    var text = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><svg " + NS
        + " viewBox=\"0 0 4 3\"><title>Zeitung für Köln</title></svg>";
    var svg = SvgSanitiser.sanitise(text.getBytes(StandardCharsets.UTF_16BE), "SVG logo");
    assertThat(new String(svg.bytes(), StandardCharsets.UTF_8))
        .isEqualTo("<svg " + NS + " viewBox=\"0 0 4 3\"><title>Zeitung für Köln</title></svg>");
  }

  @Test
  void a_drawing_is_stored_in_whole_pixels_that_keep_its_proportions() {
    assertThat(ImageStore.nominalSize(240, 40)).containsExactly(240, 40);
    var tall = ImageStore.nominalSize(1, 3.7);
    assertThat((double) tall[0] / tall[1]).isCloseTo(1 / 3.7, withinPercentage(0.5));
    assertThat(tall[1]).isLessThan(400);
    assertThat(ImageStore.nominalSize(0.25, 0.25)).containsExactly(1, 1);
    var thin = ImageStore.nominalSize(100_000, 0.001);
    assertThat(thin[0]).isLessThanOrEqualTo(100_000);
    assertThat(thin[1]).isEqualTo(1);
  }

  @Test
  void only_xml_looks_like_svg() {
    assertThat(SvgSanitiser.looksLikeSvg(ICON.getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(SvgSanitiser.looksLikeSvg("\uFEFF\n <svg/>".getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(SvgSanitiser.looksLikeSvg(new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
        .isFalse();
    assertThat(SvgSanitiser.looksLikeSvg(new byte[0])).isFalse();
  }

  /** Elements with their attributes (namespace-resolved) and text, as a browser would read them. */
  private static List<String> tree(String xml) {
    try {
      var f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      var doc = f.newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      var out = new ArrayList<String>();
      walk(doc.getDocumentElement(), out);
      return out;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void walk(Node n, List<String> out) {
    if (n instanceof Element e) {
      var attrs = new ArrayList<String>();
      for (int i = 0; i < e.getAttributes().getLength(); i++) {
        var a = e.getAttributes().item(i);
        if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) continue;
        attrs.add(a.getNamespaceURI() + " " + a.getLocalName() + "=" + a.getNodeValue());
      }
      attrs.sort(null);
      out.add(e.getNamespaceURI() + " " + e.getLocalName() + " " + attrs);
    } else if (n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
      out.add("text " + n.getNodeValue());
    }
    for (var c = n.getFirstChild(); c != null; c = c.getNextSibling()) walk(c, out);
  }
}
