package dev.byline.related;

import dev.byline.content.Article;
import dev.byline.content.ArticleSummary;
import dev.byline.content.Block;
import dev.byline.content.PublishedArticles;
import dev.byline.content.RelatedArticles;
import dev.byline.search.Fingerprint;
import dev.byline.search.SearchIndex;
import dev.byline.search.SimilarArticle;
import dev.byline.search.SimilarityRequest;
import dev.byline.search.StoryKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The related engine: for an article, the published stories most about the same story.
 *
 * <p>The search index supplies candidates by text similarity (MoreLikeThis-style term selection
 * over headline, standfirst and body, the headline weighted, re-ranked by cosine) with the evidence
 * beside it: shared names, the headline's terms, the years mentioned. This class adds the policy:
 * a {@link Confidence} that a candidate is about the same story, below which it is not offered (a
 * "READ:" link asks more than the list); the odds of that confidence multiplied by a boost for
 * shared topics and a decay with the time between the two stories, to rank; no other version of
 * the same wire story, no near-duplicates of the article or of each other, the editor's pins first
 * (whatever the engine thinks of them) and blocks never. Every step is deterministic, ties broken
 * by id.
 *
 * <pre>{@code
 * var related = new RelatedFinder(index, articles, choices, StoryKeys.NONE, 3, 4);
 * var plan = related.planFor(article);   // body with "READ:" links placed, and the Related list
 * var top3 = related.picks(article, 3);  // the engine's own ranking
 * }</pre>
 */
public final class RelatedFinder implements RelatedArticles {
  /** Inline "READ:" links per article unless configured ({@code related.inline.max}). */
  public static final int DEFAULT_INLINE_MAX = 3;
  /** Stories in the "Related" list under the article unless configured ({@code related.list.max}). */
  public static final int DEFAULT_LIST_MAX = 4;
  /** Candidates asked of the index: enough to survive exclusions and fill every place (7 by default); each costs a doc-value read. */
  static final int CANDIDATES = 20;
  /** Sharing every topic of the article multiplies the score by 1 + this. */
  static final double TOPIC_BOOST = 0.25;
  /** Score halves (above the floor) for every this many days between the two stories. */
  static final Duration RECENCY_HALF_LIFE = Duration.ofDays(14);
  /** However far apart in time, a story keeps this share of its score: old background can still be the best link. */
  static final double RECENCY_FLOOR = 0.6;
  /** Shingle resemblance above which two texts are the same story told twice. */
  static final double NEAR_DUPLICATE_RESEMBLANCE = 0.5;
  /** Share of the shorter text found in the longer above which one is cut from the other. */
  static final double NEAR_DUPLICATE_CONTAINMENT = 0.8;

  private final SearchIndex index;
  private final PublishedArticles articles;
  private final RelatedChoices choices;
  private final StoryKeys storyKeys;
  private final int inlineMax;
  private final int listMax;
  private final Confidence confidence;

  public RelatedFinder(
      SearchIndex index,
      PublishedArticles articles,
      RelatedChoices choices,
      StoryKeys storyKeys,
      int inlineMax,
      int listMax) {
    this(index, articles, choices, storyKeys, inlineMax, listMax, Confidence.DEFAULT);
  }

  /** With another confidence model: for fitting and comparing models on labelled stories. */
  RelatedFinder(
      SearchIndex index,
      PublishedArticles articles,
      RelatedChoices choices,
      StoryKeys storyKeys,
      int inlineMax,
      int listMax,
      Confidence confidence) {
    if (inlineMax < 0 || inlineMax > 10)
      throw new IllegalArgumentException("related.inline.max must be 0 to 10, not " + inlineMax);
    if (listMax < 0 || listMax > 12)
      throw new IllegalArgumentException("related.list.max must be 0 to 12, not " + listMax);
    this.index = index;
    this.articles = articles;
    this.choices = choices;
    this.storyKeys = storyKeys;
    this.inlineMax = inlineMax;
    this.listMax = listMax;
    this.confidence = confidence;
  }

  /**
   * A story the engine chose: its final score (the odds of its confidence, weighed by shared
   * topics and the time between the stories), how sure the engine is that it is about the same story, and the raw
   * text similarity behind it.
   */
  public record Pick(long articleId, double score, double confidence, double similarity) {}

  @Override
  public Plan planFor(Article article) {
    var chosen = choices.of(article.id());
    var placed = new LinkedHashSet<Long>();
    for (var b : article.body()) if (b instanceof Block.RelatedLink r) placed.add(r.articleId());
    var exclude = new HashSet<>(chosen.blocked());
    exclude.addAll(placed);
    exclude.addAll(chosen.pinned());
    var ordered = new ArrayList<Long>();
    var readable = new ArrayList<Long>();
    articles.summaries(chosen.pinned()).forEach(s -> ordered.add(s.id()));
    readable.addAll(ordered);
    int wanted = inlineMax + listMax;
    if (ordered.size() < wanted) {
      for (var p : picks(article, wanted - ordered.size(), exclude)) {
        ordered.add(p.articleId());
        if (p.confidence() >= confidence.readAt()) readable.add(p.articleId());
      }
    }
    var body = ReadLinkPlacement.place(article.body(), readable, inlineMax);
    var inline = new HashSet<Long>();
    for (var b : body) if (b instanceof Block.RelatedLink r) inline.add(r.articleId());
    var rest =
        ordered.stream().filter(id -> !inline.contains(id)).limit(listMax).toList();
    List<ArticleSummary> list = articles.summaries(rest);
    return new Plan(body, list);
  }

  /**
   * The ids of the engine's picks for a published article, best first; none for an article that
   * is not published (or not there). "For you" asks this for the stories a reader has read.
   */
  public List<Long> pickedIds(long articleId, int limit) {
    return articles
        .article(articleId)
        .map(a -> picks(a, limit).stream().map(Pick::articleId).toList())
        .orElse(List.of());
  }

  /** The engine's best {@code limit} stories for the article, best first; no pins, blocks respected. */
  public List<Pick> picks(Article article, int limit) {
    return picks(article, limit, choices.of(article.id()).blocked());
  }

  List<Pick> picks(Article article, int limit, Set<Long> exclude) {
    if (limit <= 0) return List.of();
    var body = article.bodyText();
    var candidates = index.similar(new SimilarityRequest(
        article.id(),
        article.headline(),
        article.standfirst(),
        body,
        exclude,
        Math.max(CANDIDATES, limit * 3)));
    var own = Fingerprint.of(article.headline() + "\n" + article.standfirst() + "\n" + body);
    var story = storyKeys.of(article.id());
    var topics = new HashSet<Long>();
    article.topics().forEach(t -> topics.add(t.id()));
    var when =
        article.firstPublishedAt() != null ? article.firstPublishedAt() : article.createdAt();
    var eligible = candidates.stream()
        .filter(c -> story == null || !story.equals(c.storyKey()))
        .filter(c -> !nearDuplicates(own, c.fingerprint()))
        .toList();
    double best =
        eligible.stream().mapToDouble(SimilarArticle::similarity).max().orElse(0);
    var scored = new ArrayList<Scored>();
    for (var c : eligible) {
      double sure = confidence.of(c, best);
      if (sure < confidence.listAt()) continue;
      scored.add(new Scored(
          c,
          sure,
          Confidence.odds(sure)
              * topicFactor(topics, c.topicIds())
              * recency(when, c.publishedAt())));
    }
    scored.sort(Comparator.comparingDouble(Scored::score)
        .reversed()
        .thenComparingLong(s -> s.candidate().id()));
    var picked = new ArrayList<Scored>();
    for (var s : scored) {
      if (picked.size() == limit) break;
      if (picked.stream()
          .anyMatch(
              p -> nearDuplicates(p.candidate().fingerprint(), s.candidate().fingerprint())))
        continue;
      picked.add(s);
    }
    return picked.stream()
        .map(s -> new Pick(
            s.candidate().id(), s.score(), s.confidence(), s.candidate().similarity()))
        .toList();
  }

  private record Scored(SimilarArticle candidate, double confidence, double score) {}

  static boolean nearDuplicates(Fingerprint a, Fingerprint b) {
    return a.resemblance(b) >= NEAR_DUPLICATE_RESEMBLANCE
        || a.containment(b) >= NEAR_DUPLICATE_CONTAINMENT;
  }

  static double topicFactor(Set<Long> own, List<Long> theirs) {
    if (own.isEmpty()) return 1;
    long shared = theirs.stream().filter(own::contains).count();
    return 1 + TOPIC_BOOST * shared / own.size();
  }

  /**
   * Decay with the time between the two stories, not with the age of either: a page's links do
   * not change by themselves as days pass (it caches), and an archive story links to what was
   * news around it, as does a story published today.
   */
  static double recency(Instant a, Instant b) {
    if (a == null || b == null) return 1;
    double days = Math.abs(Duration.between(a, b).toMillis())
        / (double) Duration.ofDays(1).toMillis();
    double halfLives =
        days / (RECENCY_HALF_LIFE.toMillis() / (double) Duration.ofDays(1).toMillis());
    return RECENCY_FLOOR + (1 - RECENCY_FLOOR) * Math.pow(0.5, halfLives);
  }
}
