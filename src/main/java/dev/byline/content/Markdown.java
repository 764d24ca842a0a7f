package dev.byline.content;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * An editor's Markdown to body blocks, once, when the article is saved. Besides CommonMark
 * (and GFM tables):
 *
 * <ul>
 *   <li>a photo from the library: {@code ![Alt text](image:42 "Caption")} alone in its paragraph;
 *   <li>an embed: a YouTube, Vimeo or other supported link alone on its own line, or with a
 *       title as {@code ![Launch coverage](https://youtu.be/…)};
 *   <li>a pinned related article: {@code related: 123} alone on its own line.
 * </ul>
 *
 * Everything that becomes HTML passes the OWASP policies in {@link Html} through the block
 * constructors. Errors name the line, e.g. "body line 7: images must come from the photo library".
 */
public final class Markdown {
  /** Hosts whose links alone on a line become embeds, and the provider name stored for them. */
  public static final Map<String, String> EMBED_HOSTS = Map.ofEntries(
      Map.entry("youtube.com", "youtube"),
      Map.entry("youtu.be", "youtube"),
      Map.entry("youtube-nocookie.com", "youtube"),
      Map.entry("vimeo.com", "vimeo"),
      Map.entry("x.com", "x"),
      Map.entry("twitter.com", "x"),
      Map.entry("instagram.com", "instagram"),
      Map.entry("soundcloud.com", "soundcloud"),
      Map.entry("tiktok.com", "tiktok"),
      Map.entry("open.spotify.com", "spotify"),
      Map.entry("flickr.com", "flickr"),
      Map.entry("bsky.app", "bluesky"),
      Map.entry("mastodon.social", "mastodon"));

  private static final Pattern IMAGE_REF = Pattern.compile("image:(\\d{1,18})");
  private static final Pattern RELATED = Pattern.compile("related:\\s*(\\d{1,18})");
  private static final Pattern BLOCK_START =
      Pattern.compile("^(#{1,6}(\\s|$)|>|[-+*](\\s|$)|```|~~~)");
  private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,9})([.)])(\\s|$)");
  /** Far beyond any article; bounds the work one save can ask for. */
  public static final int MAX_LENGTH = 200_000;

  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), AutolinkExtension.create());
  private final Parser parser = Parser.builder()
      .extensions(EXTENSIONS)
      .includeSourceSpans(org.commonmark.parser.IncludeSourceSpans.BLOCKS)
      .build();
  private final HtmlRenderer html =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(false).build();

  public List<Block> toBlocks(String markdown) {
    if (markdown == null || markdown.isBlank()) return List.of();
    if (markdown.length() > MAX_LENGTH)
      throw new InvalidInput("body", "is longer than " + MAX_LENGTH + " characters");
    var doc = parser.parse(markdown.replace("\r\n", "\n"));
    var out = new ArrayList<Block>();
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      try {
        var b = block(n);
        if (b != null) out.add(b);
      } catch (InvalidInput e) {
        throw new InvalidInput("body", lineOf(n) + e.getMessage());
      }
    }
    return List.copyOf(out);
  }

  private Block block(Node n) {
    if (n instanceof Paragraph p) return paragraph(p);
    if (n instanceof Heading h) {
      var text = plain(h).strip();
      return text.isEmpty()
          ? null
          : new Block.Heading(Math.max(2, Math.min(4, h.getLevel())), text);
    }
    if (n instanceof BlockQuote q) return quote(q);
    if (n instanceof BulletList || n instanceof OrderedList) return list((ListBlock) n);
    if (n instanceof FencedCodeBlock c)
      return new Block.RawHtml("<pre><code>" + Html.escape(c.getLiteral()) + "</code></pre>");
    if (n instanceof IndentedCodeBlock c)
      return new Block.RawHtml("<pre><code>" + Html.escape(c.getLiteral()) + "</code></pre>");
    if (n instanceof ThematicBreak) return new Block.RawHtml("<hr>");
    if (n instanceof HtmlBlock h) return nonEmpty(new Block.RawHtml(h.getLiteral()));
    return nonEmpty(new Block.RawHtml(html.render(n)));
  }

  private Block paragraph(Paragraph p) {
    var only = p.getFirstChild() != null && p.getFirstChild() == p.getLastChild()
        ? p.getFirstChild()
        : null;
    if (only instanceof Image img) return image(img);
    if (only instanceof Link link
        && link.getFirstChild() instanceof Text t
        && t.getLiteral().equals(link.getDestination())) {
      var provider = embedProvider(link.getDestination());
      if (provider != null)
        return new Block.Embed(
            provider, link.getDestination(), link.getTitle() == null ? "" : link.getTitle());
    }
    if (only instanceof Text t) {
      var m = RELATED.matcher(t.getLiteral().strip());
      if (m.matches()) return new Block.RelatedLink(Long.parseLong(m.group(1)));
    }
    if (contains(p, Image.class)) {
      throw new InvalidInput(
          "image", "must stand alone in its paragraph, as ![Alt text](image:42 \"Caption\")");
    }
    return nonEmpty(new Block.Paragraph(inner(p)));
  }

  private Block image(Image img) {
    var m = IMAGE_REF.matcher(img.getDestination() == null ? "" : img.getDestination());
    var provider = m.matches() ? null : embedProvider(img.getDestination());
    if (provider != null)
      return new Block.Embed(provider, img.getDestination(), plain(img).strip());
    if (!m.matches()) {
      throw new InvalidInput(
          "image",
          "must come from the photo library: upload it, then write ![Alt text](image:ID \"Caption\")");
    }
    return new Block.ImageBlock(
        Long.parseLong(m.group(1)),
        img.getTitle() == null ? "" : img.getTitle(),
        "",
        plain(img).strip());
  }

  private Block quote(BlockQuote q) {
    var parts = new ArrayList<String>();
    String attribution = "";
    for (Node c = q.getFirstChild(); c != null; c = c.getNext()) {
      var text = c instanceof Paragraph ? plain(c).strip() : "";
      if (c == q.getLastChild()
          && c != q.getFirstChild()
          && (text.startsWith("—") || text.startsWith("--"))) {
        attribution = text.replaceFirst("^(—|--)\\s*", "");
      } else {
        parts.add(c instanceof Paragraph p ? inner(p) : Html.escape(plain(c)));
      }
    }
    var html = String.join("<br><br>", parts);
    return Html.inline(html).isBlank() ? null : new Block.Quote(html, attribution);
  }

  private Block list(ListBlock l) {
    var items = new ArrayList<String>();
    for (Node item = l.getFirstChild(); item != null; item = item.getNext()) {
      if (!(item instanceof ListItem)) continue;
      var parts = new ArrayList<String>();
      for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
        parts.add(c instanceof Paragraph p ? inner(p) : Html.inline(html.render(c)));
      }
      items.add(String.join(" ", parts));
    }
    return items.stream().allMatch(i -> Html.inline(i).isBlank())
        ? null
        : new Block.ListBlock(l instanceof OrderedList, items);
  }

  /** A paragraph's inline HTML, without the {@code <p>} around it. */
  private String inner(Paragraph p) {
    var sb = new StringBuilder();
    for (Node c = p.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof SoftLineBreak) sb.append('\n');
      else if (c instanceof HardLineBreak) sb.append("<br>");
      else sb.append(html.render(c));
    }
    return sb.toString().strip();
  }

  private static Block nonEmpty(Block b) {
    return b.text().isBlank()
            && !(b instanceof Block.RawHtml r
                && (r.html().contains("<hr") || r.html().contains("<img")))
        ? null
        : b;
  }

  /** The provider for a link that should embed, or null for an ordinary link. */
  public static String embedProvider(String url) {
    try {
      var uri = URI.create(url);
      if (!"https".equals(uri.getScheme()) || uri.getHost() == null) return null;
      var host = uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^(www|m|music)\\.", "");
      var provider = EMBED_HOSTS.get(host);
      if ("youtube".equals(provider) && Block.Embed.youtubeIdOf(uri) == null) return null;
      return provider;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean contains(Node n, Class<? extends Node> type) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (type.isInstance(c) || contains(c, type)) return true;
    }
    return false;
  }

  private static String plain(Node n) {
    var sb = new StringBuilder();
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Text t) sb.append(t.getLiteral());
      else if (c instanceof Code code) sb.append(code.getLiteral());
      else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) sb.append(' ');
      else sb.append(plain(c));
    }
    return sb.toString();
  }

  private static String lineOf(Node n) {
    var spans = n.getSourceSpans();
    return spans == null || spans.isEmpty()
        ? ""
        : "line " + (spans.get(0).getLineIndex() + 1) + ": ";
  }

  /**
   * Blocks back to Markdown, for articles that never went through the editor (wire copy, the
   * demo newsroom). Inline HTML is kept as it is: Markdown allows it and the sanitiser keeps it safe.
   */
  public static String fromBlocks(List<Block> blocks) {
    var out = new StringBuilder();
    for (var b : blocks) {
      if (out.length() > 0) out.append("\n\n");
      if (b instanceof Block.Paragraph p) {
        out.append(guard(p.html()));
      } else if (b instanceof Block.Heading h) {
        out.append("#".repeat(h.level())).append(' ').append(h.text().replace("#", "\\#"));
      } else if (b instanceof Block.Quote q) {
        out.append("> ").append(q.html().replace("<br><br>", "\n>\n> "));
        if (!q.attribution().isEmpty()) out.append("\n>\n> — ").append(q.attribution());
      } else if (b instanceof Block.ListBlock l) {
        int i = 1;
        for (var item : l.items()) {
          if (i > 1) out.append('\n');
          out.append(l.ordered() ? (i + ". ") : "- ").append(item.replace("\n", " "));
          i++;
        }
      } else if (b instanceof Block.ImageBlock im) {
        out.append("![")
            .append(im.alt().replace("]", "\\]"))
            .append("](image:")
            .append(im.imageId());
        if (!im.caption().isEmpty())
          out.append(" \"").append(im.caption().replace("\"", "\\\"")).append('"');
        out.append(')');
      } else if (b instanceof Block.Embed e) {
        out.append(
            e.title().isEmpty()
                ? e.url()
                : "![" + e.title().replace("]", "\\]") + "](" + e.url() + ")");
      } else if (b instanceof Block.RelatedLink r) {
        out.append("related: ").append(r.articleId());
      } else if (b instanceof Block.RawHtml r) {
        out.append(r.html().startsWith("<") ? r.html() : "<div>" + r.html() + "</div>");
      }
    }
    return out.toString();
  }

  /** Keeps a paragraph a paragraph: a leading "#", "-", "1." or ">" would otherwise start another block. */
  private static String guard(String html) {
    var one = html.replace("\n", " ");
    if (BLOCK_START.matcher(one).find()) return "\\" + one;
    var numbered = NUMBERED.matcher(one);
    return numbered.find()
        ? numbered.group(1) + "\\" + one.substring(numbered.group(1).length())
        : one;
  }
}
