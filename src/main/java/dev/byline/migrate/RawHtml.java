package dev.byline.migrate;

import dev.byline.content.Html;
import java.util.Set;

/** Writes a table, preformatted text or a definition list back to HTML for a raw block. */
final class RawHtml {
  private static final Set<String> KEPT = Set.of(
      "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "pre", "code", "dl", "dt",
      "dd", "ul", "ol", "li", "p", "br", "a", "em", "strong", "b", "i", "sub", "sup");

  private RawHtml() {}

  static void serialise(HtmlTree.Node e, StringBuilder out) {
    var name = e.name();
    boolean keep = KEPT.contains(name);
    if (keep) {
      out.append('<').append(name);
      for (var a : new String[] {"href", "colspan", "rowspan"}) {
        if (!e.attr(a).isEmpty())
          out.append(' ').append(a).append("=\"").append(Html.escape(e.attr(a))).append('"');
      }
      out.append('>');
    }
    if (name.equals("br")) return;
    for (var c : e.children()) {
      if (c instanceof String s) out.append(Html.escape(s));
      else serialise((HtmlTree.Node) c, out);
    }
    if (keep) out.append("</").append(name).append('>');
  }
}
