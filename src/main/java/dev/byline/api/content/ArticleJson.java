package dev.byline.api.content;

import static dev.byline.api.ApiReplies.object;

import dev.byline.api.ApiGate;
import dev.byline.content.Article;
import dev.byline.content.ArticleSummary;
import dev.byline.content.Author;
import dev.byline.content.Block;
import dev.byline.content.Section;
import dev.byline.content.Topic;
import dev.byline.live.Coverage;
import dev.byline.media.Image;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Articles and what they are filed under, as the Content API shows them (the shapes named in
 * {@code openapi.json}). Field names are snake_case; times are ISO 8601 instants in UTC; links are
 * absolute.
 */
final class ArticleJson {
  private final String baseUrl;

  ArticleJson(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  Map<String, Object> summary(ArticleSummary s, List<Author> authors, List<Topic> topics) {
    return object(
        "id", s.id(),
        "slug", s.slug(),
        "url", baseUrl + s.path(),
        "headline", s.headline(),
        "standfirst", s.standfirst(),
        "section", section(s.section()),
        "authors", authors.stream().map(this::author).toList(),
        "topics", topics.stream().map(this::topic).toList(),
        "image", s.image() == null ? null : image(s.image()),
        "source", s.sourceName(),
        "published_at", time(s.firstPublishedAt()),
        "updated_at", time(s.updatedAt()));
  }

  Map<String, Object> full(Article a) {
    var m = summary(a.summary(), a.authors(), a.topics());
    m.put("dateline", a.dateline());
    m.put("body", a.body().stream().map(b -> block(b, a.images())).toList());
    m.put("body_text", a.bodyText());
    m.put("language", a.language());
    return m;
  }

  Map<String, Object> section(Section s) {
    if (s == null) return null;
    return object(
        "id",
        s.id(),
        "slug",
        s.slug(),
        "name",
        s.name(),
        "description",
        s.description(),
        "url",
        baseUrl + s.path());
  }

  Map<String, Object> topic(Topic t) {
    return object(
        "id",
        t.id(),
        "slug",
        t.slug(),
        "name",
        t.name(),
        "type",
        t.type().name().toLowerCase(java.util.Locale.ROOT),
        "url",
        baseUrl + t.path());
  }

  Map<String, Object> author(Author a) {
    return object("id", a.id(), "slug", a.slug(), "name", a.name(), "url", baseUrl + a.path());
  }

  Map<String, Object> image(Image i) {
    return object(
        "id", i.id(),
        "url", baseUrl + i.src(),
        "width", i.displayWidth(),
        "height", i.displayHeight(),
        "alt", i.alt(),
        "caption", i.caption(),
        "credit", i.credit());
  }

  /** Where the API answers with an article's live coverage. */
  String liveUrl(long articleId) {
    return baseUrl + ApiGate.PREFIX + "articles/" + articleId + "/live";
  }

  /** An article's live coverage: whether it is still live, its summary once ended, its posts in reading order. */
  Map<String, Object> live(Article a, Coverage c) {
    var url = baseUrl + a.path();
    return object(
        "article_id", a.id(),
        "url", url,
        "live", c.isLive(),
        "started_at", time(c.startedAt()),
        "ended_at", time(c.endedAt()),
        "summary", c.summary(),
        "posts",
            c.posts().stream()
                .map(p -> object(
                    "id", p.id(),
                    "url", url + "#" + p.anchor(),
                    "posted_at", time(p.postedAt()),
                    "edited_at", time(p.editedAt()),
                    "key_point", p.keyPoint(),
                    "pinned", p.pinned(),
                    "body", p.body().stream().map(b -> block(b, c.images())).toList(),
                    "body_text", p.text()))
                .toList());
  }

  private Map<String, Object> block(Block b, Map<Long, Image> images) {
    if (b instanceof Block.Paragraph p) return object("type", "paragraph", "html", p.html());
    if (b instanceof Block.Heading h)
      return object("type", "heading", "level", h.level(), "text", h.text());
    if (b instanceof Block.Quote q)
      return object("type", "quote", "html", q.html(), "attribution", q.attribution());
    if (b instanceof Block.ListBlock l)
      return object("type", "list", "ordered", l.ordered(), "items", l.items());
    if (b instanceof Block.ImageBlock ib) {
      var img = images.get(ib.imageId());
      return object(
          "type", "image",
          "image", img == null ? null : image(img),
          "caption", ib.caption(),
          "credit", ib.credit(),
          "alt", ib.alt());
    }
    if (b instanceof Block.Embed e)
      return object("type", "embed", "provider", e.provider(), "url", e.url(), "title", e.title());
    if (b instanceof Block.RelatedLink r)
      return object("type", "related", "article_id", r.articleId());
    if (b instanceof Block.RawHtml h) return object("type", "html", "html", h.html());
    throw new IllegalStateException("a block the API cannot show: " + b.getClass());
  }

  static String time(Instant t) {
    return t == null ? null : t.toString();
  }
}
