package dev.byline.wire;

import dev.byline.content.Block;
import dev.byline.content.Html;
import dev.byline.content.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Turns an agency's body (XHTML, NITF body.content, an HTML string or plain text) into article
 * blocks, once, at the edge. Paragraphs keep links and emphasis; headings, lists, quotes and
 * tables keep their kind; agency mark-up such as {@code <person>} or {@code <org>} keeps its
 * words and loses its tag. Pictures found in the body are collected, not inlined.
 */
final class BodyBlocks {
  private static final Set<String> INLINE =
      Set.of("a", "em", "strong", "b", "i", "sub", "sup", "code", "q", "abbr", "s", "small");
  private static final Set<String> CONTAINERS = Set.of(
      "body",
      "body.content",
      "block",
      "div",
      "section",
      "article",
      "main",
      "html",
      "span",
      "content",
      "nitf",
      "body.end");
  private static final Set<String> SKIPPED = Set.of(
      "head",
      "header",
      "body.head",
      "hedline",
      "hl1",
      "title",
      "script",
      "style",
      "nav",
      "footer",
      "hr",
      "tagline",
      "meta",
      "link",
      "iframe",
      "object",
      "form");
  /**
   * The longest body string sanitised at all: mark-up can triple a text's length, and a body
   * that cannot fit the text limit even so is refused before the sanitiser spends time on it.
   */
  static final int MAX_MARKUP_CHARS = WireItem.MAX_BODY_CHARS * 4;

  /** Agencies that escape twice send "&amp;quot;": undo one level so readers see the quote mark. */
  private static final Pattern DOUBLE_ESCAPED =
      Pattern.compile("&(#\\d{1,6}|#x[0-9a-fA-F]{1,6}|quot|amp|apos|lt|gt);");

  private final List<Block> blocks = new ArrayList<>();
  /** How many containers deep the walk is; bounded like parsing, for DOMs made elsewhere. */
  private int depth;
  /** Characters of text in the blocks so far: a body over the limit stops here, not at the end. */
  private long chars;

  private final List<Picture> pictures = new ArrayList<>();
  private final String headline;

  private BodyBlocks(String headline) {
    this.headline = headline == null ? "" : Html.collapseSpace(headline);
  }

  /** The result: blocks and the pictures the body referred to. */
  record Body(List<Block> blocks, List<Picture> pictures) {
    static final Body EMPTY = new Body(List.of(), List.of());
  }

  /** From a DOM element holding XHTML or NITF body content. */
  static Body fromElement(Element container, String headline) {
    var b = new BodyBlocks(headline);
    if (container != null) b.walk(container);
    return new Body(List.copyOf(b.blocks), List.copyOf(b.pictures));
  }

  /** From an HTML string of unknown quality: sanitised first, then read as XML. */
  static Body fromHtml(String html, String headline) {
    if (html == null || html.isBlank()) return Body.EMPTY;
    if (html.length() > MAX_MARKUP_CHARS) throw WireItem.bodyTooLong(html.length());
    var clean = Html.block(html.replace("\r", ""));
    var doc = SafeXml.parse(("<div>" + clean + "</div>").getBytes(StandardCharsets.UTF_8));
    return fromElement(doc.getDocumentElement(), headline);
  }

  /** From plain text: paragraphs are separated by blank lines or by indented lines. */
  static Body fromText(String text, String headline) {
    if (text == null || text.isBlank()) return Body.EMPTY;
    if (text.length() > MAX_MARKUP_CHARS) throw WireItem.bodyTooLong(text.length());
    var t = text.replace("\r\n", "\n").replace('\r', '\n');
    if (looksLikeHtml(t)) {
      var fromHtml = fromHtml(t.replaceAll("\n(?:[ \t]{2,}|\t)", "</p><p>"), headline);
      if (!fromHtml.blocks().isEmpty()) return fromHtml;
    }
    String[] parts = t.contains("\n\n") ? t.split("\n\\s*\n") : t.split("\n(?=[ \t]{2,}|\t)");
    var b = new BodyBlocks(headline);
    for (var p : parts) b.paragraph(Html.escape(Html.collapseSpace(p)));
    return new Body(List.copyOf(b.blocks), List.of());
  }

  static boolean looksLikeHtml(String s) {
    var lower = s.toLowerCase(Locale.ROOT);
    return lower.contains("<p")
        || lower.contains("<br")
        || lower.contains("</")
        || lower.contains("<div");
  }

  private void walk(Element parent) {
    if (++depth > SafeXml.MAX_DEPTH) throw tooDeep();
    try {
      walkChildren(parent);
    } finally {
      depth--;
    }
  }

  private static WireFormatException tooDeep() {
    return new WireFormatException(
        "body",
        "nests elements more than " + SafeXml.MAX_DEPTH + " deep, which no wire format needs");
  }

  private void walkChildren(Element parent) {
    var pendingText = new StringBuilder();
    for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Text t) {
        pendingText.append(t.getData());
        continue;
      }
      if (!(n instanceof Element e)) continue;
      var name = Elements.name(e).toLowerCase(Locale.ROOT);
      if (INLINE.contains(name) || name.equals("br")) {
        pendingText.append(e.getTextContent()).append(' ');
        continue;
      }
      flushText(pendingText);
      element(e, name);
    }
    flushText(pendingText);
  }

  private void flushText(StringBuilder pending) {
    var s = Html.collapseSpace(pending.toString());
    pending.setLength(0);
    if (!s.isEmpty()) paragraph(Html.escape(undoDoubleEscape(s)));
  }

  private void element(Element e, String name) {
    if (SKIPPED.contains(name)) return;
    if (CONTAINERS.contains(name)) {
      walk(e);
      return;
    }
    switch (name) {
      case "p" -> {
        if (hasBlockChildren(e)) walk(e);
        else paragraph(inline(e));
      }
      case "h1", "h2", "hl2" -> heading(2, e);
      case "h3" -> heading(3, e);
      case "h4", "h5", "h6" -> heading(4, e);
      case "ul", "ol" -> list(e, name.equals("ol"));
      case "blockquote", "bq" -> quote(e);
      case "table" -> raw(e);
      case "pre" -> raw(e);
      case "media", "img", "figure" -> picture(e, name);
      case "dl" -> walk(e);
      case "dt", "dd", "li" -> paragraph(inline(e));
      default -> {
        if (hasBlockChildren(e)) walk(e);
        else paragraph(inline(e));
      }
    }
  }

  private static boolean hasBlockChildren(Element e) {
    for (var c : Elements.children(e)) {
      var n = Elements.name(c).toLowerCase(Locale.ROOT);
      if (Set.of(
              "p",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "hl2",
              "ul",
              "ol",
              "table",
              "blockquote",
              "bq",
              "div",
              "block",
              "section",
              "media",
              "figure",
              "pre")
          .contains(n)) {
        return true;
      }
    }
    return false;
  }

  private void add(Block b) {
    chars += b.text().length();
    if (chars > WireItem.MAX_BODY_CHARS) throw WireItem.bodyTooLong(chars);
    blocks.add(b);
  }

  private void paragraph(String html) {
    if (html == null) return;
    try {
      var p = new Block.Paragraph(html);
      var text = p.text();
      if (text.isEmpty() || text.equals(headline) && blocks.isEmpty()) return;
      add(p);
    } catch (InvalidInput ignored) {
      // A paragraph with nothing readable left after sanitising is not a paragraph.
    }
  }

  private void heading(int level, Element e) {
    var text = Elements.text(e);
    if (text.isEmpty() || text.equalsIgnoreCase(headline)) return;
    if (text.length() > 300) {
      paragraph(Html.escape(text));
      return;
    }
    add(new Block.Heading(level, undoDoubleEscape(text)));
  }

  private void list(Element e, boolean ordered) {
    var items = new ArrayList<String>();
    for (var li : Elements.children(e, "li")) {
      var html = inline(li);
      if (!Html.toText(html).isEmpty()) items.add(html);
    }
    if (!items.isEmpty()) add(new Block.ListBlock(ordered, items));
  }

  private void quote(Element e) {
    var credit = Elements.child(e, "credit");
    var attribution = credit == null ? "" : Elements.text(credit);
    if (credit != null) e.removeChild(credit);
    var html = inline(e);
    if (!Html.toText(html).isEmpty())
      add(new Block.Quote(html, attribution.length() > 300 ? "" : attribution));
  }

  private void raw(Element e) {
    var html = new StringBuilder();
    serialise(e, html, true, 0);
    var block = new Block.RawHtml(html.toString());
    if (!block.html().isEmpty()) add(block);
  }

  private void picture(Element e, String name) {
    String href;
    String caption;
    String credit = "";
    String type = "";
    if (name.equals("media")) {
      var ref = Elements.child(e, "media-reference");
      href = Elements.attr(ref, "source");
      type = Elements.attr(ref, "mime-type");
      caption = Elements.text(e, "media-caption");
      credit = Elements.text(e, "media-producer");
      if (!Elements.attr(e, "media-type").isEmpty()
          && !Elements.attr(e, "media-type").equals("image")) return;
    } else if (name.equals("img")) {
      href = Elements.attr(e, "src");
      caption = Elements.attr(e, "alt");
    } else {
      var img = Elements.descendants(e, "img");
      href = img.isEmpty() ? "" : Elements.attr(img.get(0), "src");
      caption = Elements.text(e, "figcaption");
    }
    if (href.isEmpty()) return;
    pictures.add(new Picture(
        href, caption, credit, "", List.of(new Rendition("body", href, "", type, 0, 0))));
  }

  /** Inline HTML of an element's content: allowed tags kept, others unwrapped to their text. */
  private static String inline(Element e) {
    var out = new StringBuilder();
    for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) serialise(n, out, false, 0);
    return out.toString();
  }

  private static void serialise(Node n, StringBuilder out, boolean keepStructure, int depth) {
    if (depth > SafeXml.MAX_DEPTH) throw tooDeep();
    if (n instanceof Text t) {
      out.append(Html.escape(undoDoubleEscape(t.getData())));
      return;
    }
    if (!(n instanceof Element e)) return;
    var name = Elements.name(e).toLowerCase(Locale.ROOT);
    if (name.equals("br")) {
      out.append("<br>");
      return;
    }
    boolean keep = INLINE.contains(name)
        || keepStructure
            && Set.of(
                    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "pre", "ul",
                    "ol", "li", "p")
                .contains(name);
    if (keep) {
      out.append('<').append(name);
      if (name.equals("a") && !Elements.attr(e, "href").isEmpty()) {
        out.append(" href=\"").append(Html.escape(Elements.attr(e, "href"))).append('"');
      }
      for (var a : List.of("colspan", "rowspan")) {
        if (!Elements.attr(e, a).isEmpty())
          out.append(' ')
              .append(a)
              .append("=\"")
              .append(Html.escape(Elements.attr(e, a)))
              .append('"');
      }
      out.append('>');
    } else if (!INLINE.contains(name)
        && !out.isEmpty()
        && !Character.isWhitespace(out.charAt(out.length() - 1))) {
      // Agency tags such as <Company> sit inside words' spacing; keep words apart when unwrapping.
      if (Set.of("p", "li", "td", "th", "div").contains(name)) out.append(' ');
    }
    for (var c = e.getFirstChild(); c != null; c = c.getNextSibling())
      serialise(c, out, keepStructure, depth + 1);
    if (keep) out.append("</").append(name).append('>');
  }

  static String undoDoubleEscape(String s) {
    if (s.indexOf('&') < 0) return s;
    var m = DOUBLE_ESCAPED.matcher(s);
    var out = new StringBuilder();
    while (m.find()) {
      var entity = m.group(1);
      String decoded = switch (entity) {
        case "quot" -> "\"";
        case "amp" -> "&";
        case "apos" -> "'";
        case "lt" -> "<";
        case "gt" -> ">";
        default -> {
          try {
            int cp = entity.startsWith("#x")
                ? Integer.parseInt(entity.substring(2), 16)
                : Integer.parseInt(entity.substring(1));
            yield Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : m.group();
          } catch (NumberFormatException ex) {
            yield m.group();
          }
        }
      };
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(decoded));
    }
    m.appendTail(out);
    return out.toString();
  }
}
