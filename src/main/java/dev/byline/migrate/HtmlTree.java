package dev.byline.migrate;

import dev.byline.content.Html;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.owasp.html.HtmlChangeListener;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.PolicyFactory;

/**
 * A post's HTML as a small tree, built from the OWASP sanitizer's events rather than by a parser
 * of our own: what reaches the tree has already passed a policy (no script, no style, no event
 * handler, no {@code javascript:} link), and its tags are balanced. The policy is wider than
 * what articles may hold ({@link Html}): it keeps the classes and embed frames that say where a
 * WordPress picture or video came from. Blocks made from the tree pass {@link Html}'s policies
 * again in their constructors.
 */
final class HtmlTree {
  /** What the import reads from a post: structure, links, pictures with their classes, embeds. */
  static final PolicyFactory READING = Html.BLOCK.and(new HtmlPolicyBuilder()
      .allowElements(
          "figure",
          "figcaption",
          "img",
          "iframe",
          "div",
          "span",
          "u",
          "mark",
          "cite",
          "video",
          "audio",
          "source",
          "h1",
          "h5",
          "h6",
          "blockquote",
          "table",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "td",
          "th",
          "caption")
      .allowAttributes("class")
      .onElements("img", "figure", "div", "blockquote", "p", "span", "a")
      .allowAttributes("src", "title")
      .onElements("iframe", "video", "audio", "source")
      .allowAttributes("src", "alt", "title", "width", "height")
      .onElements("img")
      .allowAttributes("data-instgrm-permalink", "cite")
      .onElements("blockquote")
      .allowAttributes("colspan", "rowspan")
      .onElements("td", "th")
      .allowStandardUrlProtocols()
      .toFactory());

  /** An element, or the document's root (name ""). Children are Nodes and Strings (plain text). */
  record Node(String name, Map<String, String> attrs, List<Object> children) {
    String attr(String key) {
      return attrs.getOrDefault(key, "");
    }

    boolean hasClass(String c) {
      for (var part : attr("class").split("\\s+")) if (part.equals(c)) return true;
      return false;
    }

    boolean classStartsWith(String prefix) {
      for (var part : attr("class").split("\\s+")) if (part.startsWith(prefix)) return true;
      return false;
    }

    /** All text below, as plain text. */
    String text() {
      var sb = new StringBuilder();
      appendText(this, sb);
      return sb.toString();
    }

    private static void appendText(Node n, StringBuilder sb) {
      for (var c : n.children()) {
        if (c instanceof String s) sb.append(s);
        else if (c instanceof Node e) {
          if (e.name().equals("br")) sb.append('\n');
          appendText(e, sb);
        }
      }
    }

    /** The first element below with this name, depth first, or null. */
    Node find(String element) {
      for (var c : children) {
        if (c instanceof Node e) {
          if (e.name().equals(element)) return e;
          var deeper = e.find(element);
          if (deeper != null) return deeper;
        }
      }
      return null;
    }
  }

  private HtmlTree() {}

  /**
   * Parses and sanitises {@code html}; elements the policy took out (scripts, forms, objects,
   * styles) are named in {@code removed}.
   */
  static Node parse(String html, List<String> removed) {
    var builder = new Builder();
    HtmlChangeListener<List<String>> listener = new HtmlChangeListener<>() {
      @Override
      public void discardedTag(List<String> ctx, String element) {
        ctx.add(element.toLowerCase(Locale.ROOT));
      }

      @Override
      public void discardedAttributes(List<String> ctx, String tag, String... attrs) {
        for (var a : attrs) {
          var lower = a.toLowerCase(Locale.ROOT);
          if (lower.startsWith("on") || lower.equals("style")) ctx.add(tag + " " + lower);
        }
      }
    };
    HtmlSanitizer.sanitize(html == null ? "" : html, READING.apply(builder, listener, removed));
    return builder.root;
  }

  private static final class Builder implements HtmlStreamEventReceiver {
    final Node root = new Node("", Map.of(), new ArrayList<>());
    private final Deque<Node> open = new ArrayDeque<>(List.of(root));

    @Override
    public void openDocument() {}

    @Override
    public void closeDocument() {}

    @Override
    public void openTag(String name, List<String> attrs) {
      var map = new TreeMap<String, String>();
      for (int i = 0; i + 1 < attrs.size(); i += 2) map.put(attrs.get(i), attrs.get(i + 1));
      var node = new Node(name.toLowerCase(Locale.ROOT), map, new ArrayList<>());
      open.peek().children().add(node);
      if (!isVoid(node.name())) open.push(node);
    }

    @Override
    public void closeTag(String name) {
      var lower = name.toLowerCase(Locale.ROOT);
      if (isVoid(lower)) return;
      // The sanitizer balances tags, so the element closed is the one open; stay safe regardless.
      for (var n : open) {
        if (n.name().equals(lower)) {
          while (open.peek() != n) open.pop();
          open.pop();
          return;
        }
      }
    }

    @Override
    public void text(String text) {
      var children = open.peek().children();
      if (!children.isEmpty() && children.get(children.size() - 1) instanceof String prev)
        children.set(children.size() - 1, prev + text);
      else children.add(text);
    }

    private static boolean isVoid(String name) {
      return name.equals("br") || name.equals("img") || name.equals("hr") || name.equals("source");
    }
  }
}
