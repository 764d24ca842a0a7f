package dev.byline.content;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One piece of an article body. The body is an ordered list of these, which is what lets the
 * site put "READ:" links and ad slots between paragraphs and gate embeds behind consent.
 * Every block that holds HTML holds it sanitised: the constructors run the policies in
 * {@link Html}.
 */
public sealed interface Block {

  /** The block's words, for search and summaries. */
  String text();

  /** A paragraph of inline HTML (links, emphasis). */
  record Paragraph(String html) implements Block {
    public Paragraph {
      html = Html.inlineValue(html);
    }

    public static Paragraph ofText(String text) {
      return new Paragraph(Html.escape(text));
    }

    @Override
    public String text() {
      return Html.toText(html);
    }
  }

  /** A subheading; level 2 to 4 (level 1 is the headline). */
  record Heading(int level, String text) implements Block {
    public Heading {
      if (level < 2 || level > 4) throw new InvalidInput("heading level", "must be 2, 3 or 4");
      text = Text.required("heading", text, 300);
    }
  }

  /** A pulled or block quote with who said it. */
  record Quote(String html, String attribution) implements Block {
    public Quote {
      html = Html.inlineValue(html);
      attribution = Text.optional("quote attribution", attribution, 300);
    }

    @Override
    public String text() {
      return Html.toText(html) + (attribution.isEmpty() ? "" : " " + attribution);
    }
  }

  /** A bulleted or numbered list of inline-HTML items. */
  record ListBlock(boolean ordered, List<String> items) implements Block {
    public ListBlock {
      items = items.stream()
          .map(Html::inline)
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .toList();
      if (items.isEmpty()) throw new InvalidInput("list", "has no items");
    }

    @Override
    public String text() {
      return String.join(" ", items.stream().map(Html::toText).toList());
    }
  }

  /**
   * A photo placed in the body. Caption, credit and alt default to the image's own when empty.
   */
  record ImageBlock(long imageId, String caption, String credit, String alt) implements Block {
    public ImageBlock {
      if (imageId <= 0) throw new InvalidInput("image", "is not a stored image");
      caption = Text.optional("image caption", caption, 1000);
      credit = Text.optional("image credit", credit, 300);
      alt = Text.optional("image alt text", alt, 500);
    }

    @Override
    public String text() {
      return caption;
    }
  }

  /**
   * A third-party embed (a YouTube video, another oEmbed provider). Rendered inert, behind
   * consent or a click, never as a live iframe in the cached page.
   */
  record Embed(String provider, String url, String title) implements Block {
    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");

    public Embed {
      provider = Text.required("embed provider", provider, 40).toLowerCase(Locale.ROOT);
      url = Text.required("embed URL", url, 1000);
      title = Text.optional("embed title", title, 300);
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException e) {
        throw new InvalidInput("embed URL", "is not a URL");
      }
      if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new InvalidInput("embed URL", "must be an https URL");
      }
      if (provider.equals("youtube") && youtubeIdOf(uri) == null) {
        throw new InvalidInput("embed URL", "is not a YouTube video link");
      }
    }

    /** The 11-character video id for YouTube embeds, else null. */
    public String youtubeId() {
      return provider.equals("youtube") ? youtubeIdOf(URI.create(url)) : null;
    }

    @Override
    public String text() {
      return title;
    }

    static String youtubeIdOf(URI uri) {
      var host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      String candidate = null;
      if (host.equals("youtu.be")) {
        candidate = uri.getPath() == null ? null : uri.getPath().replaceFirst("^/", "");
      } else if (host.endsWith("youtube.com") || host.endsWith("youtube-nocookie.com")) {
        var path = uri.getPath() == null ? "" : uri.getPath();
        if (path.startsWith("/embed/")
            || path.startsWith("/shorts/")
            || path.startsWith("/live/")) {
          candidate = path.substring(path.indexOf('/', 1) + 1);
        } else if (uri.getRawQuery() != null) {
          for (var part : uri.getRawQuery().split("&")) {
            if (part.startsWith("v=")) candidate = part.substring(2);
          }
        }
      }
      if (candidate == null) return null;
      int slash = candidate.indexOf('/');
      if (slash >= 0) candidate = candidate.substring(0, slash);
      return YOUTUBE_ID.matcher(candidate).matches() ? candidate : null;
    }
  }

  /** A related article an editor pinned at this place in the body. */
  record RelatedLink(long articleId) implements Block {
    public RelatedLink {
      if (articleId <= 0) throw new InvalidInput("related article", "is not a stored article");
    }

    @Override
    public String text() {
      return "";
    }
  }

  /** HTML pasted by an editor, sanitised by the block policy. */
  record RawHtml(String html) implements Block {
    public RawHtml {
      html = Html.blockValue(html);
    }

    @Override
    public String text() {
      return Html.toText(html);
    }
  }

  /** The photos a body shows, in order of first appearance. */
  static Set<Long> imageIds(List<Block> body) {
    var ids = new LinkedHashSet<Long>();
    for (var b : body) if (b instanceof ImageBlock ib) ids.add(ib.imageId());
    return ids;
  }

  /** The stories a body links to inline ("READ:"), in order of first appearance. */
  static Set<Long> linkedArticleIds(List<Block> body) {
    var ids = new LinkedHashSet<Long>();
    for (var b : body) if (b instanceof RelatedLink r) ids.add(r.articleId());
    return ids;
  }
}
