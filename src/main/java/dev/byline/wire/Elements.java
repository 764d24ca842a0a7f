package dev.byline.wire;

import dev.byline.content.Html;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * DOM look-ups by local name, because agencies spell the same namespace with every prefix
 * ("ns0:headline", "headline") and some leave it out. Text is whitespace-collapsed.
 */
final class Elements {
  private Elements() {}

  static String name(Node n) {
    var local = n.getLocalName();
    if (local == null) local = n.getNodeName();
    int colon = local.indexOf(':');
    return colon >= 0 ? local.substring(colon + 1) : local;
  }

  static List<Element> children(Element parent, String localName) {
    var out = new ArrayList<Element>();
    if (parent == null) return out;
    for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && (localName == null || name(e).equals(localName))) out.add(e);
    }
    return out;
  }

  static List<Element> children(Element parent) {
    return children(parent, null);
  }

  static Element child(Element parent, String localName) {
    if (parent == null) return null;
    for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name(e).equals(localName)) return e;
    }
    return null;
  }

  /** The first element at a path of local names, e.g. {@code path(item, "contentMeta", "headline")}. */
  static Element path(Element from, String... names) {
    var e = from;
    for (var n : names) {
      e = child(e, n);
      if (e == null) return null;
    }
    return e;
  }

  /** All descendants with this local name, in document order. */
  static List<Element> descendants(Element root, String localName) {
    var out = new ArrayList<Element>();
    collect(root, localName, out);
    return out;
  }

  private static void collect(Element e, String localName, List<Element> out) {
    for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        if (name(c).equals(localName)) out.add(c);
        collect(c, localName, out);
      }
    }
  }

  /** Text content, whitespace collapsed; empty for a missing element. */
  static String text(Element e) {
    return e == null ? "" : Html.collapseSpace(e.getTextContent());
  }

  static String text(Element parent, String localName) {
    return text(child(parent, localName));
  }

  static String attr(Element e, String name) {
    if (e == null) return "";
    var v = e.getAttribute(name);
    return v == null ? "" : v.strip();
  }
}
