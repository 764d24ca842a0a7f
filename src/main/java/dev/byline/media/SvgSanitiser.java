package dev.byline.media;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Takes an SVG drawing (a logo, an icon) only when everything in it is on an allow-list of
 * drawing elements and presentation attributes ({@link SvgRules}); anything else is refused, not
 * repaired, with the line and the element or attribute named. What comes back is the parsed
 * drawing written out again, UTF-8 without an XML declaration, so the bytes stored are exactly
 * what was checked. Comments and unused namespace declarations are dropped; a drawing sized only
 * by width and height gets the matching viewBox, so it scales.
 *
 * <pre>{@code
 * var svg = SvgSanitiser.sanitise(bytes, "SVG logo");
 * // or MediaException: "SVG logo line 3: element <script> is not allowed"
 * files.write(key, svg.bytes());
 * }</pre>
 */
public final class SvgSanitiser {
  /** Far above any logo or icon (a detailed one is a few tens of KB). */
  public static final int MAX_BYTES = 512 * 1024;
  /** Elements, counting each {@code use} as the elements it repeats: bounds the reader's work. */
  public static final int MAX_ELEMENTS = 10_000;
  /** Nesting depth; drawing tools rarely go past ten. */
  public static final int MAX_DEPTH = 32;
  /** Largest width or height accepted, in user units: sizes are for proportions, not pixels. */
  static final double MAX_SIDE = 100_000;

  /**
   * A checked drawing and its size in CSS pixels (or user units when it gives only a viewBox);
   * only the ratio of the two matters once it is scaled.
   */
  public record Svg(byte[] bytes, double width, double height) {}

  private record Element(String name, List<String[]> attributes, List<Object> children, int line) {
    String attribute(String name) {
      for (var a : attributes) if (a[0].equals(name)) return a[1];
      return null;
    }
  }

  private static final Pattern LENGTH = Pattern.compile(
      "\\s*([+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?)\\s*(px)?\\s*");
  private static final Pattern NUMBER_SEPARATOR = Pattern.compile("[\\s,]+");

  private final String name;
  private final XMLStreamReader xml;
  private final Map<String, Element> ids = new HashMap<>();
  private final List<Element> uses = new ArrayList<>();
  private int elements;
  private boolean xlink;

  private SvgSanitiser(String name, XMLStreamReader xml) {
    this.name = name;
    this.xml = xml;
  }

  /** True when the bytes could be an SVG drawing (XML), so they go here rather than to a decoder. */
  public static boolean looksLikeSvg(byte[] bytes) {
    int i = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB ? 3 : 0;
    while (i < bytes.length
        && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) i++;
    return i < bytes.length && bytes[i] == '<';
  }

  /**
   * The drawing, checked and written out again.
   *
   * @param name what to call it in a refusal, e.g. "SVG logo"
   * @throws MediaException naming the line and what is not allowed
   */
  public static Svg sanitise(byte[] bytes, String name) {
    if (bytes == null || bytes.length == 0) throw new MediaException(name + " is empty");
    if (bytes.length > MAX_BYTES)
      throw new MediaException(name + " is " + (bytes.length + 1023) / 1024 + " KB; the limit is "
          + MAX_BYTES / 1024 + " KB");
    XMLStreamReader xml;
    try {
      xml = factory().createXMLStreamReader(new ByteArrayInputStream(bytes));
    } catch (XMLStreamException | RuntimeException e) {
      throw new MediaException(name + " is not well-formed XML: " + reason(e));
    }
    try {
      return new SvgSanitiser(name, xml).read();
    } finally {
      try {
        xml.close();
      } catch (XMLStreamException ignored) {
        // nothing is held open: the input is in memory
      }
    }
  }

  private static XMLInputFactory factory() {
    var f = XMLInputFactory.newDefaultFactory();
    // A DOCTYPE is refused when it is met; these keep the parser from acting on one before that.
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  private Svg read() {
    var open = new ArrayDeque<Element>();
    Element root = null;
    while (true) {
      int event = next();
      switch (event) {
        case XMLStreamConstants.DTD -> refuse("a DOCTYPE is not allowed");
        case XMLStreamConstants.ENTITY_REFERENCE ->
          refuse("the entity &" + SvgRules.shorten(xml.getLocalName()) + "; is not allowed");
        case XMLStreamConstants.PROCESSING_INSTRUCTION ->
          refuse("the processing instruction <?" + SvgRules.shorten(xml.getPITarget())
              + "?> is not allowed");
        case XMLStreamConstants.START_ELEMENT -> {
          var e = start(open.size());
          if (open.isEmpty()) root = e;
          else open.peek().children().add(e);
          open.push(e);
        }
        case XMLStreamConstants.END_ELEMENT -> open.pop();
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
          text(open.peek());
        case XMLStreamConstants.END_DOCUMENT -> {
          if (root == null) throw new MediaException(name + " has no <svg> element");
          checkUses();
          return new Svg(write(root), size(root)[0], size(root)[1]);
        }
        default -> {
          // comments and the document's start: nothing is drawn from them
        }
      }
    }
  }

  private int next() {
    try {
      return xml.next();
    } catch (XMLStreamException | RuntimeException e) {
      var where = e instanceof XMLStreamException x && x.getLocation() != null
          ? " line " + x.getLocation().getLineNumber()
          : "";
      throw new MediaException(name + where + ": not well-formed XML (" + reason(e) + ")");
    }
  }

  private Element start(int depth) {
    var tag = qualified(xml.getPrefix(), xml.getLocalName());
    if (!SvgRules.SVG_NS.equals(xml.getNamespaceURI()))
      refuse(
          depth == 0 && tag.equals("svg")
              ? "<svg> is not in the SVG namespace (xmlns=\"" + SvgRules.SVG_NS + "\")"
              : "element <" + tag + "> is not allowed");
    if (!SvgRules.ELEMENTS.contains(tag)) refuse("element <" + tag + "> is not allowed");
    if (depth == 0 && !tag.equals("svg")) refuse("the root element is <" + tag + ">, not <svg>");
    if (depth >= MAX_DEPTH) refuse("elements are nested more than " + MAX_DEPTH + " deep");
    if (++elements > MAX_ELEMENTS) refuse("more than " + MAX_ELEMENTS + " elements");
    var e = new Element(tag, new ArrayList<>(), new ArrayList<>(), line());
    for (int i = 0; i < xml.getAttributeCount(); i++) e.attributes().add(attribute(tag, i));
    var id = e.attribute("id");
    if (id != null) ids.putIfAbsent(id, e);
    if (tag.equals("use")) uses.add(e);
    return e;
  }

  private String[] attribute(String tag, int i) {
    var ns = xml.getAttributeNamespace(i);
    var local = xml.getAttributeLocalName(i);
    var value = xml.getAttributeValue(i);
    String attr;
    if (ns == null || ns.isEmpty()) attr = local;
    else if (ns.equals(SvgRules.XLINK_NS) && local.equals("href")) attr = "xlink:href";
    else if (ns.equals(SvgRules.XML_NS) && (local.equals("space") || local.equals("lang")))
      attr = "xml:" + local;
    else attr = qualified(xml.getAttributePrefix(i), local);
    var where = "attribute " + SvgRules.shorten(attr) + " on <" + tag + "> ";
    if (attr.startsWith("on")) refuse(where + "is not allowed (event handlers run script)");
    boolean known = SvgRules.attributeAllowed(attr)
        || attr.equals("xlink:href")
        || attr.equals("xml:space")
        || attr.equals("xml:lang");
    if (!known) refuse(where + "is not allowed");
    String why;
    if (attr.equals("href") || attr.equals("xlink:href")) why = SvgRules.href(value);
    else if (attr.equals("style")) why = SvgRules.style(value);
    else why = SvgRules.value(value);
    if (why != null) refuse(where + why);
    if (attr.equals("xlink:href")) xlink = true;
    return new String[] {attr, value};
  }

  private void text(Element parent) {
    var text = xml.getText();
    if (parent == null || text.isEmpty()) return;
    if (!text.isBlank() && !SvgRules.TEXT_ELEMENTS.contains(parent.name()))
      refuse("text directly inside <" + parent.name() + "> is not allowed");
    parent.children().add(text);
  }

  /**
   * Each {@code use} must repeat an element of this drawing that holds no {@code use} itself, so
   * repetition cannot multiply (the SVG form of the billion laughs), and stay within the limit.
   */
  private void checkUses() {
    int total = elements;
    for (var use : uses) {
      var href =
          use.attribute("href") != null ? use.attribute("href") : use.attribute("xlink:href");
      if (href == null) continue;
      var target = ids.get(href.strip().substring(1));
      if (target == null)
        refuse(
            use.line(),
            "<use> points to " + SvgRules.shorten(href) + ", which is not in the drawing");
      int[] count = {0};
      if (holdsUse(target, count))
        refuse(
            use.line(), "<use> repeats " + SvgRules.shorten(href) + ", which holds a <use> itself");
      total += count[0];
      if (total > MAX_ELEMENTS)
        throw new MediaException(
            name + " repeats elements (with <use>) to more than " + MAX_ELEMENTS + " in all");
    }
  }

  private static boolean holdsUse(Element e, int[] count) {
    count[0]++;
    if (e.name().equals("use")) return true;
    for (var c : e.children())
      if (c instanceof Element child && holdsUse(child, count)) return true;
    return false;
  }

  /** Width and height from the root's width and height in pixels, else from its viewBox. */
  private double[] size(Element root) {
    double w = length(root.attribute("width"));
    double h = length(root.attribute("height"));
    if (w > 0 && h > 0) return checked(root, w, h);
    var box = viewBox(root);
    if (box == null)
      refuse(
          root.line(), "<svg> needs a viewBox or a width and height in pixels, so it can be sized");
    return checked(root, box[2], box[3]);
  }

  private double[] checked(Element root, double w, double h) {
    if (!(w > 0 && h > 0 && w <= MAX_SIDE && h <= MAX_SIDE))
      refuse(
          root.line(),
          "<svg> is sized " + fmt(w) + "×" + fmt(h) + "; each side must be above 0 and at most "
              + fmt(MAX_SIDE));
    return new double[] {w, h};
  }

  /** The viewBox's four numbers, or null when there is none or it is not four numbers. */
  private double[] viewBox(Element root) {
    var v = root.attribute("viewBox");
    if (v == null) return null;
    var parts = NUMBER_SEPARATOR.split(v.strip());
    if (parts.length != 4)
      refuse(root.line(), "viewBox “" + SvgRules.shorten(v) + "” is not four numbers");
    var box = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        box[i] = Double.parseDouble(parts[i]);
      } catch (NumberFormatException e) {
        refuse(root.line(), "viewBox “" + SvgRules.shorten(v) + "” is not four numbers");
      }
    }
    return box;
  }

  /** A length in pixels (a bare number or px), or -1 for none or another unit. */
  private static double length(String value) {
    if (value == null) return -1;
    var m = LENGTH.matcher(value);
    return m.matches() ? Double.parseDouble(m.group(1)) : -1;
  }

  private byte[] write(Element root) {
    var out = new StringBuilder(4096);
    out.append("<svg xmlns=\"").append(SvgRules.SVG_NS).append('"');
    if (xlink) out.append(" xmlns:xlink=\"").append(SvgRules.XLINK_NS).append('"');
    attributes(out, root);
    if (root.attribute("viewBox") == null) {
      var s = size(root);
      out.append(" viewBox=\"0 0 ")
          .append(fmt(s[0]))
          .append(' ')
          .append(fmt(s[1]))
          .append('"');
    }
    children(out, root);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(StringBuilder out, Element e) {
    out.append('<').append(e.name());
    attributes(out, e);
    children(out, e);
  }

  private static void attributes(StringBuilder out, Element e) {
    for (var a : e.attributes()) {
      out.append(' ').append(a[0]).append("=\"");
      escape(out, a[1], true);
      out.append('"');
    }
  }

  private static void children(StringBuilder out, Element e) {
    if (e.children().isEmpty()) {
      out.append("/>");
      return;
    }
    out.append('>');
    for (var c : e.children()) {
      if (c instanceof Element child) write(out, child);
      else escape(out, (String) c, false);
    }
    out.append("</").append(e.name()).append('>');
  }

  private static void escape(StringBuilder out, String s, boolean attribute) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\r' -> out.append("&#13;");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        default -> out.append(c);
      }
    }
  }

  private int line() {
    var at = xml.getLocation();
    return at == null ? 0 : at.getLineNumber();
  }

  private void refuse(String reason) {
    refuse(line(), reason);
  }

  private void refuse(int line, String reason) {
    throw new MediaException(name + (line > 0 ? " line " + line : "") + ": " + reason);
  }

  private static String qualified(String prefix, String local) {
    var q = prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    return SvgRules.shorten(q);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15
        ? Long.toString((long) d)
        : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static String reason(Exception e) {
    var m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // The JDK prefixes "ParseError at [row,col]:[3,5]\nMessage: "; the line is given apart.
    int at = m.indexOf("Message: ");
    return SvgRules.shorten((at >= 0 ? m.substring(at + 9) : m).strip());
  }
}
