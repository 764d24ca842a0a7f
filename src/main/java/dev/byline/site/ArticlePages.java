package dev.byline.site;

import dev.byline.ads.AdsSettings;
import dev.byline.content.Article;
import dev.byline.content.ArticleStatus;
import dev.byline.content.ArticleSummary;
import dev.byline.content.Block;
import dev.byline.content.PublishedArticles;
import dev.byline.content.RelatedArticles;
import dev.byline.store.SurrogateKey;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Article pages at {@code /{section}/{slug}}. A published article renders (once, then from the
 * cache); an unpublished one answers 410 Gone; an old slug or a wrong section redirects with 301;
 * drafts and unknown slugs are 404.
 */
public final class ArticlePages implements Routes {
  private final Site site;
  private final PublishedArticles articles;
  private final RelatedArticles related;
  private final AdsSettings ads;
  private final boolean youtube;
  private final LivePages live;

  public ArticlePages(Site site, PublishedArticles articles, RelatedArticles related) {
    this(site, articles, related, AdsSettings.NONE, true, null);
  }

  /**
   * @param ads the slots to place between paragraphs
   * @param youtube whether YouTube embeds show a click-to-load player (else a plain link)
   * @param live live coverage shown under articles that have it; null for none
   */
  public ArticlePages(
      Site site,
      PublishedArticles articles,
      RelatedArticles related,
      AdsSettings ads,
      boolean youtube,
      LivePages live) {
    this.site = site;
    this.articles = articles;
    this.related = related;
    this.ads = ads;
    this.youtube = youtube;
    this.live = live;
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
    var found = articles.bySlug(slug);
    if (found.isEmpty()) {
      var moved = articles.redirectedFrom(slug).filter(Article::isPublished);
      if (moved.isPresent()) throw Redirect.permanent(moved.get().path());
      throw new NotFoundResponse("There is no story at this address.");
    }
    var article = found.get();
    if (article.status() == ArticleStatus.UNPUBLISHED) return gone(article);
    if (!article.isPublished()) throw new NotFoundResponse("There is no story at this address.");
    if (!article.path().equals("/" + sectionSlug + "/" + slug))
      throw Redirect.permanent(article.path());
    return page(article);
  }

  /** Renders a published article's page. */
  public RenderedPage page(Article article) {
    return page(article, site.chrome());
  }

  /**
   * Renders any article (a draft too) as its page will look, for the editor's live preview. The
   * preview frame runs no scripts, so the page carries none (no consent banner, no tags).
   */
  public RenderedPage preview(Article article) {
    return page(article, site.chrome().withoutScripts());
  }

  private RenderedPage page(Article article, Chrome chrome) {
    var plan = related.planFor(article);
    var links = resolveLinks(plan.body(), plan.related());
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
        Feeds.linksForArticle(chrome, article, coverage));
    var extras = BodyExtras.of(ads, youtube, plan.body());
    var view = new ArticleView(
        chrome,
        meta,
        site.dates(),
        article,
        plan.body(),
        links,
        plan.related(),
        crumbs,
        extras,
        coverage);
    var keys = new LinkedHashSet<>(article.surrogateKeys());
    keys.add(SurrogateKey.SECTIONS);
    links.keySet().forEach(id -> keys.add(SurrogateKey.article(id)));
    var lastModified = article.lastModified();
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
            "Story removed | " + chrome.siteName(), "", chrome.absolute(article.path()))
        .noindexed();
    var view = new ErrorView(
        chrome,
        meta,
        410,
        "This story has been removed",
        "The story that was here is no longer available.");
    return new RenderedPage(
        410,
        RenderedPage.HTML,
        site.views().render("site/error.jte", view),
        java.util.Set.of(SurrogateKey.article(article.id()), SurrogateKey.SECTIONS),
        null);
  }
}
