package dev.byline.content;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The two HTML policies content may carry, both enforced by the OWASP sanitizer: inline markup
 * inside a paragraph, and the wider set allowed in a raw-HTML block. Nothing else reaches a page
 * unescaped.
 */
public final class Html {
  /** Links, emphasis and the small inline set wire copy and Markdown produce. */
  public static final PolicyFactory INLINE = new HtmlPolicyBuilder()
      .allowElements(
          "a", "em", "strong", "b", "i", "br", "sub", "sup", "code", "q", "abbr", "s", "small")
      .allowAttributes("href")
      .matching(Html::stripEnds)
      .onElements("a")
      .allowAttributes("title")
      .matching(Html::stripEnds)
      .onElements("a", "abbr")
      .allowStandardUrlProtocols()
      .requireRelsOnLinks("noopener")
      .toFactory();

  /** What an editor may paste as raw HTML: structure, tables, images over http(s). No scripts, no styles. */
  public static final PolicyFactory BLOCK = INLINE
      .and(Sanitizers.BLOCKS)
      .and(Sanitizers.TABLES)
      .and(Sanitizers.IMAGES)
      .and(new HtmlPolicyBuilder()
          .allowElements(
              "ul", "ol", "li", "figure", "figcaption", "hr", "dl", "dt", "dd", "pre", "img")
          .allowAttributes("alt")
          .matching(Html::stripEnds)
          .onElements("img")
          .toFactory());

  private Html() {}

  /**
   * The sanitizer writes a space after any attribute value holding a backtick (old browsers read
   * a backtick as a quote), so sanitising its own output would add one more space each time:
   * stored bodies are sanitised again when read, and must read back the same. White space at
   * the ends of these values means nothing, so it goes before writing.
   */
  private static String stripEnds(String element, String attribute, String value) {
    return value.strip();
  }

  public static String inline(String html) {
    return INLINE.sanitize(html == null ? "" : html);
  }

  public static String block(String html) {
    return BLOCK.sanitize(html == null ? "" : html);
  }

  /** {@link #inline}, without white space at the ends, and stable: see {@link #settled}. */
  public static String inlineValue(String html) {
    return settled(INLINE, html);
  }

  /** {@link #block}, without white space at the ends, and stable: see {@link #settled}. */
  public static String blockValue(String html) {
    return settled(BLOCK, html);
  }

  /** How many passes a stored value may take before a further pass changes nothing. */
  static final int MAX_PASSES = 4;

  /**
   * Sanitises and strips until a further pass changes nothing. Stored blocks are sanitised again
   * when read and must read back the same, but one pass is not always stable: the sanitiser puts
   * an empty comment after a "{" that ends its input (so no "{{" can form by joining), and a "{"
   * that only ends the value once the white space after it is stripped gets its comment on the
   * next pass. Found by fuzzing the Markdown reader.
   */
  private static String settled(PolicyFactory policy, String html) {
    var out = policy.sanitize(html == null ? "" : html).strip();
    for (int pass = 1; pass < MAX_PASSES; pass++) {
      var again = policy.sanitize(out).strip();
      if (again.equals(out)) return out;
      out = again;
    }
    return out;
  }

  /**
   * Escapes plain text so it can stand where inline HTML or a quoted attribute value is
   * expected: {@code & < > " '} become {@code &amp; &lt; &gt; &#34; &#39;}, exactly as jte writes
   * text into an attribute value, so text escaped here reads the same as text a template escaped.
   * The one escaper for text that becomes HTML outside a template.
   */
  public static String escape(String text) {
    if (text == null) return "";
    var out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&#34;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The words of sanitised HTML, for search, summaries and metadata. */
  public static String toText(String html) {
    if (html == null || html.isEmpty()) return "";
    // By hand rather than by regular expression: every paragraph of every imported and indexed
    // story passes through here. Same result as replacing "<[^>]*>" with a space, unescaping,
    // then collapseSpace.
    return collapseSpace(unescape(html.indexOf('<') < 0 ? html : tagsToSpaces(html)));
  }

  private static String tagsToSpaces(String html) {
    var out = new StringBuilder(html.length());
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      int close;
      if (c == '<' && (close = html.indexOf('>', i + 1)) > 0) {
        out.append(' ');
        i = close + 1;
      } else if (c == '<') {
        out.append(html, i, html.length()); // no '>' after this: no more tags
        break;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * Runs of ASCII white space as one space, the ends stripped: what {@code
   * s.replaceAll("\\s+", " ").strip()} gives, without compiling or running a regular expression.
   */
  public static String collapseSpace(String s) {
    if (s == null) return "";
    var out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
        space = true;
        continue;
      }
      if (space) out.append(' ');
      space = false;
      out.append(c);
    }
    return out.toString().strip();
  }

  private static String unescape(String s) {
    if (s.indexOf('&') < 0) return s;
    var out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int semi;
      if (c == '&' && (semi = s.indexOf(';', i)) > i && semi - i <= 10) {
        var entity = s.substring(i + 1, semi);
        var decoded = decode(entity);
        if (decoded != null) {
          out.append(decoded);
          i = semi;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String decode(String entity) {
    switch (entity) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return "\"";
      case "apos":
        return "'";
      case "nbsp":
        return " ";
      default:
        try {
          if (entity.startsWith("#x") || entity.startsWith("#X")) {
            return new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
          }
          if (entity.startsWith("#"))
            return new String(Character.toChars(Integer.parseInt(entity.substring(1))));
        } catch (IllegalArgumentException e) {
          return null;
        }
        return null;
    }
  }
}
