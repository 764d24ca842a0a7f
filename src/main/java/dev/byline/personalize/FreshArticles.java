package dev.byline.personalize;

import dev.byline.content.ArticleSummary;
import dev.byline.content.PublishedArticles;
import dev.byline.content.Topic;
import dev.byline.store.Change;
import dev.byline.store.ChangeFeed;
import dev.byline.store.ChangeFollower;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fresh articles in memory, derived from the database like every index: loaded at start
 * (newest first until the window ends) and kept current by following the change feed, so a
 * recommendation is a walk over a few lists, not a query.
 *
 * <pre>{@code
 * try (var fresh = FreshArticles.open(articles, feed, clock, Duration.ofDays(14), 500)) {
 *   fresh.index().withTopic(topicId);
 * }
 * }</pre>
 */
public final class FreshArticles implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FreshArticles.class);
  /** A page of summaries per query while loading; bounded memory, few round trips. */
  static final int LOAD_PAGE = 500;

  private final PublishedArticles articles;
  private final Clock clock;
  private final Duration window;
  private volatile FreshIndex index = FreshIndex.EMPTY;
  private ChangeFollower follower;

  private FreshArticles(PublishedArticles articles, Clock clock, Duration window) {
    this.articles = articles;
    this.clock = clock;
    this.window = window;
  }

  /** Loads the fresh articles and starts following the change feed from before the load. */
  public static FreshArticles open(
      PublishedArticles articles, ChangeFeed feed, Clock clock, Duration window, long pollMillis) {
    var fresh = new FreshArticles(articles, clock, window);
    long head = feed.head();
    fresh.load();
    fresh.follower = feed.follow("fresh-articles", head, pollMillis, fresh::onChanges);
    return fresh;
  }

  public Duration window() {
    return window;
  }

  /** How many fresh articles are held. */
  public int size() {
    return index.size();
  }

  FreshIndex index() {
    return index;
  }

  private long cutoff() {
    return clock.millis() - window.toMillis();
  }

  private void load() {
    long started = System.nanoTime();
    long cutoff = cutoff();
    var entries = new ArrayList<FreshIndex.Entry>();
    var topics = new HashMap<Long, Topic>();
    for (int page = 1; ; page++) {
      var items = articles.latest(page, LOAD_PAGE);
      var fresh = items.items().stream()
          .filter(s -> s.firstPublishedAt().toEpochMilli() >= cutoff)
          .toList();
      entries.addAll(entriesOf(fresh, topics));
      if (fresh.size() < items.items().size() || !items.hasNext()) break;
    }
    index = index.with(entries, Set.of(), topics, cutoff);
    log.info(
        "event=fresh_articles_loaded articles={} millis={}",
        index.size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private List<FreshIndex.Entry> entriesOf(
      List<ArticleSummary> summaries, Map<Long, Topic> topicsSeen) {
    if (summaries.isEmpty()) return List.of();
    var topicsOf = articles.topicsOf(summaries.stream().map(ArticleSummary::id).toList());
    var out = new ArrayList<FreshIndex.Entry>(summaries.size());
    for (var s : summaries) {
      var topics = topicsOf.getOrDefault(s.id(), List.of());
      topics.forEach(t -> topicsSeen.put(t.id(), t));
      out.add(new FreshIndex.Entry(
          s.id(),
          s.section() == null ? 0 : s.section().id(),
          s.firstPublishedAt().toEpochMilli(),
          topics.stream().mapToLong(Topic::id).toArray()));
    }
    return out;
  }

  /** Re-reads every article a change names (or files under a changed topic): published and fresh ones go in, others out. */
  synchronized void onChanges(List<Change> changes) {
    var ids = new LinkedHashSet<Long>();
    var current = index;
    for (var c : changes) {
      if (c.entity().equals("article")) ids.add(c.entityId());
      // A renamed topic: re-read the fresh articles filed under it, so reasons use the new name.
      if (c.entity().equals("topic")) current.withTopic(c.entityId()).forEach(e -> ids.add(e.id()));
    }
    if (ids.isEmpty()) return;
    long cutoff = cutoff();
    var topics = new HashMap<Long, Topic>();
    var upserts = new ArrayList<FreshIndex.Entry>();
    for (var chunk : chunks(List.copyOf(ids))) {
      var published = articles.summaries(chunk).stream()
          .filter(s -> s.firstPublishedAt().toEpochMilli() >= cutoff)
          .toList();
      upserts.addAll(entriesOf(published, topics));
    }
    index = index.with(upserts, new HashSet<>(ids), topics, cutoff);
  }

  private static List<List<Long>> chunks(List<Long> ids) {
    var out = new ArrayList<List<Long>>();
    for (int i = 0; i < ids.size(); i += LOAD_PAGE)
      out.add(ids.subList(i, Math.min(ids.size(), i + LOAD_PAGE)));
    return out;
  }

  /** Drops articles that have aged out of the window; called now and then, cheap when nothing has. */
  synchronized void prune() {
    index = index.with(List.of(), Set.of(), Map.of(), cutoff());
  }

  @Override
  public void close() {
    if (follower != null) follower.close();
  }
}
