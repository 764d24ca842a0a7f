package dev.byline.distribution;

import dev.byline.content.Article;
import dev.byline.content.ArticleSummary;
import dev.byline.content.Page;
import dev.byline.content.PublishedArticles;
import dev.byline.media.Image;
import dev.byline.store.SurrogateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds a feed's channel from the store: the newest published stories of a scope, each with
 * bylines, categories, lead image and (when configured) the full text.
 *
 * <pre>{@code
 * var builder = new FeedBuilder(site, articles, feedText, settings, clock);
 * var feed = builder.build(new FeedScope.Front());
 * FeedWriter.write(FeedFormat.RSS, feed.channel(), out);
 * }</pre>
 */
public final class FeedBuilder {
  /** Summaries cut from the body text stop near here, at a word. */
  static final int EXCERPT_CHARS = 300;
  /** The lead image width feeds point at: sharp on a retina phone, not a huge download. */
  static final int MEDIA_WIDTH = 1280;

  /**
   * The longest full text an item carries, in characters of HTML: a long read of 10,000 words
   * fits; a longer story is carried as its summary and a link, so one story cannot make a feed
   * of {@code feeds.items} stories tens of megabytes.
   */
  static final int MAX_CONTENT_CHARS = 100_000;

  /** Who publishes: the site's name and absolute URLs. */
  public record Publisher(
      String name, String baseUrl, String language, String iconUrl, String logoUrl) {}

  /** The HTML an item carries and a channel's words, rendered by the site in its language. */
  public interface ItemHtml {
    /**
     * A channel's description: "The latest news from The Courier." for the front ({@code
     * scopeName} empty), else "The latest from World at The Courier."
     */
    String description(String scopeName, String publisherName);

    /** The story's body as HTML with absolute URLs. */
    String fullText(Article article);

    /** What a story too long for an item carries instead: its summary and a link to it. */
    String teaser(String summary, String url);
  }

  /** A built feed and the surrogate keys of everything it shows. */
  public record Feed(FeedChannel channel, Set<String> keys) {}

  /** Asked on every build: the name, language, icon and logo follow the site settings. */
  private final Supplier<Publisher> publisher;

  private final PublishedArticles articles;
  private final ItemHtml html;
  private final DistributionSettings settings;
  private final Clock clock;
  private final String tagAuthority;

  public FeedBuilder(
      Publisher publisher,
      PublishedArticles articles,
      ItemHtml html,
      DistributionSettings settings,
      Clock clock) {
    this(() -> publisher, articles, html, settings, clock);
  }

  public FeedBuilder(
      Supplier<Publisher> publisher,
      PublishedArticles articles,
      ItemHtml html,
      DistributionSettings settings,
      Clock clock) {
    this.publisher = publisher;
    this.articles = articles;
    this.html = html;
    this.settings = settings;
    this.clock = clock;
    this.tagAuthority = TagUri.authority(publisher.get().baseUrl());
  }

  public Feed build(FeedScope scope) {
    int n = settings.feedItems();
    Page<ArticleSummary> page;
    if (scope instanceof FeedScope.OfSection s)
      page = articles.inSection(s.section().id(), 1, n);
    else if (scope instanceof FeedScope.OfTopic t)
      page = articles.withTopic(t.topic().id(), 1, n);
    else if (scope instanceof FeedScope.OfAuthor a)
      page = articles.byAuthor(a.author().id(), 1, n);
    else page = articles.latest(1, n);

    var keys = new LinkedHashSet<String>(scope.keys());
    keys.add(SurrogateKey.SECTIONS);
    keys.add(SurrogateKey.CHROME); // the channel's name, language, icon and logo
    var publisher = this.publisher.get();
    var items = new ArrayList<FeedItem>();
    for (var summary : page.items()) {
      var article = articles.article(summary.id());
      if (article.isEmpty()) continue;
      items.add(item(article.get()));
      keys.addAll(article.get().surrogateKeys());
    }
    var updated = items.stream()
        .map(FeedItem::lastModified)
        .max(Instant::compareTo)
        .orElse(clock.instant().truncatedTo(ChronoUnit.HOURS));
    var title = scope.name().isEmpty() ? publisher.name() : scope.name() + " | " + publisher.name();
    var description = html.description(scope.name(), publisher.name());
    var channel = new FeedChannel(
        title,
        description,
        publisher.baseUrl() + scope.pagePath(),
        publisher.baseUrl() + scope.folderPath(),
        publisher.language(),
        publisher.name(),
        publisher.iconUrl(),
        publisher.logoUrl(),
        updated,
        items);
    return new Feed(channel, keys);
  }

  FeedItem item(Article a) {
    var base = publisher.get().baseUrl();
    var authors = a.authors().stream()
        .map(au -> new FeedItem.Person(au.name(), base + au.path()))
        .toList();
    var categories = new ArrayList<String>();
    if (a.section() != null) categories.add(a.section().name());
    a.topics().forEach(t -> {
      if (!categories.contains(t.name())) categories.add(t.name());
    });
    return new FeedItem(
        idOf(a),
        base + a.path(),
        a.headline(),
        summaryOf(a),
        settings.fullText() ? content(a, base + a.path()) : "",
        a.firstPublishedAt(),
        a.isUpdated() ? a.updatedAt() : null,
        authors,
        categories,
        a.featuredImage().map(this::media).orElse(null),
        a.language());
  }

  /** The whole story, or its summary and a link when it is longer than an item may be. */
  private String content(Article a, String url) {
    var full = html.fullText(a);
    return full.length() <= MAX_CONTENT_CHARS ? full : html.teaser(summaryOf(a), url);
  }

  /**
   * A permanent id: {@code tag:host,date:article:ID} (RFC 4151), dated by first publication,
   * so it survives slug and section changes.
   */
  String idOf(Article a) {
    return TagUri.of(tagAuthority, a.firstPublishedAt(), "article:" + a.id());
  }

  private FeedItem.MediaImage media(Image image) {
    var v = image.variantFor(MEDIA_WIDTH);
    return new FeedItem.MediaImage(
        publisher.get().baseUrl() + v.url(),
        v.mime(),
        v.width(),
        v.height(),
        image.caption(),
        image.credit());
  }

  static String summaryOf(Article a) {
    if (!a.standfirst().isEmpty()) return a.standfirst();
    if (!a.seoDescription().isEmpty()) return a.seoDescription();
    var text = a.bodyText().replaceAll("\\s+", " ").strip();
    if (text.length() <= EXCERPT_CHARS) return text;
    int cut = text.lastIndexOf(' ', EXCERPT_CHARS);
    return text.substring(0, cut > EXCERPT_CHARS / 2 ? cut : EXCERPT_CHARS) + "…";
  }
}
