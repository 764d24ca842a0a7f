package dev.byline.personalize;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.byline.content.ArticleSummary;
import dev.byline.content.PublishedArticles;
import dev.byline.content.Topic;
import dev.byline.content.TopicStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Picks fresh articles for a reader from their signals, and says why. Each topic of a recent
 * read adds weight to the fresh articles filed under it (more for recent reads and for rare
 * topics), a followed topic adds more, a shared section a little, and the related engine's
 * picks for the latest reads add their own; age then discounts the score. Nothing about the
 * reader is kept.
 *
 * <pre>{@code
 * var picks = recommender.recommend(new ReaderSignals(List.of(42L, 17L), List.of("norreland")), 6);
 * picks.get(0).reason(); // Reason[kind=FOLLOW, subject=Norreland]
 * }</pre>
 */
public final class Recommender {
  public static final int DEFAULT_LIMIT = 6;
  public static final int MAX_LIMIT = 12;
  /** Reads beyond the most recent twenty add little but work. */
  static final int READS_USED = 20;
  /** Each older read counts this much less than the one after it. */
  static final double READ_DECAY = 0.85;
  /** Following a topic says more than having read one story about it. */
  static final double FOLLOW_WEIGHT = 2.0;
  /** Sharing a section is a weak hint (World is broad). */
  static final double SECTION_WEIGHT = 0.15;
  /** The related engine's picks are strong: it has read the text. */
  static final double SIMILAR_WEIGHT = 1.5;

  static final int SIMILAR_READS = 3;
  static final int SIMILAR_PER_READ = 10;
  /** Newest articles considered per topic and per section; older ones would lose on age anyway. */
  static final int TOPIC_CAP = 100;

  static final int SECTION_CAP = 30;
  /** News ages fast: a day and a half halves the age factor... */
  static final double HALF_LIFE_HOURS = 36;
  /** ...but age never takes more than this share of the score, so a strong match still shows. */
  static final double AGE_SHARE = 0.65;
  /** At most this share of the list may have the same reason, so one topic cannot fill it. */
  static final double MAX_SAME_REASON = 0.5;
  /** Read articles' facts are cached: many readers read the same stories. */
  static final int CACHE_SIZE = 20_000;

  private record ReadInfo(String headline, long sectionId, long[] topicIds) {}

  private static final class Scored {
    double score;
    double best;
    Reason reason;

    void add(double weight, Reason why) {
      score += weight;
      if (weight > best) {
        best = weight;
        reason = why;
      }
    }
  }

  private final FreshArticles fresh;
  private final PublishedArticles articles;
  private final TopicStore topics;
  private final SimilarArticles similar;
  private final Clock clock;
  private final Cache<Long, Optional<ReadInfo>> reads = Caffeine.newBuilder()
      .maximumSize(CACHE_SIZE)
      .expireAfterWrite(Duration.ofMinutes(10))
      .build();
  private final Cache<String, Optional<Topic>> followed = Caffeine.newBuilder()
      .maximumSize(CACHE_SIZE)
      .expireAfterWrite(Duration.ofMinutes(10))
      .build();

  public Recommender(
      FreshArticles fresh,
      PublishedArticles articles,
      TopicStore topics,
      SimilarArticles similar,
      Clock clock) {
    this.fresh = fresh;
    this.articles = articles;
    this.topics = topics;
    this.similar = similar;
    this.clock = clock;
  }

  /** Up to {@code limit} (at most {@link #MAX_LIMIT}) picks, best first; empty for a reader with no signals. */
  public List<Recommendation> recommend(ReaderSignals signals, int limit) {
    limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    if (signals.isEmpty()) return List.of();
    var index = fresh.index();
    long cutoff = clock.millis() - fresh.window().toMillis();
    var scores = new HashMap<Long, Scored>();
    var recent = signals.read().subList(0, Math.min(READS_USED, signals.read().size()));
    var info = readInfo(recent);
    for (int i = 0; i < recent.size(); i++) {
      var r = info.get(recent.get(i));
      if (r == null) continue;
      double w = Math.pow(READ_DECAY, i);
      var why = new Reason(Reason.Kind.READ, r.headline());
      for (long t : r.topicIds())
        addAll(scores, index.withTopic(t), TOPIC_CAP, w * idf(index, t), why, cutoff);
      if (r.sectionId() > 0)
        addAll(
            scores, index.inSection(r.sectionId()), SECTION_CAP, w * SECTION_WEIGHT, why, cutoff);
      if (i < SIMILAR_READS) addSimilar(scores, index, recent.get(i), w, why, cutoff);
    }
    for (var slug : signals.follow()) {
      var topic =
          Optional.ofNullable(index.topicBySlug(slug)).or(() -> followed.get(slug, topics::bySlug));
      topic.ifPresent(t -> addAll(
          scores,
          index.withTopic(t.id()),
          TOPIC_CAP,
          FOLLOW_WEIGHT,
          new Reason(Reason.Kind.FOLLOW, t.name()),
          cutoff));
    }
    signals.read().forEach(scores::remove);
    return rank(scores, limit);
  }

  private void addAll(
      Map<Long, Scored> scores,
      List<FreshIndex.Entry> entries,
      int cap,
      double weight,
      Reason why,
      long cutoff) {
    int n = 0;
    for (var e : entries) {
      if (n++ == cap || e.publishedMillis() < cutoff) break;
      scores.computeIfAbsent(e.id(), k -> new Scored()).add(weight, why);
    }
  }

  private void addSimilar(
      Map<Long, Scored> scores, FreshIndex index, long readId, double w, Reason why, long cutoff) {
    var ids = similar.similarTo(readId, SIMILAR_PER_READ);
    for (int rank = 0; rank < ids.size(); rank++) {
      var e = index.get(ids.get(rank));
      if (e == null || e.publishedMillis() < cutoff) continue; // only fresh picks
      scores
          .computeIfAbsent(e.id(), k -> new Scored())
          .add(SIMILAR_WEIGHT * w / (1 + 0.1 * rank), why);
    }
  }

  /** Rare topics say more about a reader than common ones. */
  private static double idf(FreshIndex index, long topicId) {
    return 1 + Math.log((1.0 + index.size()) / (1.0 + index.withTopic(topicId).size()));
  }

  private List<Recommendation> rank(Map<Long, Scored> scores, int limit) {
    var shortlist = top(scores, limit * 4);
    long now = clock.millis();
    var ranked = new ArrayList<Recommendation>();
    var finalScore = new HashMap<Long, Double>();
    for (var story : articles.summaries(shortlist)) {
      double ageHours = Math.max(0, (now - story.firstPublishedAt().toEpochMilli()) / 3_600_000.0);
      double ageFactor = (1 - AGE_SHARE) + AGE_SHARE * Math.pow(0.5, ageHours / HALF_LIFE_HOURS);
      finalScore.put(story.id(), scores.get(story.id()).score * ageFactor);
      ranked.add(new Recommendation(story, scores.get(story.id()).reason));
    }
    ranked.sort(Comparator.comparingDouble(
            (Recommendation r) -> -finalScore.get(r.story().id()))
        .thenComparing(r -> r.story().firstPublishedAt(), Comparator.reverseOrder()));
    return diverse(ranked, limit);
  }

  /** The {@code k} best scores, best first (ties: the higher id, i.e. the newer article). */
  private static List<Long> top(Map<Long, Scored> scores, int k) {
    Comparator<Map.Entry<Long, Scored>> worstFirst =
        Comparator.<Map.Entry<Long, Scored>>comparingDouble(e -> e.getValue().score)
            .thenComparing(Map.Entry::getKey);
    var heap = new PriorityQueue<Map.Entry<Long, Scored>>(k + 1, worstFirst);
    for (var e : scores.entrySet()) {
      if (heap.size() < k) heap.add(e);
      else if (worstFirst.compare(e, heap.peek()) > 0) {
        heap.poll();
        heap.add(e);
      }
    }
    var out = new ArrayList<Map.Entry<Long, Scored>>(heap);
    out.sort(worstFirst.reversed());
    return out.stream().map(Map.Entry::getKey).toList();
  }

  /** Keeps the order but lets no single reason take more than its share while others wait. */
  private static List<Recommendation> diverse(List<Recommendation> ranked, int limit) {
    int maxSame = Math.max(1, (int) Math.ceil(limit * MAX_SAME_REASON));
    var out = new ArrayList<Recommendation>();
    var waiting = new ArrayList<Recommendation>();
    var perReason = new HashMap<Reason, Integer>();
    for (var r : ranked) {
      if (out.size() == limit) break;
      if (perReason.merge(r.reason(), 1, Integer::sum) > maxSame) waiting.add(r);
      else out.add(r);
    }
    for (var r : waiting) if (out.size() < limit) out.add(r);
    return out;
  }

  private Map<Long, ReadInfo> readInfo(List<Long> ids) {
    var found = reads.getAll(ids, missing -> {
      var list = new ArrayList<Long>();
      missing.forEach(list::add);
      var summaries = articles.summaries(list);
      var topicsOf = articles.topicsOf(list);
      var out = new HashMap<Long, Optional<ReadInfo>>();
      list.forEach(id -> out.put(id, Optional.empty()));
      for (ArticleSummary s : summaries) {
        var t = topicsOf.getOrDefault(s.id(), List.of()).stream()
            .mapToLong(Topic::id)
            .toArray();
        out.put(
            s.id(),
            Optional.of(
                new ReadInfo(s.headline(), s.section() == null ? 0 : s.section().id(), t)));
      }
      return out;
    });
    var out = new HashMap<Long, ReadInfo>();
    found.forEach((id, r) -> r.ifPresent(x -> out.put(id, x)));
    return out;
  }
}
