package dev.byline;

import dev.byline.config.Config;
import dev.byline.content.ArticleStore;
import dev.byline.content.AuthorStore;
import dev.byline.content.Desk;
import dev.byline.content.PublishedArticles;
import dev.byline.content.SectionStore;
import dev.byline.content.TopicStore;
import dev.byline.curation.BreakingDesk;
import dev.byline.curation.Curation;
import dev.byline.demo.DemoNewsroom;
import dev.byline.demo.DemoPages;
import dev.byline.live.LiveBlog;
import dev.byline.media.ImageStore;
import dev.byline.media.MediaFiles;
import dev.byline.migrate.Migrations;
import dev.byline.pages.Menus;
import dev.byline.pages.PageStore;
import dev.byline.redirect.RedirectStore;
import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import dev.byline.store.SiteState;
import dev.byline.wire.Wire;
import java.time.Clock;

/**
 * The domain without the web: the database, the change feed and every store. Commands that do
 * not serve (demo, import, reindex, user) open just this; {@link Byline} builds the site on it.
 */
public record Newsroom(
    Config config,
    Clock clock,
    Database db,
    ChangeFeed feed,
    SiteState state,
    MediaFiles media,
    ImageStore images,
    SectionStore sections,
    TopicStore topics,
    AuthorStore authors,
    ArticleStore articles,
    PublishedArticles published,
    Desk desk,
    RedirectStore redirects,
    LiveBlog live,
    PageStore pages,
    Menus menus,
    Curation curation,
    BreakingDesk breaking)
    implements AutoCloseable {

  public static Newsroom open(Config config, Clock clock) {
    var db = Database.open(config);
    var feed = new ChangeFeed(db, clock);
    var media = new MediaFiles(config.dataDir().resolve("media"));
    var images = new ImageStore(db, feed, media, clock);
    var sections = new SectionStore(db, feed);
    var topics = new TopicStore(db, feed);
    var authors = new AuthorStore(db, feed, images);
    var articles = new ArticleStore(db, feed, sections, topics, authors, images, clock);
    return new Newsroom(
        config,
        clock,
        db,
        feed,
        new SiteState(db),
        media,
        images,
        sections,
        topics,
        authors,
        articles,
        new PublishedArticles(db, sections, images),
        new Desk(db, sections),
        new RedirectStore(db, clock),
        new LiveBlog(db, feed, images, clock),
        new PageStore(db, feed, clock),
        new Menus(db, feed, sections, topics),
        new Curation(db, feed, articles, sections, clock),
        new BreakingDesk(db, feed, clock));
  }

  /** The wire desk over this newsroom's stores. */
  public Wire wire() {
    return Wire.build(config, db, feed, articles, sections, topics, authors, images, clock);
  }

  /** The migration desk (WordPress and Ghost imports) over this newsroom's stores. */
  public Migrations migrations() {
    return Migrations.build(
        config, db, feed, articles, sections, topics, authors, images, redirects, clock);
  }

  public DemoNewsroom demo() {
    return new DemoNewsroom(sections, topics, authors, images, articles, state, db, live, clock);
  }

  /** The demo's own pages (About, Imprint, Privacy) and menus; seeding twice changes nothing. */
  public DemoPages demoPages() {
    return new DemoPages(db, pages, menus, sections, state);
  }

  @Override
  public void close() {
    db.close();
  }
}
