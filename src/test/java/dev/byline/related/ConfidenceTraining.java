package dev.byline.related;

import dev.byline.Newsroom;
import dev.byline.content.Article;
import dev.byline.content.Block;
import dev.byline.search.Fingerprint;
import dev.byline.search.SearchIndex;
import dev.byline.search.SimilarArticle;
import dev.byline.search.SimilarityRequest;
import dev.byline.search.StoryKeys;
import dev.byline.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fits {@link Confidence} to the ECB+ dev split and says how well it carries over to stories it
 * was not fitted on: the ECB+ topics are split into {@link #FOLDS} groups, and each group's
 * articles are planned (READ links placed, Related list filled, as the article page does) by a
 * model fitted on the other groups only. Whole topics are held out because a new topic is what
 * the engine meets in a newsroom; holding out single articles would let a model learn a topic's
 * names from its neighbours. Each piece of evidence is measured by fitting the model without it.
 *
 * <p>Not part of the build's tests (it prints, it asserts nothing): run it with
 *
 * <pre>
 * mvn -B -q -o test -Dtest=ConfidenceTraining -Drelated.train=true
 * </pre>
 *
 * and copy the final weights into {@link Confidence#DEFAULT} if they are to change.
 */
@EnabledIfSystemProperty(named = "related.train", matches = "true")
class ConfidenceTraining {
  static final int FOLDS = 5;
  static final String[] FEATURES = {"similarity", "relative", "names", "headline", "years"};

  @TempDir
  Path dir;

  /** One candidate of one article, as the engine sees it, with the ECB+ answer. */
  record Example(long articleId, int topic, double[] x, boolean same) {}

  record Variant(String name, boolean[] uses) {}

  @Test
  void fit_with_topics_held_out_and_print_the_figures() throws Exception {
    var config = TestDatabases.sqlite(dir.resolve("data"), EcbPlusCorpus.settings());
    var files = Files.createDirectories(dir.resolve("ninjs"));
    try (var newsroom = Newsroom.open(config, Clock.systemUTC());
        var index = SearchIndex.open(
                dir.resolve("index"),
                newsroom.published(),
                newsroom.feed(),
                StoryKeys.NONE,
                Clock.systemUTC())
            .start()) {
      var labelled =
          EcbPlusCorpus.load(newsroom, config, files, RelatedQualityTest.SEED).articles();
      index.awaitPosition(newsroom.feed().head(), 120_000);
      var byId = EcbPlusCorpus.byId(labelled);
      var articles = new HashMap<Long, Article>();
      for (var l : labelled)
        articles.put(l.articleId(), newsroom.articles().byId(l.articleId()).orElseThrow());
      var examples = new ArrayList<Example>();
      for (var l : labelled) examples.addAll(examples(index, articles.get(l.articleId()), l, byId));
      var choices = new RelatedChoices(newsroom.db(), newsroom.feed(), Clock.systemUTC());
      var plans = new Plans(
          labelled,
          byId,
          articles,
          m -> new RelatedFinder(
              index,
              newsroom.published(),
              choices,
              StoryKeys.NONE,
              RelatedFinder.DEFAULT_INLINE_MAX,
              RelatedFinder.DEFAULT_LIST_MAX,
              m));

      System.out.println("Held-out figures (" + FOLDS + " folds of whole ECB+ topics), "
          + examples.size() + " candidates of " + labelled.size() + " articles:");
      var variants = List.of(
          new Variant("cosine and relative cosine", mask(true, true, false, false, false)),
          new Variant("+ names", mask(true, true, true, false, false)),
          new Variant("+ years", mask(true, true, false, false, true)),
          new Variant("+ headline", mask(true, true, false, true, false)),
          new Variant("+ names, years, headline", mask(true, true, true, true, true)));
      Map<Integer, Confidence> allFeatures = null;
      for (var v : variants) {
        var models = foldModels(examples, v.uses());
        System.out.println("  " + v.name());
        plans.print(models, Confidence.READ_AT, Confidence.LIST_AT);
        allFeatures = models;
      }
      System.out.println("Thresholds, all evidence, held out (READ at / list at):");
      for (double read : new double[] {0.9, 0.95, 0.98})
        for (double list : new double[] {0.5, 0.8, 0.9})
          if (list <= read) {
            System.out.printf("  %.2f / %.2f%n", read, list);
            plans.print(allFeatures, read, list);
          }
      var fitted = Logistic.fit(examples, mask(true, true, true, true, true));
      System.out.println("Fitted on every dev article: " + fitted);
    }
  }

  static boolean[] mask(boolean... uses) {
    return uses;
  }

  /** For each fold, a model fitted on the other folds' topics. */
  private static Map<Integer, Confidence> foldModels(List<Example> examples, boolean[] uses) {
    var models = new HashMap<Integer, Confidence>();
    for (int f = 0; f < FOLDS; f++) {
      int fold = f;
      models.put(
          f,
          Logistic.fit(examples.stream().filter(e -> foldOf(e.topic()) != fold).toList(), uses));
    }
    return models;
  }

  static int foldOf(int topic) {
    return Math.floorMod(topic * 7 + 3, FOLDS);
  }

  /** The candidates the engine weighs for a plan, with their evidence. */
  private static List<Example> examples(
      SearchIndex index,
      Article a,
      EcbPlusCorpus.Labelled l,
      Map<Long, EcbPlusCorpus.Labelled> byId) {
    int wanted = RelatedFinder.DEFAULT_INLINE_MAX + RelatedFinder.DEFAULT_LIST_MAX;
    var found = index.similar(new SimilarityRequest(
        a.id(),
        a.headline(),
        a.standfirst(),
        a.bodyText(),
        Set.of(),
        Math.max(RelatedFinder.CANDIDATES, wanted * 3)));
    var own = Fingerprint.of(a.headline() + "\n" + a.standfirst() + "\n" + a.bodyText());
    var eligible = found.stream()
        .filter(c -> !RelatedFinder.nearDuplicates(own, c.fingerprint()))
        .toList();
    double best =
        eligible.stream().mapToDouble(SimilarArticle::similarity).max().orElse(0);
    var out = new ArrayList<Example>();
    for (var c : eligible) {
      var x = new double[] {
        c.similarity(),
        best <= 0 ? 0 : c.similarity() / best,
        c.nameSimilarity(),
        c.headlineSimilarity(),
        Confidence.yearStep(c.years())
      };
      out.add(new Example(a.id(), l.topic(), x, byId.get(c.id()).event().equals(l.event())));
    }
    return out;
  }

  /** Plans every article with its fold's model and tallies the links as the page would show them. */
  private record Plans(
      List<EcbPlusCorpus.Labelled> labelled,
      Map<Long, EcbPlusCorpus.Labelled> byId,
      Map<Long, Article> articles,
      java.util.function.Function<Confidence, RelatedFinder> finder) {
    void print(Map<Integer, Confidence> models, double readAt, double listAt) {
      var read = LinkTally.EMPTY;
      var longer = LinkTally.EMPTY;
      var list = LinkTally.EMPTY;
      long nanos = 0;
      var finders = new HashMap<Integer, RelatedFinder>();
      models.forEach((f, m) -> finders.put(f, finder.apply(m.withThresholds(readAt, listAt))));
      for (var l : labelled) {
        var a = articles.get(l.articleId());
        long t = System.nanoTime();
        var plan = finders.get(foldOf(l.topic())).planFor(a);
        nanos += System.nanoTime() - t;
        var readIds = new ArrayList<Long>();
        for (var b : plan.body()) if (b instanceof Block.RelatedLink r) readIds.add(r.articleId());
        read = read.plus(LinkTally.of("READ: links", l, readIds, byId, Integer.MAX_VALUE));
        if (a.body().stream().filter(b -> b instanceof Block.Paragraph).count() >= 2)
          longer = longer.plus(
              LinkTally.of("READ: links, 2+ paragraphs", l, readIds, byId, Integer.MAX_VALUE));
        var listIds = plan.related().stream().map(s -> s.id()).toList();
        list = list.plus(LinkTally.of("Related list, first three", l, listIds, byId, 3));
      }
      for (var t : List.of(read, longer, list)) System.out.println("    " + t.line());
      System.out.printf(
          "    plan: %.2f ms per article (candidates, policy, placement)%n",
          nanos / 1e6 / labelled.size());
    }
  }

  /** Logistic regression by gradient descent on standardised evidence, with a light L2 penalty. */
  static final class Logistic {
    static final int ITERATIONS = 4_000;
    static final double LEARNING_RATE = 0.5;
    static final double L2 = 1e-3;

    static Confidence fit(List<Example> examples, boolean[] uses) {
      int d = FEATURES.length;
      var mean = new double[d];
      var sd = new double[d];
      for (var e : examples) for (int j = 0; j < d; j++) mean[j] += e.x()[j] / examples.size();
      for (var e : examples)
        for (int j = 0; j < d; j++) sd[j] += Math.pow(e.x()[j] - mean[j], 2) / examples.size();
      for (int j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]) + 1e-9;
      var w = new double[d + 1];
      var grad = new double[d + 1];
      for (int it = 0; it < ITERATIONS; it++) {
        java.util.Arrays.fill(grad, 0);
        for (var e : examples) {
          double z = w[d];
          for (int j = 0; j < d; j++) if (uses[j]) z += w[j] * (e.x()[j] - mean[j]) / sd[j];
          double err = 1 / (1 + Math.exp(-z)) - (e.same() ? 1 : 0);
          grad[d] += err;
          for (int j = 0; j < d; j++) if (uses[j]) grad[j] += err * (e.x()[j] - mean[j]) / sd[j];
        }
        for (int j = 0; j <= d; j++) {
          double penalty = j < d ? L2 * w[j] : 0;
          w[j] -= LEARNING_RATE * (grad[j] / examples.size() + penalty);
        }
      }
      // Back to the raw scale of the evidence, as Confidence takes it.
      var raw = new double[d];
      double bias = w[d];
      for (int j = 0; j < d; j++) {
        raw[j] = uses[j] ? w[j] / sd[j] : 0;
        bias -= raw[j] * mean[j];
      }
      return new Confidence(
          round(bias),
          round(raw[0]),
          round(raw[1]),
          round(raw[2]),
          round(raw[3]),
          round(raw[4]),
          Confidence.READ_AT,
          Confidence.LIST_AT);
    }

    private static double round(double v) {
      return Math.round(v * 100) / 100.0;
    }
  }
}
