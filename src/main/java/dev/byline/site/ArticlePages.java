package dev.byline.site;

import dev.byline.ads.AdsSettings;
import dev.byline.content.Article;
import dev.byline.content.ArticleStatus;
import dev.byline.content.ArticleSummary;
import dev.byline.content.Block;
import dev.byline.content.PublishedArticles;
import dev.byline.content.RelatedArticles;
import dev.byline.store.ChangeFeed;
import dev.byline.store.DerivedCache;
import dev.byline.store.SurrogateKey;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Article pages at {@code /{section}/{slug}}. A published article renders (once, then from the
 * cache); an unpublished one answers 410 Gone; an old slug or a wrong section redirects with 301;
 * drafts and unknown slugs are 404.
 *
 * <p>What a render reads from the database and the search index (the article by its slug, its
 * "READ:" links and Related list) is kept in {@link DerivedCache}s purged by the change feed
 * with the same surrogate keys as the page, so a render after the page cache misses (or with it
 * off) costs the template and compression, not the queries. Previews never use them.
 */
public final class ArticlePages implements Routes {
  /**
   * Stories kept by slug: more than a busy news day publishes, so the stories readers are
   * reading stay; at some tens of KB each (the body's text, its reading, metadata) a few tens of
   * MB beside the page cache.
   */
  public static final int DEFAULT_CACHED_ARTICLES = 2_000;

  private static final String SECTION_KEY_PREFIX = SurrogateKey.section(0).replace("0", "");

  private final Site site;
  private final PublishedArticles articles;
  private final RelatedArticles related;
  private final AdsSettings ads;
  private final boolean youtube;
  private final DerivedCache<String, Story> stories;
  private final LivePages live;

  /**
   * An article's body with its "READ:" links placed, the summaries those links and the Related
   * list show, and the list itself.
   */
  record Reading(RelatedArticles.Plan plan, Map<Long, ArticleSummary> links) {
    Reading {
      links = Map.copyOf(links);
    }
  }

  /**
   * The article under a slug and, when it is published, its reading: read together and kept as
   * one, so the reading is never built from an older copy of the article than the one it sits
   * beside.
   */
  record Story(Article article, Reading reading, Parts parts) {}

  /**
   * What the page shows besides the template's own markup: breadcrumbs, the head's metadata with
   * its JSON-LD, the ad slots and the live coverage with its posts (null for none; a post is a
   * change to the article, so it drops the story too). Built from the article, its reading and the chrome's name and
   * addresses, so it is kept with the story (the section names in the chrome change only with
   * SECTIONS, which the story is tagged with).
   */
  record Parts(List<Breadcrumb> crumbs, Meta meta, BodyExtras extras, LiveView coverage) {
    Parts {
      crumbs = List.copyOf(crumbs);
    }
  }

  /**
   * @param ads the slots to place between paragraphs
   * @param youtube whether YouTube embeds show a click-to-load player (else a plain link)
   * @param live live coverage shown under articles that have it; null for none
   * @param feed purges what renders read when the articles, sections, images they show change
   */
  public ArticlePages(
      Site site,
      PublishedArticles articles,
      RelatedArticles related,
      AdsSettings ads,
      boolean youtube,
      LivePages live,
      ChangeFeed feed) {
    this.site = site;
    this.articles = articles;
    this.related = related;
    this.ads = ads;
    this.youtube = youtube;
    this.live = live;
    this.stories = feed.derivedCache(DEFAULT_CACHED_ARTICLES);
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get("/{section}/{slug}", this::show);
  }

  private void show(Context ctx) {
    var section = ctx.pathParam("section");
    var slug = ctx.pathParam("slug");
    site.cache().serve(ctx, "/" + section + "/" + slug, () -> render(section, slug));
  }

  RenderedPage render(String sectionSlug, String slug) {
    var story = stories.get(slug, this::load);
    if (story == null) {
      var moved = articles.redirectedFrom(slug).filter(Article::isPublished);
      if (moved.isPresent()) throw Redirect.permanent(moved.get().path());
      throw new NotFoundResponse("There is no story at this address.");
    }
    var article = story.article();
    if (article.status() == ArticleStatus.UNPUBLISHED) return gone(article);
    if (!article.isPublished()) throw new NotFoundResponse("There is no story at this address.");
    if (!article.path().equals("/" + sectionSlug + "/" + slug))
      throw Redirect.permanent(article.path());
    return page(article, site.chrome(), story.reading(), story.parts());
  }

  /**
   * The article under {@code slug} as stored, whatever its status, and its reading if published;
   * tagged with the keys of the article and of every story its reading shows (their pictures
   * too), so a change to any of them drops it. An address with no story is not
   * kept: publishing one there names no slug.
   */
  private DerivedCache.Entry<Story> load(String slug) {
    var found = articles.bySlug(slug);
    if (found.isEmpty()) return null;
    var article = found.get();
    var keys = new HashSet<String>();
    // Not "section:N": every story published in the section names it, and the story kept here
    // shows only the section's own name and address, whose changes name SECTIONS. So publishing
    // a neighbour purges the page but leaves this for its next render.
    for (var k : article.surrogateKeys()) if (!k.startsWith(SECTION_KEY_PREFIX)) keys.add(k);
    keys.add(SurrogateKey.SECTIONS);
    // The parts kept with it (title, structured data) show the site's name and publisher.
    keys.add(SurrogateKey.CHROME);
    keys.add(SurrogateKey.PUBLISHER);
    if (!article.isPublished())
      return new DerivedCache.Entry<>(new Story(article, null, null), keys);
    var reading = reading(article);
    // Links the editor placed count even when their story is not published now: publishing it
    // must bring the link back.
    for (var b : article.body())
      if (b instanceof Block.RelatedLink r) keys.add(SurrogateKey.article(r.articleId()));
    for (var s : reading.links().values()) {
      keys.add(SurrogateKey.article(s.id()));
      if (s.image() != null) keys.add(SurrogateKey.image(s.image().id()));
    }
    var parts = parts(article, site.chrome(), reading);
    return new DerivedCache.Entry<>(new Story(article, reading, parts), keys);
  }

  private Reading reading(Article article) {
    var plan = related.planFor(article);
    return new Reading(plan, resolveLinks(plan.body(), plan.related()));
  }

  /** Renders a published article's page, reading everything afresh. */
  public RenderedPage page(Article article) {
    var chrome = site.chrome();
    var reading = reading(article);
    return page(article, chrome, reading, parts(article, chrome, reading));
  }

  /**
   * Renders any article (a draft too) as its page will look, for the editor's live preview. The
   * preview frame runs no scripts, so the page carries none (no consent banner, no tags).
   */
  public RenderedPage preview(Article article) {
    var chrome = site.chrome().withoutScripts();
    var reading = reading(article);
    return page(article, chrome, reading, parts(article, chrome, reading));
  }

  private Parts parts(Article article, Chrome chrome, Reading reading) {
    var crumbs = new ArrayList<Breadcrumb>();
    crumbs.add(new Breadcrumb(chrome.siteName(), "/"));
    if (article.section() != null)
      crumbs.add(new Breadcrumb(article.section().name(), article.section().path()));
    crumbs.add(new Breadcrumb(article.headline(), article.path()));
    var data = new StructuredData(chrome);
    var coverage = live == null ? null : live.viewFor(article).orElse(null);
    var image = article.featuredImage();
    var card = image.map(i -> i.variantFor(1200));
    var meta = new Meta(
        (article.seoTitle().isEmpty() ? article.headline() : article.seoTitle()) + " | "
            + chrome.siteName(),
        article.seoDescription().isEmpty() ? article.standfirst() : article.seoDescription(),
        chrome.absolute(article.path()),
        "article",
        card.map(v -> chrome.absolute(v.url())).orElse(""),
        card.map(v -> v.width()).orElse(0),
        card.map(v -> v.height()).orElse(0),
        image.map(i -> i.alt()).orElse(""),
        List.of(
            coverage == null
                ? data.newsArticle(article)
                : data.liveBlog(article, coverage.coverage()),
            data.breadcrumbs(crumbs)),
        "",
        "",
        false,
        Feeds.linksForArticle(chrome, article, coverage),
        // Only <html lang> and the head follow the story; the chrome stays in the site language.
        ownLanguage(article, chrome));
    return new Parts(
        crumbs, meta, BodyExtras.of(ads, youtube, reading.plan().body(), chrome.t()), coverage);
  }

  /** The story's language when it has one that is not the site's, else empty. */
  static String ownLanguage(Article article, Chrome chrome) {
    var tag = article.language();
    return tag == null || tag.equalsIgnoreCase(chrome.lang()) ? "" : tag;
  }

  private RenderedPage page(Article article, Chrome chrome, Reading reading, Parts parts) {
    var plan = reading.plan();
    var links = reading.links();
    var view = new ArticleView(
        chrome,
        parts.meta(),
        site.dates(),
        article,
        plan.body(),
        links,
        plan.related(),
        parts.crumbs(),
        parts.extras(),
        parts.coverage());
    var keys = new LinkedHashSet<>(article.surrogateKeys());
    keys.add(SurrogateKey.SECTIONS);
    keys.add(SurrogateKey.PUBLISHER);
    keys.addAll(Site.chromeKeys(parts.meta()));
    links.keySet().forEach(id -> keys.add(SurrogateKey.article(id)));
    var lastModified = article.lastModified();
    var coverage = parts.coverage();
    if (coverage != null && coverage.coverage().lastChanged().isAfter(lastModified))
      lastModified = coverage.coverage().lastChanged();
    return RenderedPage.html(site.views().render("site/article.jte", view), keys, lastModified);
  }

  private Map<Long, ArticleSummary> resolveLinks(
      List<Block> body, List<ArticleSummary> relatedList) {
    var ids = new LinkedHashSet<Long>();
    for (var b : body) if (b instanceof Block.RelatedLink r) ids.add(r.articleId());
    var map = new HashMap<Long, ArticleSummary>();
    relatedList.forEach(s -> map.put(s.id(), s));
    ids.removeAll(map.keySet());
    articles.summaries(ids).forEach(s -> map.put(s.id(), s));
    return map;
  }

  private RenderedPage gone(Article article) {
    var chrome = site.chrome();
    var meta = Meta.simple(
            chrome.t().text("article.removed.title") + " | " + chrome.siteName(),
            "",
            chrome.absolute(article.path()))
        .noindexed();
    var view = new ErrorView(
        chrome,
        meta,
        410,
        chrome.t().text("article.removed.heading"),
        chrome.t().text("article.removed.text"));
    return new RenderedPage(
        410,
        RenderedPage.HTML,
        site.views().render("site/error.jte", view),
        java.util.Set.of(
            SurrogateKey.article(article.id()),
            SurrogateKey.SECTIONS,
            SurrogateKey.CHROME,
            SurrogateKey.SOCIAL_IMAGE),
        null);
  }
}
