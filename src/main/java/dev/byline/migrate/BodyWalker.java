package dev.byline.migrate;

import dev.byline.content.Block;
import dev.byline.content.Html;
import dev.byline.content.InvalidInput;
import dev.byline.content.Markdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A post's sanitised HTML tree to article blocks: paragraphs, headings, lists, quotes, pictures
 * from the photo desk with their captions, embeds (YouTube, X, Instagram ... as the site's
 * consent-gated facade), tables and preformatted text. With {@code autop}, text outside any
 * block element is split into paragraphs at blank lines, as WordPress does for classic posts.
 */
final class BodyWalker {
  /** Finds the photo-desk image a post's picture became, by attachment id or by file address. */
  interface Images {
    /** @return the stored image id, or null when the picture was not imported */
    Long find(long attachmentId, String src);
  }

  private static final Set<String> INLINE = Set.of(
      "a", "em", "strong", "b", "i", "sub", "sup", "code", "q", "abbr", "s", "small", "br", "span",
      "u", "mark", "cite");
  private static final Pattern WP_IMAGE = Pattern.compile("wp-image-(\\d{1,18})");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n\\s*");
  private static final Pattern URL = Pattern.compile("https?://\\S+");

  private final Images images;
  private final Notes notes;
  private final List<Block> blocks = new ArrayList<>();
  private final StringBuilder inline = new StringBuilder();

  private BodyWalker(Images images, Notes notes) {
    this.images = images;
    this.notes = notes;
  }

  static List<Block> blocks(HtmlTree.Node root, Images images, Notes notes, boolean autop) {
    var w = new BodyWalker(images, notes);
    w.walk(root, autop);
    w.flush();
    return List.copyOf(w.blocks);
  }

  private void walk(HtmlTree.Node parent, boolean autop) {
    for (var c : parent.children()) {
      if (c instanceof String text) text(text, autop);
      else if (c instanceof HtmlTree.Node e) element(e, autop);
    }
  }

  private void text(String text, boolean autop) {
    if (!autop) {
      inline.append(Html.escape(InlineHtml.squash(text)));
      return;
    }
    var parts = BLANK_LINES.split(text.replace("\r\n", "\n").replace('\r', '\n'), -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) flush();
      var part = parts[i];
      if (inline.isEmpty()) part = part.replaceFirst("^\\s+", "");
      var lines = part.split("\n", -1);
      for (int j = 0; j < lines.length; j++) {
        if (j > 0 && j < lines.length - 1 || j > 0 && !lines[j].isBlank()) inline.append("<br>");
        inline.append(Html.escape(InlineHtml.squash(lines[j])));
      }
    }
  }

  private void element(HtmlTree.Node e, boolean autop) {
    var name = e.name();
    if (name.equals("a") && e.find("img") != null) {
      flush();
      image(e.find("img"), "");
      return;
    }
    if (INLINE.contains(name)) {
      InlineHtml.write(e, inline, null, notes);
      return;
    }
    flush();
    switch (name) {
      case "p" -> {
        walk(e, false);
        flush();
      }
      case "h1", "h2" -> heading(2, e);
      case "h3" -> heading(3, e);
      case "h4", "h5", "h6" -> heading(4, e);
      case "ul", "ol" -> list(e);
      case "blockquote" -> blockquote(e);
      case "figure" -> figure(e);
      case "img" -> image(e, "");
      case "iframe" -> embed(e.attr("src"), e.attr("title"));
      case "table", "pre", "dl" -> raw(e);
      case "hr" -> blocks.add(new Block.RawHtml("<hr>"));
      case "video", "audio" ->
        notes.add("a " + name + " player was left out (Byline does not host " + name + " files)");
      case "figcaption", "caption" -> {
        walk(e, false);
        flush();
      }
      default -> {
        walk(e, autop);
        flush();
      }
    }
  }

  /** Ends the paragraph being gathered; a paragraph that is only an embeddable link becomes the embed. */
  private void flush() {
    var html = inline.toString().strip();
    inline.setLength(0);
    while (html.endsWith("<br>")) html = html.substring(0, html.length() - 4).strip();
    while (html.startsWith("<br>")) html = html.substring(4).strip();
    if (html.isEmpty()) return;
    var text = Html.toText(html);
    if (text.isEmpty()) return;
    if (URL.matcher(text).matches() && Markdown.embedProvider(https(text)) != null) {
      embed(text, "");
      return;
    }
    add(new Block.Paragraph(html));
  }

  private void heading(int level, HtmlTree.Node e) {
    var text = Html.collapseSpace(e.text());
    if (text.isEmpty()) return;
    if (text.length() > 300) add(Block.Paragraph.ofText(text));
    else add(new Block.Heading(level, text));
  }

  private void list(HtmlTree.Node e) {
    var items = new ArrayList<String>();
    for (var c : e.children()) {
      if (c instanceof HtmlTree.Node li && li.name().equals("li")) {
        var sb = new StringBuilder();
        InlineHtml.write(li, sb, null, notes);
        var html = sb.toString().strip();
        if (!Html.toText(html).isEmpty()) items.add(html);
      }
    }
    if (!items.isEmpty()) add(new Block.ListBlock(e.name().equals("ol"), items));
  }

  private void blockquote(HtmlTree.Node e) {
    if (e.hasClass("twitter-tweet")) {
      var link = InlineHtml.lastLink(e, "/status/");
      if (!link.isEmpty()) {
        embed(link, "");
        return;
      }
    }
    if (e.hasClass("instagram-media")) {
      var link = e.attr("data-instgrm-permalink");
      embed(link.isEmpty() ? InlineHtml.lastLink(e, "instagram.com/") : link, "");
      return;
    }
    var cite = e.find("cite");
    var attribution = cite == null ? "" : Html.collapseSpace(cite.text());
    var parts = new ArrayList<String>();
    for (var c : e.children()) {
      if (c == cite) continue;
      var sb = new StringBuilder();
      if (c instanceof String s) sb.append(Html.escape(InlineHtml.squash(s)));
      else InlineHtml.write((HtmlTree.Node) c, sb, cite, notes);
      var html = sb.toString().strip();
      if (!html.isEmpty()) parts.add(html);
    }
    var html = String.join("<br><br>", parts);
    if (Html.toText(html).isEmpty()) return;
    add(new Block.Quote(html, attribution.length() > 300 ? "" : attribution));
  }

  private void figure(HtmlTree.Node e) {
    if (e.classStartsWith("wp-block-embed") || e.hasClass("kg-embed-card")) {
      var iframe = e.find("iframe");
      var m = URL.matcher(e.text());
      if (m.find()) embed(m.group(), "");
      else if (iframe != null) embed(iframe.attr("src"), iframe.attr("title"));
      return;
    }
    var images = new ArrayList<HtmlTree.Node>();
    InlineHtml.collect(e, "img", images);
    var nested = new ArrayList<HtmlTree.Node>();
    InlineHtml.collect(e, "figure", nested);
    if (images.size() == 1 && nested.isEmpty()) {
      var caption = e.find("figcaption");
      image(images.get(0), caption == null ? "" : Html.collapseSpace(caption.text()));
      return;
    }
    if (!nested.isEmpty()) {
      for (var f : nested) figure(f);
      return;
    }
    if (!images.isEmpty()) {
      for (var img : images) image(img, "");
      return;
    }
    walk(e, false);
    flush();
  }

  private void image(HtmlTree.Node img, String caption) {
    var m = WP_IMAGE.matcher(img.attr("class"));
    long attachment = m.find() ? Long.parseLong(m.group(1)) : 0;
    var src = img.attr("src");
    var id = images.find(attachment, src);
    if (id == null) {
      notes.add("a picture that is not in the photo desk was left out (" + fileName(src, attachment)
          + ")");
      return;
    }
    add(new Block.ImageBlock(id, Words.cut(caption, 1000), "", Words.cut(img.attr("alt"), 500)));
  }

  private void embed(String url, String title) {
    var u = https(url.strip());
    var provider = Markdown.embedProvider(u);
    if (provider == null) {
      if (u.startsWith("https://"))
        add(new Block.Paragraph("<a href=\"" + Html.escape(u) + "\">" + Html.escape(u) + "</a>"));
      notes.add("an embed Byline does not show inline was kept as a link (" + host(u) + ")");
      return;
    }
    try {
      blocks.add(new Block.Embed(provider, u, Words.cut(Html.collapseSpace(title), 300)));
    } catch (InvalidInput e) {
      notes.add("an embed with an unusable address was left out (" + host(u) + ")");
    }
  }

  private void raw(HtmlTree.Node e) {
    var sb = new StringBuilder();
    RawHtml.serialise(e, sb);
    add(new Block.RawHtml(sb.toString()));
  }

  private void add(Block b) {
    if (b instanceof Block.RawHtml r && r.html().isEmpty()) return;
    blocks.add(b);
  }

  private static String https(String url) {
    return url.startsWith("http://") ? "https://" + url.substring(7) : url;
  }

  private static String host(String url) {
    try {
      var h = java.net.URI.create(url).getHost();
      return h == null ? url : h;
    } catch (IllegalArgumentException e) {
      return "an unreadable address";
    }
  }

  private static String fileName(String src, long attachment) {
    if (src.isEmpty() || src.startsWith(WpContent.GALLERY_SRC)) return "attachment " + attachment;
    return src.substring(src.lastIndexOf('/') + 1);
  }
}
