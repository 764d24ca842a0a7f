package dev.byline.search;

import dev.byline.content.PublishedArticles;
import dev.byline.content.PublishedText;
import dev.byline.store.Change;
import dev.byline.store.ChangeFeed;
import dev.byline.store.ChangeFollower;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index equal to the database: a rebuild when needed, then every article change from
 * the feed. Both run on one thread, so a rebuild and a change can never interleave; a change
 * that happened during the rebuild is applied after it, by re-reading the article as it is now
 * (which also makes replaying a change harmless).
 */
final class IndexUpdater implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IndexUpdater.class);
  /** Articles read per database round trip during a rebuild. */
  static final int REBUILD_BATCH = 500;
  /** Change-feed poll for other nodes' changes; local commits wake the follower at once. */
  static final long POLL_MILLIS = 250;
  /** Commit at most this often while following: a crash rebuilds anyway, so commits are for restarts. */
  static final long COMMIT_EVERY_MILLIS = 10_000;
  /** While the feed is ahead (a bulk import), new content becomes searchable at least this often. */
  static final long MAX_REFRESH_DELAY_MILLIS = 500;

  private final SearchIndex index;
  private final PublishedArticles articles;
  private final ChangeFeed feed;
  private final StoryKeys storyKeys;
  private final Clock clock;
  private final List<Consumer<List<Long>>> publishedListeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> refreshListeners = new CopyOnWriteArrayList<>();
  private final String rebuildReason;
  /** Applied to the writer and visible to searchers. */
  private volatile long position;
  /** Applied to the writer, perhaps not yet visible: what a commit records. */
  private volatile long applied;

  private long lastRefresh;
  private boolean unrefreshed;
  private final LinkedHashSet<Long> unrefreshedPublished = new LinkedHashSet<>();
  private volatile boolean ready;
  private volatile boolean closing;
  private long lastCommit;
  private Thread starter;
  private ChangeFollower follower;

  IndexUpdater(
      SearchIndex index,
      PublishedArticles articles,
      ChangeFeed feed,
      StoryKeys storyKeys,
      Clock clock,
      String rebuildReason,
      long committedFeed) {
    this.index = index;
    this.articles = articles;
    this.feed = feed;
    this.storyKeys = storyKeys;
    this.clock = clock;
    this.rebuildReason = rebuildReason;
    this.position = committedFeed;
    this.applied = committedFeed;
    this.ready = rebuildReason == null;
  }

  void onPublished(Consumer<List<Long>> listener) {
    publishedListeners.add(listener);
  }

  void onRefreshed(Runnable listener) {
    refreshListeners.add(listener);
  }

  private void refreshed() {
    for (var listener : refreshListeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        log.warn("event=search_refresh_listener_failed error=\"{}\"", e.toString());
      }
    }
  }

  synchronized void start() {
    if (starter != null) return;
    starter = new Thread(
        () -> {
          try {
            if (rebuildReason != null) rebuildNow();
            if (closing) return;
            synchronized (this) {
              if (!closing)
                follower = feed.follow("search-index", position, POLL_MILLIS, this::apply);
            }
          } catch (RuntimeException e) {
            if (!closing)
              log.error("event=search_index_start_failed error=\"{}\"", e.toString(), e);
          }
        },
        "search-index-start");
    starter.setDaemon(true);
    starter.start();
  }

  boolean isReady() {
    return ready;
  }

  long position() {
    return position;
  }

  boolean awaitPosition(long seq, long timeoutMillis) throws InterruptedException {
    var deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (position < seq || !ready) {
      if (System.nanoTime() > deadline) return false;
      var f = follower;
      if (f != null) {
        f.awaitPosition(
            seq, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } else {
        Thread.sleep(5);
      }
    }
    return true;
  }

  /** Replaces the whole index with what the database holds now. */
  int rebuildNow() {
    long started = System.nanoTime();
    ready = false;
    long head = feed.head();
    int count = 0;
    try {
      var writer = index.writer();
      writer.deleteAll();
      long after = 0;
      while (!closing) {
        var ids = articles.publishedIdsAfter(after, REBUILD_BATCH);
        if (ids.isEmpty()) break;
        var stories = storyKeys.ofAll(ids);
        for (var article : articles.publishedTexts(ids)) {
          writer.addDocument(
              IndexSchema.document(article, stories.get(article.id()), index.analyzer()));
          count++;
        }
        after = ids.get(ids.size() - 1);
        if (index.searchers().maybeRefresh()) refreshed();
      }
      if (closing) return count;
      position = Math.max(position, head);
      applied = position;
      ready = true;
      commit();
      index.searchers().maybeRefreshBlocking();
      refreshed();
      log.info(
          "event=search_index_rebuilt articles={} millis={} position={}",
          count,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
          position);
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException("rebuilding the search index failed: " + e.getMessage(), e);
    }
  }

  /**
   * The change-feed listener: re-reads every article a batch names and updates the index. New
   * content is made visible to searchers (a Lucene refresh) once the follower has caught up with
   * the feed, or at least every {@link #MAX_REFRESH_DELAY_MILLIS} while it is still behind: a
   * bulk import then flushes a few large segments instead of one small one per batch, and a
   * single published story is still searchable at once.
   */
  void apply(List<Change> changes) throws IOException {
    var ids = new LinkedHashSet<Long>();
    var published = new LinkedHashSet<Long>();
    for (var c : changes) {
      if (!c.entity().equals("article")) continue;
      ids.add(c.entityId());
      if (c.action().equals("published")) published.add(c.entityId());
    }
    var writer = index.writer();
    var current = new HashMap<Long, PublishedText>();
    for (var a : articles.publishedTexts(ids)) current.put(a.id(), a);
    var stories = current.isEmpty() ? Map.<Long, String>of() : storyKeys.ofAll(current.keySet());
    for (long id : ids) {
      var a = current.get(id);
      if (a != null) {
        writer.updateDocument(
            IndexSchema.key(id), IndexSchema.document(a, stories.get(id), index.analyzer()));
        if (published.contains(id)) unrefreshedPublished.add(id);
      } else {
        writer.deleteDocuments(IndexSchema.key(id));
        unrefreshedPublished.remove(id);
      }
    }
    applied = changes.get(changes.size() - 1).seq();
    if (!ids.isEmpty()) unrefreshed = true;
    if (!unrefreshed) {
      position = applied;
    } else if (System.nanoTime() - lastRefresh
            > TimeUnit.MILLISECONDS.toNanos(MAX_REFRESH_DELAY_MILLIS)
        || applied >= feed.head()) {
      // Committed changes after these will reach this listener at once (or at the next poll), so
      // waiting for them never leaves content unsearchable for long.
      refreshNow();
    }
    if (clock.millis() - lastCommit > COMMIT_EVERY_MILLIS) commit();
  }

  /** Makes everything applied so far searchable, then tells listeners which stories just became so. */
  private void refreshNow() throws IOException {
    index.searchers().maybeRefreshBlocking();
    lastRefresh = System.nanoTime();
    unrefreshed = false;
    refreshed();
    position = applied;
    if (unrefreshedPublished.isEmpty()) return;
    var nowSearchable = List.copyOf(unrefreshedPublished);
    unrefreshedPublished.clear();
    for (var listener : publishedListeners) {
      try {
        listener.accept(nowSearchable);
      } catch (RuntimeException e) {
        log.warn("event=search_published_listener_failed error=\"{}\"", e.toString());
      }
    }
  }

  synchronized void commit() throws IOException {
    var writer = index.writer();
    if (!writer.isOpen()) return;
    writer.setLiveCommitData(Map.of(
            SearchIndex.SCHEMA_KEY, Integer.toString(IndexSchema.VERSION),
            SearchIndex.FEED_KEY, Long.toString(applied))
        .entrySet());
    writer.commit();
    lastCommit = clock.millis();
  }

  @Override
  public void close() {
    closing = true;
    ChangeFollower f;
    synchronized (this) {
      f = follower;
    }
    if (f != null) f.close();
    if (starter != null) {
      // No interrupt: a rebuild checks the closing flag between batches, and interrupting
      // Lucene or JDBC in the middle of I/O can close their channels under them.
      try {
        starter.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
