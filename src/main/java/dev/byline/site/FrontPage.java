package dev.byline.site;

import dev.byline.content.ArticleSummary;
import dev.byline.content.PublishedArticles;
import dev.byline.curation.Curation;
import dev.byline.store.SurrogateKey;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The front page: lead story, top stories, editors' collections, section rails and the latest.
 * A pinned lead and pinned top stories come first; the rest fill newest-first.
 */
public final class FrontPage implements Routes {
  /** How many of the newest stories the front page considers. */
  static final int POOL = 40;

  static final int TOP_STORIES = dev.byline.curation.Curation.TOP_SLOTS;
  static final int RAIL_STORIES = 4;
  static final int LATEST = 12;

  private final Site site;
  private final PublishedArticles articles;
  private final EditorsPicks picks;

  public FrontPage(Site site, PublishedArticles articles, Curation curation, Clock clock) {
    this.site = site;
    this.articles = articles;
    this.picks = new EditorsPicks(curation, articles, clock);
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get("/", this::show);
  }

  private void show(Context ctx) {
    site.cache().serve(ctx, "/", this::render);
  }

  RenderedPage render() {
    var chrome = site.chrome();
    var pool = articles.latest(1, POOL).items();
    var picked = picks.read();
    // Pinned stories first; the slots left fill newest-first, never repeating a pinned one.
    ArticleSummary lead = picked.lead() != null
        ? picked.lead()
        : pool.stream()
            .filter(s -> picked.top().stream().noneMatch(t -> t.id() == s.id()))
            .filter(ArticleSummary::hasImage)
            .findFirst()
            .orElse(pool.isEmpty() ? null : pool.get(0));
    var shown = new HashSet<Long>();
    if (lead != null) shown.add(lead.id());
    var top = new ArrayList<ArticleSummary>();
    for (var s : picked.top()) if (top.size() < TOP_STORIES && shown.add(s.id())) top.add(s);
    for (var s : pool) {
      if (top.size() == TOP_STORIES) break;
      if (shown.add(s.id())) top.add(s);
    }
    var rails = new ArrayList<SectionRail>();
    for (var section : chrome.sections()) {
      var stories = articles.inSection(section.id(), 1, RAIL_STORIES + 2).items().stream()
          .filter(s -> !shown.contains(s.id()))
          .limit(RAIL_STORIES)
          .toList();
      if (!stories.isEmpty()) rails.add(new SectionRail(section, stories));
    }
    var latest =
        pool.stream().filter(s -> !shown.contains(s.id())).limit(LATEST).toList();
    var data = new StructuredData(chrome);
    var meta = Meta.simple(
            chrome.siteName(),
            chrome.t().text("front.description", chrome.siteName()),
            chrome.baseUrl() + "/")
        .withJsonLd(List.of(data.organizationPage(), data.webSite()))
        .withFeeds(Feeds.linksFor(chrome, "/", chrome.siteName()));
    var blocks = picked.onFront();
    var view = new FrontView(chrome, meta, site.dates(), lead, top, rails, latest, blocks);
    Instant newest = pool.isEmpty() ? null : pool.get(0).firstPublishedAt();
    var keys = EditorsPicks.Picks.keys(blocks);
    keys.addAll(Site.chromeKeys(meta));
    keys.addAll(Set.of(SurrogateKey.FRONT, SurrogateKey.SECTIONS, SurrogateKey.PUBLISHER));
    return RenderedPage.html(site.views().render("site/front.jte", view), keys, newest);
  }
}
