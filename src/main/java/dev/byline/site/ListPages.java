package dev.byline.site;

import dev.byline.content.ArticleSummary;
import dev.byline.content.AuthorStore;
import dev.byline.content.Page;
import dev.byline.content.PublishedArticles;
import dev.byline.content.SectionStore;
import dev.byline.content.Slugs;
import dev.byline.content.TopicStore;
import dev.byline.curation.Curation;
import dev.byline.store.SurrogateKey;
import dev.byline.web.PageNumber;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Section, topic and author pages: paginated lists of published stories, newest first. A topic
 * or author no published story has is not a page (404): its name may be a draft's.
 */
public final class ListPages implements Routes {
  /** A screenful and a bit on a laptop; small enough to render fast on a miss. */
  static final int PAGE_SIZE = 20;

  private final Site site;
  private final PublishedArticles articles;
  private final SectionStore sections;
  private final TopicStore topics;
  private final AuthorStore authors;
  private final EditorsPicks picks;

  public ListPages(
      Site site,
      PublishedArticles articles,
      SectionStore sections,
      TopicStore topics,
      AuthorStore authors,
      Curation curation,
      Clock clock) {
    this.site = site;
    this.articles = articles;
    this.sections = sections;
    this.topics = topics;
    this.authors = authors;
    this.picks = new EditorsPicks(curation, articles, clock);
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get("/topic/{slug}", this::topic);
    routes.get("/author/{slug}", this::author);
  }

  /** The section route is a catch-all on the first path segment, so it is registered last. */
  public Routes sectionRoute() {
    return r -> r.get("/{section}", this::section);
  }

  private void section(Context ctx) {
    var slug = ctx.pathParam("section");
    int page = PageNumber.of(ctx).value();
    site.cache().serve(ctx, Params.cacheKey("/" + slug, page), () -> {
      var section = sections
          .bySlug(slug)
          .orElseThrow(() -> new NotFoundResponse("There is no section at this address."));
      var list = articles.inSection(section.id(), page, PAGE_SIZE);
      // Collections show on a section's first page, above its own list.
      var blocks = page == 1 ? picks.read().inSection(section.id()) : List.<CollectionBlock>of();
      var keys = EditorsPicks.Picks.keys(blocks);
      keys.add(SurrogateKey.section(section.id()));
      return render(
          list,
          "section",
          "",
          section.name(),
          section.description(),
          section.path(),
          List.of(new Breadcrumb(section.name(), section.path())),
          keys,
          blocks);
    });
  }

  private void topic(Context ctx) {
    var slug = ctx.pathParam("slug");
    int page = PageNumber.of(ctx).value();
    if (!Slugs.isValid(slug)) throw new NotFoundResponse("There is no topic at this address.");
    site.cache().serve(ctx, Params.cacheKey("/topic/" + slug, page), () -> {
      var topic = topics
          .bySlug(slug)
          .orElseThrow(() -> new NotFoundResponse("There is no topic at this address."));
      var list = articles.withTopic(topic.id(), page, PAGE_SIZE);
      // A topic no published story has names something not yet public (a draft's tag).
      if (page == 1 && list.isEmpty())
        throw new NotFoundResponse("There is no topic at this address.");
      var label = site.messages().text("list.topic.label." + topic.type().dbValue());
      return render(
          list,
          "topic",
          label,
          topic.name(),
          "",
          topic.path(),
          List.of(new Breadcrumb(topic.name(), topic.path())),
          Set.of(SurrogateKey.topic(topic.id())),
          List.of());
    });
  }

  private void author(Context ctx) {
    var slug = ctx.pathParam("slug");
    int page = PageNumber.of(ctx).value();
    if (!Slugs.isValid(slug)) throw new NotFoundResponse("There is no author at this address.");
    site.cache().serve(ctx, Params.cacheKey("/author/" + slug, page), () -> {
      var author = authors
          .bySlug(slug)
          .orElseThrow(() -> new NotFoundResponse("There is no author at this address."));
      var list = articles.byAuthor(author.id(), page, PAGE_SIZE);
      if (page == 1 && list.isEmpty())
        throw new NotFoundResponse("There is no author at this address.");
      return render(
          list,
          "author",
          site.messages().text("list.author.label"),
          author.name(),
          author.bio(),
          author.path(),
          List.of(new Breadcrumb(author.name(), author.path())),
          Set.of(SurrogateKey.author(author.id())),
          List.of());
    });
  }

  private RenderedPage render(
      Page<ArticleSummary> list,
      String kind,
      String label,
      String title,
      String description,
      String path,
      List<Breadcrumb> trail,
      Set<String> keys,
      List<CollectionBlock> blocks) {
    if (list.isEmpty() && list.number() > 1)
      throw new NotFoundResponse("There is no page " + list.number() + " of this list.");
    var chrome = site.chrome();
    var crumbs = new java.util.ArrayList<Breadcrumb>();
    crumbs.add(new Breadcrumb(chrome.siteName(), "/"));
    crumbs.addAll(trail);
    var view0 = new ListView(
        chrome, null, site.dates(), kind, label, title, description, list, path, crumbs, blocks);
    var t = chrome.t();
    var pageTitle = (list.number() > 1 ? t.text("list.title.page", title, list.number()) : title)
        + " | " + chrome.siteName();
    var meta = Meta.simple(
            pageTitle,
            description.isEmpty() ? t.text("list.description", title) : description,
            chrome.absolute(view0.pageUrl(list.number())))
        .withPaging(
            list.hasPrevious() ? view0.pageUrl(list.number() - 1) : "",
            list.hasNext() ? view0.pageUrl(list.number() + 1) : "")
        .withJsonLd(List.of(new StructuredData(chrome).breadcrumbs(crumbs)))
        .withFeeds(Feeds.linksFor(chrome, path, title));
    var view = new ListView(
        chrome, meta, site.dates(), kind, label, title, description, list, path, crumbs, blocks);
    var allKeys = new java.util.HashSet<>(keys);
    allKeys.add(SurrogateKey.SECTIONS);
    allKeys.addAll(Site.chromeKeys(meta));
    var newest = list.items().isEmpty() ? null : list.items().get(0).firstPublishedAt();
    return RenderedPage.html(site.views().render("site/list.jte", view), allKeys, newest);
  }
}
