package dev.byline.migrate;

import dev.byline.content.Block;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WordPress post's content to article blocks. Block-editor ("Gutenberg") posts carry their
 * structure in HTML comments around semantic HTML; classic posts are HTML with paragraphs left
 * to WordPress's autop and pictures in {@code [caption]} shortcodes. Both end as the same
 * blocks. Shortcodes Byline knows (caption, gallery, embed, youtube) are converted; any other is
 * kept as the text it is, counted, and never run.
 */
final class WpContent {
  /** Stands for a gallery's picture until the walker looks it up by its attachment id. */
  static final String GALLERY_SRC = "https://attachment.invalid/";

  private static final Pattern BLOCK_COMMENT = Pattern.compile(
      "<!--\\s+(/)?wp:([a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)(\\s+\\{.*?})?\\s+(/)?-->",
      Pattern.DOTALL);
  private static final Pattern SHORTCODE = Pattern.compile(
      "\\[(\\[?)([A-Za-z][\\w-]*)(?![\\w-])([^\\]\\[]*?)(/?)](?:((?:(?!\\[/?\\2[\\s\\]/]).)*?)\\[/\\2])?(]?)",
      Pattern.DOTALL);
  private static final Pattern ATTR =
      Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
  private static final Pattern IMG =
      Pattern.compile("(<a\\s[^>]*>\\s*)?<img\\s[^>]*>(\\s*</a>)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern FIRST_URL = Pattern.compile("https?://[^\\s\"'\\]<]+");
  /** Blocks that only lay out or paginate and carry nothing to keep when empty. */
  private static final Set<String> LAYOUT_ONLY = Set.of(
      "spacer", "more", "nextpage", "separator", "column", "columns", "group", "buttons", "button");
  /** Blocks drawn by WordPress at view time (lists of posts, archives, forms): nothing is stored. */
  private static final Set<String> KNOWN_CORE = Set.of(
      "paragraph",
      "heading",
      "list",
      "list-item",
      "quote",
      "pullquote",
      "image",
      "gallery",
      "embed",
      "html",
      "table",
      "preformatted",
      "code",
      "verse",
      "freeform",
      "shortcode",
      "media-text",
      "cover",
      "video",
      "audio",
      "file",
      "details");

  private WpContent() {}

  static List<Block> toBlocks(String content, BodyWalker.Images images, Notes notes) {
    if (content == null || content.isBlank()) return List.of();
    var html = content.replace("\r\n", "\n");
    boolean blocks = html.contains("<!-- wp:");
    if (blocks) html = blockComments(html, notes);
    html = shortcodes(html, notes);
    return htmlToBlocks(html, images, notes, !blocks);
  }

  /** Sanitised HTML to blocks; what the sanitizer removed is noted. */
  static List<Block> htmlToBlocks(
      String html, BodyWalker.Images images, Notes notes, boolean autop) {
    var removed = new java.util.ArrayList<String>();
    var tree = HtmlTree.parse(html, removed);
    for (var r : removed) {
      if (r.equals("script")
          || r.equals("style")
          || r.equals("form")
          || r.equals("object")
          || r.equals("embed")
          || r.equals("input")
          || r.equals("button")
          || r.contains(" "))
        notes.add("removed "
            + (r.contains(" ")
                ? "the " + r.substring(r.indexOf(' ') + 1) + " attribute"
                : "<" + r + ">")
            + " (Byline never serves scripts or styles from content)");
    }
    return BodyWalker.blocks(tree, images, notes, autop);
  }

  /** Notes the blocks that carry no HTML of their own, then removes the comments. */
  private static String blockComments(String html, Notes notes) {
    var m = BLOCK_COMMENT.matcher(html);
    var out = new StringBuilder();
    while (m.find()) {
      var name = m.group(2);
      boolean closing = m.group(1) != null;
      boolean selfClosing = m.group(4) != null;
      var core = name.startsWith("core/")
          ? name.substring(5)
          : name.startsWith("core-embed/") ? "embed" : name.contains("/") ? null : name;
      if (!closing && selfClosing && (core == null || !LAYOUT_ONLY.contains(core)))
        notes.add(
            "the \"" + name
                + "\" block is drawn by WordPress when a page is shown and has no text to keep; left out");
      else if (!closing && core == null)
        notes.add("the plugin block \"" + name + "\" was kept as its HTML");
      else if (!closing && !KNOWN_CORE.contains(core) && !LAYOUT_ONLY.contains(core))
        notes.add("the \"" + name + "\" block was kept as its HTML");
      m.appendReplacement(out, "\n");
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String shortcodes(String html, Notes notes) {
    if (html.indexOf('[') < 0) return html;
    var m = SHORTCODE.matcher(html);
    var out = new StringBuilder();
    while (m.find()) {
      if (!m.group(1).isEmpty()
          && !m.group(6).isEmpty()) { // [[name]] is the escaped, literal [name]
        m.appendReplacement(
            out, Matcher.quoteReplacement(m.group().substring(1, m.group().length() - 1)));
        continue;
      }
      var name = m.group(2).toLowerCase(Locale.ROOT);
      var attrs = m.group(3);
      var inner = m.group(5);
      String replacement = switch (name) {
        case "caption", "wp_caption" -> caption(attrs, inner == null ? "" : inner);
        case "gallery" -> gallery(attrs, notes);
        case "embed" -> paragraph(inner == null ? "" : inner.strip());
        case "youtube", "vimeo" -> paragraph(firstUrl(attrs + " " + (inner == null ? "" : inner)));
        case "video", "audio", "playlist" -> media(name, attrs, notes);
        default -> null;
      };
      if (replacement == null) {
        if (looksLikeShortcode(name, attrs, inner)) notes.shortcode(name);
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
      } else {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + replacement + m.group(6)));
      }
    }
    m.appendTail(out);
    return out.toString();
  }

  /** "[sic]" and "[1]" are words in brackets; a name with attributes or a closing tag is a shortcode. */
  private static boolean looksLikeShortcode(String name, String attrs, String inner) {
    return inner != null || attrs.contains("=") || name.contains("_") || name.contains("-");
  }

  private static String caption(String attrs, String inner) {
    var img = IMG.matcher(inner);
    if (!img.find()) return inner;
    var text = (inner.substring(0, img.start()) + inner.substring(img.end())).strip();
    if (text.isEmpty()) text = attr(attrs, "caption");
    return "\n\n<figure>" + img.group() + "<figcaption>" + text + "</figcaption></figure>\n\n";
  }

  private static String gallery(String attrs, Notes notes) {
    var ids = attr(attrs, "ids");
    if (ids.isBlank()) {
      notes.add(
          "a gallery that listed no pictures (WordPress showed the post's attachments) was left out");
      return "";
    }
    var sb = new StringBuilder("\n\n<figure class=\"gallery\">");
    for (var id : ids.split("\\s*,\\s*")) {
      if (id.matches("\\d{1,18}"))
        sb.append("<img class=\"wp-image-")
            .append(id)
            .append("\" src=\"")
            .append(GALLERY_SRC)
            .append(id)
            .append("\">");
    }
    return sb.append("</figure>\n\n").toString();
  }

  private static String media(String name, String attrs, Notes notes) {
    var url = firstUrl(attrs);
    if (!url.isEmpty()
        && dev.byline.content.Markdown.embedProvider(url.replaceFirst("^http:", "https:")) != null)
      return paragraph(url);
    notes.add("a " + name + " player was left out (Byline does not host " + name + " files)");
    return "";
  }

  private static String paragraph(String url) {
    return url.isEmpty() ? "" : "\n\n<p>" + url + "</p>\n\n";
  }

  private static String firstUrl(String s) {
    var m = FIRST_URL.matcher(s);
    return m.find() ? m.group() : "";
  }

  static String attr(String attrs, String key) {
    var m = ATTR.matcher(attrs);
    while (m.find()) {
      if (m.group(1).equalsIgnoreCase(key))
        return m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
    }
    return "";
  }
}
