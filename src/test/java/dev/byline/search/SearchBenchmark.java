package dev.byline.search;

import dev.byline.bench.NewsCorpus;
import dev.byline.content.Article;
import dev.byline.content.ArticleStatus;
import dev.byline.content.Block;
import dev.byline.content.Section;
import dev.byline.content.Source;
import dev.byline.content.Topic;
import dev.byline.content.TopicType;
import dev.byline.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Search and related-article latency on a generated archive, indexed straight into Lucene by the
 * index's own document code (no database, no HTTP). Prints p50/p99 for reader searches (with
 * highlighting), for related candidates, and for Lucene's plain MoreLikeThis as a baseline
 * measured in the same run; plus index size and indexing time. See bench/RESULTS.md.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.byline.search.SearchBenchmark -Dexec.args="100000"
 * </pre>
 */
public final class SearchBenchmark {
  static final int STORY_SIZE = 5;
  static final int TOPICS = 5_000;
  static final long SEED = 42;

  private final NewsCorpus corpus;
  private final Instant start = Instant.parse("2020-01-01T00:00:00Z");

  SearchBenchmark(NewsCorpus corpus) {
    this.corpus = corpus;
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    var dir = Path.of(args.length > 1 ? args[1] : "target/bench-index-" + n);
    var corpus = NewsCorpus.fromWikinews(Fixtures.dir().resolve("corpus").resolve("wikinews"));
    System.out.printf("corpus vocabulary %,d words; articles %,d; index %s; cores %d; heap %d MB%n", corpus.vocabulary(), n,
        dir, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    new SearchBenchmark(corpus).run(n, dir);
  }

  Article article(int i) {
    var r = new Random(SEED * 1_000_003L + i);
    int story = i / STORY_SIZE;
    var names = List.of(NewsCorpus.name(story * 3L), NewsCorpus.name(story * 3L + 1), NewsCorpus.name(story * 3L + 2));
    var headline = corpus.sentence(r, 9, names);
    headline = headline.substring(0, Math.min(headline.length() - 1, 200));
    var standfirst = corpus.sentence(r, 20, names);
    if (standfirst.length() > 600) standfirst = standfirst.substring(0, 599);
    var body = new ArrayList<Block>();
    for (int p = 0; p < 8; p++) body.add(Block.Paragraph.ofText(corpus.sentence(r, 22, names) + " " + corpus.sentence(r, 22, names)));
    var section = new Section(1 + story % 8, "section-" + (1 + story % 8), "Section " + (1 + story % 8), "", 0);
    var topics = List.of(new Topic(1 + story % TOPICS, "topic-" + (1 + story % TOPICS), "Topic " + (story % TOPICS), TopicType.SUBJECT),
        new Topic(1 + r.nextInt(TOPICS), "t-" + i, "Topic", TopicType.SUBJECT));
    var when = start.plusSeconds(i * 150L + r.nextInt(120));
    return new Article(i + 1L, "story-" + (i + 1), ArticleStatus.PUBLISHED, headline, standfirst, "", Source.NONE, section,
        topics.get(0).id() == topics.get(1).id() ? topics.subList(0, 1) : topics, List.of(), null, body, Map.of(), "", "", "",
        when, null, null, null, when, when, 1);
  }

  void run(int n, Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    try (var index = SearchIndex.open(dir, null, null, StoryKeys.NONE, Clock.systemUTC())) {
      long t0 = System.nanoTime();
      var writer = index.writer();
      for (int i = 0; i < n; i++) {
        writer.addDocument(IndexSchema.document(article(i), null, index.analyzer()));
        if ((i + 1) % 100_000 == 0) System.out.printf("  indexed %,d in %.0f s%n", i + 1, (System.nanoTime() - t0) / 1e9);
      }
      writer.commit();
      index.searchers().maybeRefreshBlocking();
      double indexSeconds = (System.nanoTime() - t0) / 1e9;
      long bytes = size(dir);
      System.out.printf("full index build: %,d articles in %.1f s (%.0f articles/s); index size %.1f MB (%.2f KB/article); segments %d%n",
          n, indexSeconds, n / indexSeconds, bytes / 1e6, bytes / 1024.0 / n, index.withSearcher(s -> s.getIndexReader().leaves().size()));

      var r = new Random(7);
      var queries = new ArrayList<String>();
      for (int q = 0; q < 3_000; q++) queries.add(query(r, article(r.nextInt(n))));
      var search = time("search", 300, 2_000, i -> index.search(SearchQuery.of(queries.get(i % queries.size()))));
      var filtered = time("search + section filter, newest first", 200, 1_000, i -> index.search(new SearchQuery(
          queries.get(i % queries.size()), 1L + i % 8, null, null, null, SearchQuery.Sort.NEWEST, 1)));
      var related = time("related candidates (index.similar)", 200, 1_000, i -> {
        var a = article(r.nextInt(n));
        index.similar(new SimilarityRequest(a.id(), a.headline(), a.standfirst(), a.bodyText(), Set.of(), 30));
      });
      var mlt = time("baseline: plain MoreLikeThis", 100, 500, i -> index.plainMoreLikeThis(1L + r.nextInt(n), 3));
      System.out.printf("related p99 / plain MoreLikeThis p99 = %.2f%n", related[1] / mlt[1]);
      System.out.printf("search p99 %.2f ms, related p99 %.2f ms%n", search[1], related[1]);
      if (filtered.length == 0) throw new IllegalStateException();
    }
  }

  static String query(Random r, Article a) {
    var words = Arrays.stream(a.bodyText().split("[^\\p{L}]+")).filter(w -> w.length() > 3).toList();
    var w1 = words.get(r.nextInt(words.size()));
    var w2 = words.get(r.nextInt(words.size()));
    int kind = r.nextInt(20);
    if (kind < 12) return w1;
    if (kind < 17) return w1 + " " + w2;
    if (kind < 19) {
      int at = r.nextInt(words.size() - 1);
      return "\"" + words.get(at) + " " + words.get(at + 1) + "\"";
    }
    return w1.substring(0, Math.min(4, w1.length())) + "*";
  }

  /** Runs {@code work} warm-up times, then measured times; prints and returns {p50, p99} in ms. */
  static double[] time(String name, int warmup, int measured, IntConsumer work) {
    for (int i = 0; i < warmup; i++) work.accept(i);
    var ms = new double[measured];
    for (int i = 0; i < measured; i++) {
      long t = System.nanoTime();
      work.accept(warmup + i);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    double p50 = ms[measured / 2];
    double p99 = ms[(int) Math.ceil(measured * 0.99) - 1];
    System.out.printf("%-40s p50 %7.2f ms   p99 %7.2f ms   (%d runs after %d warm-up)%n", name, p50, p99, measured, warmup);
    return new double[] {p50, p99};
  }

  static long size(Path dir) throws java.io.IOException {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
