package dev.byline.related;

import dev.byline.content.ArticleStore;
import dev.byline.search.SearchIndex;
import dev.byline.search.SimilarityRequest;
import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import dev.byline.store.SurrogateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps older stories pointing at newer developments. When a story is published and searchable,
 * the stories most like it are asked again for their picks; those that now pick it get their
 * cached pages purged, through a change-feed row so that every node and any HTTP cache in front
 * purge them too.
 */
public final class RelatedFreshness implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RelatedFreshness.class);
  /** Stories most like the new one that are checked: those beyond rarely pick it. */
  static final int NEIGHBOURS = 10;
  /** Only news counts: a story first published longer ago than this (an archive import) purges nothing. */
  static final Duration FRESH = Duration.ofDays(3);
  /** A bulk import publishes many at once; past this many in one batch the rest are left to expire normally. */
  static final int MAX_PER_BATCH = 50;

  private final RelatedFinder finder;
  private final SearchIndex index;
  private final ArticleStore articles;
  private final Database db;
  private final ChangeFeed feed;
  private final Clock clock;
  private final int picksPerArticle;
  /** Its own thread, so that this work never holds up indexing; a full queue drops work rather than grow. */
  private final java.util.concurrent.ThreadPoolExecutor worker =
      new java.util.concurrent.ThreadPoolExecutor(
          1,
          1,
          0,
          java.util.concurrent.TimeUnit.MILLISECONDS,
          new java.util.concurrent.ArrayBlockingQueue<>(1_000),
          r -> {
            var t = new Thread(r, "related-freshness");
            t.setDaemon(true);
            return t;
          },
          new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());

  public RelatedFreshness(
      RelatedFinder finder,
      SearchIndex index,
      ArticleStore articles,
      Database db,
      ChangeFeed feed,
      Clock clock,
      int picksPerArticle) {
    this.finder = finder;
    this.index = index;
    this.articles = articles;
    this.db = db;
    this.feed = feed;
    this.clock = clock;
    this.picksPerArticle = picksPerArticle;
  }

  /** For {@link SearchIndex#onPublished}: queues the check for stories that just became searchable. */
  public void onPublished(List<Long> ids) {
    worker.execute(() -> {
      try {
        refresh(ids);
      } catch (RuntimeException e) {
        log.warn("event=related_refresh_failed articles={} error=\"{}\"", ids, e.toString());
      }
    });
  }

  /** Blocks until queued checks are done or the timeout passes; for tests and orderly shutdown. */
  public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
    var deadline =
        System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (worker.getActiveCount() > 0 || !worker.getQueue().isEmpty()) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(5);
    }
    return true;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }

  void refresh(List<Long> ids) {
    int done = 0;
    for (long id : ids) {
      if (done++ >= MAX_PER_BATCH) break;
      var article = articles
          .byId(id)
          .filter(a -> a.isPublished()
              && a.firstPublishedAt() != null
              && a.firstPublishedAt().isAfter(clock.instant().minus(FRESH)));
      if (article.isEmpty()) continue;
      var a = article.get();
      var neighbours = index.similar(new SimilarityRequest(
          a.id(), a.headline(), a.standfirst(), a.bodyText(), Set.of(), NEIGHBOURS));
      var affected = new LinkedHashSet<String>();
      for (var n : neighbours) {
        var other = articles.byId(n.id());
        if (other.isEmpty()) continue;
        boolean picksIt =
            finder.picks(other.get(), picksPerArticle).stream().anyMatch(p -> p.articleId() == id);
        if (picksIt) affected.add(SurrogateKey.article(n.id()));
      }
      if (affected.isEmpty()) continue;
      db.useTransaction(tx -> feed.append(tx, "related", id, "linked", affected));
      log.info("event=related_refreshed article={} now_linked_from={}", id, affected.size());
    }
  }
}
