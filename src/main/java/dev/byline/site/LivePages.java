package dev.byline.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.byline.content.Article;
import dev.byline.content.PublishedArticles;
import dev.byline.distribution.FeedChannel;
import dev.byline.distribution.FeedFormat;
import dev.byline.distribution.FeedItem;
import dev.byline.distribution.FeedWriter;
import dev.byline.distribution.TagUri;
import dev.byline.json.Json;
import dev.byline.live.Coverage;
import dev.byline.live.LiveBlog;
import dev.byline.live.LivePost;
import dev.byline.store.SurrogateKey;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What readers get of a live blog besides the article page: the posts fragment a reader's page
 * polls ({@code /live/12}, JSON) and a feed of the posts ({@code /live/12/atom.xml}, also
 * {@code rss.xml} and {@code feed.json}). Both are cached like pages under the article's
 * surrogate key, so every post, edit or deletion purges them with the page.
 *
 * <p>The fragment carries the ids of the posts shown and their HTML (the same template the page
 * uses), so {@code live.js} can say "3 new updates" and show them when asked, never moving what
 * the reader is reading. It is the same bytes for every reader.
 */
public final class LivePages implements Routes {
  /**
   * Browsers and shared caches may keep the fragment briefly; the script asks with
   * {@code no-cache}, so a reader's browser revalidates (a 304 from memory) on every poll.
   */
  public static final String FRAGMENT_CACHE_CONTROL =
      "public, max-age=5, stale-while-revalidate=5, stale-if-error=600";
  /** Ten seconds: 10,000 readers on one live page ask 1,000 times a second (bench/live). */
  public static final int DEFAULT_POLL_SECONDS = 10;

  private static final String JSON_TYPE = "application/json; charset=utf-8";
  /** The newest posts a feed carries, as feed readers expect a page of items, not the archive. */
  private static final int FEED_POSTS = 50;

  private final Site site;
  private final PublishedArticles articles;
  private final LiveBlog live;
  private final int pollSeconds;
  private final boolean youtube;

  public LivePages(
      Site site, PublishedArticles articles, LiveBlog live, int pollSeconds, boolean youtube) {
    this.site = site;
    this.articles = articles;
    this.live = live;
    this.pollSeconds = pollSeconds;
    this.youtube = youtube;
  }

  /**
   * {@code /live/12}: a path the page cache's fast path answers (lower-case words and digits, no
   * extension), so a poll costs what a cached page does.
   */
  public static String fragmentPath(long articleId) {
    return "/live/" + articleId;
  }

  public static String feedPath(long articleId, FeedFormat format) {
    return "/live/" + articleId + "/" + format.fileName();
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get("/live/{id}", ctx -> {
      long id = id(ctx);
      site.cache().serve(ctx, fragmentPath(id), () -> fragment(published(id)));
    });
    routes.get("/live/{id}/{file}", ctx -> {
      long id = id(ctx);
      var format = FeedFormat.byFileName(ctx.pathParam("file"))
          .orElseThrow(() -> new NotFoundResponse("Feeds are rss.xml, atom.xml and feed.json."));
      site.cache().serve(ctx, feedPath(id, format), () -> feed(published(id), format));
    });
  }

  /** The live section of an article's page, or empty when the article has never been live. */
  Optional<LiveView> viewFor(Article article) {
    return live.of(article.id()).map(this::view);
  }

  private LiveView view(Coverage c) {
    return new LiveView(
        c,
        site.dates(),
        fragmentPath(c.articleId()),
        feedPath(c.articleId(), FeedFormat.ATOM),
        pollSeconds,
        site.assetUrl("live.js"),
        youtube,
        site.messages());
  }

  private Article published(long id) {
    return articles
        .article(id)
        .orElseThrow(() -> new NotFoundResponse("There is no live story with this number."));
  }

  private Coverage coverage(Article article) {
    return live.of(article.id())
        .orElseThrow(() -> new NotFoundResponse("This story has no live coverage."));
  }

  RenderedPage fragment(Article article) {
    var view = view(coverage(article));
    var c = view.coverage();
    var body = new LinkedHashMap<String, Object>();
    body.put("articleId", article.id());
    body.put("live", c.isLive());
    body.put("latest", c.latestId());
    body.put("ids", c.posts().stream().map(LivePost::id).toList());
    body.put(
        "html",
        new String(site.views().render("site/live-posts.jte", view), StandardCharsets.UTF_8));
    try {
      return new RenderedPage(
          200,
          JSON_TYPE,
          Json.MAPPER.writeValueAsBytes(body),
          keys(article),
          c.lastChanged(),
          FRAGMENT_CACHE_CONTROL);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  RenderedPage feed(Article article, FeedFormat format) {
    var c = coverage(article);
    var chrome = site.chrome();
    var page = chrome.absolute(article.path());
    var items = c.posts().stream()
        .sorted(java.util.Comparator.comparing(LivePost::postedAt).reversed())
        .limit(FEED_POSTS)
        .map(p -> new FeedItem(
            tagOf(p),
            page + "#" + p.anchor(),
            p.headline(),
            p.text(),
            new String(
                site.views()
                    .render(
                        "feed/live-post.jte",
                        new LivePostFeedView(p, c.images(), site.config().baseUrl())),
                StandardCharsets.UTF_8),
            p.postedAt(),
            p.editedAt(),
            List.of(),
            List.of(),
            null,
            article.language()))
        .toList();
    var channel = new FeedChannel(
        chrome.t().text("live.feed.title", article.headline()),
        article.standfirst(),
        page,
        chrome.absolute("/live/" + article.id() + "/"),
        chrome.lang(),
        chrome.siteName(),
        chrome.absolute(chrome.iconUrl()),
        chrome.absolute(chrome.logoUrl()),
        c.lastChanged(),
        items);
    var out = new ByteArrayOutputStream(8 * 1024);
    FeedWriter.write(format, channel, out);
    return new RenderedPage(
        200, format.contentType(), out.toByteArray(), keys(article), c.lastChanged());
  }

  /**
   * A permanent id for a post in feeds ({@code tag:host,2026-12-06:article:12:post:7}, RFC 4151),
   * like a story's, dated by when it was posted.
   */
  private String tagOf(LivePost p) {
    return TagUri.of(
        TagUri.authority(site.config().baseUrl()),
        p.postedAt(),
        "article:" + p.articleId() + ":post:" + p.id());
  }

  /** The article's own key: every live write names it, and so does unpublishing the story. */
  /** Posts' times are in the site's time zone; the feeds carry its name, icon and logo. */
  private static Set<String> keys(Article article) {
    return Set.of(SurrogateKey.article(article.id()), SurrogateKey.CHROME);
  }

  private static long id(Context ctx) {
    try {
      long id = Long.parseLong(ctx.pathParam("id"));
      if (id > 0) return id;
    } catch (NumberFormatException e) {
      // falls through to the same answer as any unknown number
    }
    throw new NotFoundResponse("There is no live story with this number.");
  }
}
