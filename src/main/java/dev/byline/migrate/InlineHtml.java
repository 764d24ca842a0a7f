package dev.byline.migrate;

import dev.byline.content.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Inline HTML from a post's tree: links and emphasis kept, every other tag unwrapped to its text. */
final class InlineHtml {
  private static final Set<String> KEPT =
      Set.of("a", "em", "strong", "b", "i", "sub", "sup", "code", "q", "abbr", "s", "small");
  /** Elements whose text runs into the next one's unless a space is put between. */
  private static final Set<String> SPACED = Set.of("p", "li", "div", "td", "th", "dd", "dt");

  private InlineHtml() {}

  /** Writes the content of {@code e} (leaving out {@code skip}) as inline HTML. */
  static void write(HtmlTree.Node e, StringBuilder out, HtmlTree.Node skip, Notes notes) {
    if (e == skip) return;
    var name = e.name();
    if (name.equals("br")) {
      out.append("<br>");
      return;
    }
    if (name.equals("img")) {
      notes.add("a picture inside a list or quote was left out");
      return;
    }
    boolean keep = KEPT.contains(name);
    if (keep) {
      out.append('<').append(name);
      if (name.equals("a") && !e.attr("href").isEmpty())
        out.append(" href=\"").append(Html.escape(e.attr("href"))).append('"');
      if ((name.equals("a") || name.equals("abbr")) && !e.attr("title").isEmpty())
        out.append(" title=\"").append(Html.escape(e.attr("title"))).append('"');
      out.append('>');
    } else if (SPACED.contains(name) && !out.isEmpty()) {
      out.append(' ');
    }
    for (var c : e.children()) {
      if (c instanceof String s) out.append(Html.escape(squash(s)));
      else write((HtmlTree.Node) c, out, skip, notes);
    }
    if (keep) out.append("</").append(name).append('>');
  }

  /** Runs of white space as one space, ends kept (spaces between inline tags matter). */
  static String squash(String s) {
    var out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        if (!space) out.append(' ');
        space = true;
      } else {
        out.append(c);
        space = false;
      }
    }
    return out.toString();
  }

  /** Every element named {@code name} below {@code e}, not looking inside the ones found. */
  static void collect(HtmlTree.Node e, String name, List<HtmlTree.Node> out) {
    for (var c : e.children()) {
      if (c instanceof HtmlTree.Node n) {
        if (n.name().equals(name)) out.add(n);
        else collect(n, name, out);
      }
    }
  }

  /** The last link below {@code e} whose address contains {@code containing}, or empty. */
  static String lastLink(HtmlTree.Node e, String containing) {
    var links = new ArrayList<HtmlTree.Node>();
    collect(e, "a", links);
    for (int i = links.size() - 1; i >= 0; i--) {
      var href = links.get(i).attr("href");
      if (href.contains(containing)) return href;
    }
    return "";
  }
}
