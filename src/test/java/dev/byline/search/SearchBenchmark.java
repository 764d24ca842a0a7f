package dev.byline.search;

import dev.byline.bench.NewsCorpus;
import dev.byline.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.apache.lucene.index.ConcurrentMergeScheduler;

/**
 * Search and related-article latency on a generated archive, indexed straight into Lucene by the
 * index's own document code (no database, no HTTP). Prints p50/p99 for reader searches (with
 * highlighting), for related candidates, and for Lucene's plain MoreLikeThis as a baseline
 * measured in the same run; plus index size, indexing time and the memory each run allocates.
 * Timing starts after an untimed round of other queries. {@code -Dreuse=true} times an index a
 * previous run built; {@code -Dslowest=N} lists the N slowest queries of each kind. See
 * bench/RESULTS.md.
 *
 * <pre>
 * mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx4g -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.byline.search.SearchBenchmark 100000
 * </pre>
 */
public final class SearchBenchmark {
  static final int INDEXING_THREADS = 2;
  static final int RAM_BUFFER_MB = 512;
  /** What the related engine asks the index for (RelatedFinder.CANDIDATES). */
  static final int RELATED_CANDIDATES = 20;

  static final int WARMUP_SEARCHES = 3_000;
  static final int WARMUP_RELATED = 600;

  private final GeneratedArchive archive;

  SearchBenchmark(NewsCorpus corpus) {
    this.archive = new GeneratedArchive(corpus);
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    var dir = Path.of(args.length > 1 ? args[1] : "target/bench-index-" + n);
    var corpus = NewsCorpus.fromWikinews(Fixtures.dir().resolve("corpus").resolve("wikinews"));
    System.out.printf(
        "corpus vocabulary %,d words; articles %,d; index %s; cores %d; heap %d MB%n",
        corpus.vocabulary(),
        n,
        dir,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    new SearchBenchmark(corpus).run(n, dir);
  }

  void run(int n, Path dir) throws Exception {
    boolean reuse = Boolean.getBoolean("reuse") && Files.exists(dir.resolve("write.lock"));
    if (Files.exists(dir) && !reuse) {
      try (var files = Files.walk(dir)) {
        files
            .sorted(java.util.Comparator.reverseOrder())
            .forEach(p -> p.toFile().delete());
      }
    }
    boolean complete = reuse;
    try (var index = SearchIndex.open(dir, null, null, StoryKeys.NONE, Clock.systemUTC())) {
      var writer = index.writer();
      // A bulk build: a large buffer flushes fewer, larger segments (the server's writer keeps 64
      // MB).
      writer.getConfig().setRAMBufferSizeMB(RAM_BUFFER_MB);
      if (reuse) {
        // -Dreuse=true: time the queries again on the index a previous run built.
        System.out.printf(
            "reusing the index in %s: %,d articles, %.1f MB%n", dir, index.size(), size(dir) / 1e6);
        measure(index, n);
        return;
      }
      long t0 = System.nanoTime();
      var next = new AtomicInteger();
      var threads = new ArrayList<Thread>();
      var failure = new AtomicReference<Throwable>();
      for (int t = 0; t < INDEXING_THREADS; t++) {
        var thread = new Thread(() -> {
          try {
            int i;
            while ((i = next.getAndIncrement()) < n && failure.get() == null) {
              writer.addDocument(
                  IndexSchema.document(archive.article(i).indexed(), index.analyzer()));
              if ((i + 1) % 100_000 == 0)
                System.out.printf(
                    "  indexed %,d in %.0f s%n", i + 1, (System.nanoTime() - t0) / 1e9);
            }
          } catch (Throwable e) {
            failure.set(e);
          }
        });
        thread.start();
        threads.add(thread);
      }
      for (var thread : threads) thread.join();
      if (failure.get() != null) throw new IllegalStateException(failure.get());
      writer.commit();
      double indexSeconds = (System.nanoTime() - t0) / 1e9;
      // Let background merges finish so they do not compete with the timed queries.
      var merges = (ConcurrentMergeScheduler) writer.getConfig().getMergeScheduler();
      while (writer.hasPendingMerges() || merges.mergeThreadCount() > 0) Thread.sleep(200);
      // Marked as a complete index of this schema, so -Dreuse=true can open it again as it is.
      writer.setLiveCommitData(Map.of(
              SearchIndex.SCHEMA_KEY,
              Integer.toString(IndexSchema.VERSION),
              SearchIndex.FEED_KEY,
              "0")
          .entrySet());
      writer.commit();
      complete = true;
      index.searchers().maybeRefreshBlocking();
      double mergedSeconds = (System.nanoTime() - t0) / 1e9;
      long bytes = size(dir);
      System.out.printf(
          "full index build: %,d articles in %.1f s (%.0f articles/s, %d threads, %d MB buffer); "
              + "merges done at %.1f s; index size %.1f MB (%.2f KB/article); segments %d%n",
          n,
          indexSeconds,
          n / indexSeconds,
          INDEXING_THREADS,
          RAM_BUFFER_MB,
          mergedSeconds,
          bytes / 1e6,
          bytes / 1024.0 / n,
          index.withSearcher(s -> s.getIndexReader().leaves().size()));
      measure(index, n);
    }
    if (complete) Files.deleteIfExists(dir.resolve(SearchIndex.DIRTY_MARKER));
  }

  void measure(SearchIndex index, int n) {
    {
      // What is timed is a running server, not one still compiling its hot paths: first a round of
      // other queries and articles, untimed (on a fresh JVM the compiler otherwise takes the second
      // core and stalls the first runs).
      var w = new Random(11);
      for (int q = 0; q < WARMUP_SEARCHES; q++)
        index.search(SearchQuery.of(query(w, archive.article(w.nextInt(n)).body())));
      for (int q = 0; q < WARMUP_RELATED; q++) {
        var a = archive.article(w.nextInt(n));
        index.similar(new SimilarityRequest(
            a.id(), a.headline(), a.standfirst(), a.body(), Set.of(), RELATED_CANDIDATES));
      }
      var r = new Random(7);
      var queries = new ArrayList<String>();
      for (int q = 0; q < 3_000; q++)
        queries.add(query(r, archive.article(r.nextInt(n)).body()));
      var search = time(
          "search", 300, 2_000, i -> index.search(SearchQuery.of(queries.get(i % queries.size()))));
      // The same kinds of query timed apart, to show where the tail comes from.
      var byKind = new java.util.TreeMap<String, java.util.List<String>>();
      for (var q : queries)
        byKind.computeIfAbsent(kindOf(q), k -> new ArrayList<>()).add(q);
      int slowest = Integer.getInteger("slowest", 0);
      for (var e : byKind.entrySet()) {
        var list = e.getValue();
        int runs = Math.min(list.size(), 300);
        var each = new double[50 + runs];
        time("  of which " + e.getKey(), 50, runs, i -> {
          long t = System.nanoTime();
          index.search(SearchQuery.of(list.get(i % list.size())));
          each[i] = (System.nanoTime() - t) / 1e6;
        });
        // -Dslowest=N: the N slowest queries of each kind, to show what the tail is made of.
        for (int i : slowestRuns(each, 50, slowest)) {
          var q = list.get(i % list.size());
          System.out.printf(
              "      %7.2f ms  %s  (%,d hits)%n",
              each[i], q, index.search(SearchQuery.of(q)).total());
        }
      }
      var filtered = time(
          "search + section filter, newest first",
          200,
          1_000,
          i -> index.search(new SearchQuery(
              queries.get(i % queries.size()),
              1L + i % 8,
              null,
              null,
              null,
              SearchQuery.Sort.NEWEST,
              1)));
      // Requests made up front: generating an article's text is not part of what is timed.
      var requests = new ArrayList<SimilarityRequest>();
      for (int q = 0; q < 1_200; q++) {
        var a = archive.article(r.nextInt(n));
        requests.add(new SimilarityRequest(
            a.id(), a.headline(), a.standfirst(), a.body(), Set.of(), RELATED_CANDIDATES));
      }
      var eachRelated = new double[1_200];
      var related = time("related candidates (index.similar)", 200, 1_000, i -> {
        long t = System.nanoTime();
        index.similar(requests.get(i));
        eachRelated[i] = (System.nanoTime() - t) / 1e6;
      });
      for (int i : slowestRuns(eachRelated, 200, slowest)) {
        System.out.printf(
            "      %7.2f ms  related for article %d (%,d body chars)%n",
            eachRelated[i], requests.get(i).articleId(), requests.get(i).body().length());
      }
      var mlt = time(
          "baseline: plain MoreLikeThis",
          100,
          500,
          i -> index.plainMoreLikeThis(1L + r.nextInt(n), 3));
      System.out.printf("related p99 / plain MoreLikeThis p99 = %.2f%n", related[1] / mlt[1]);
      System.out.printf("search p99 %.2f ms, related p99 %.2f ms%n", search[1], related[1]);
      if (filtered.length == 0) throw new IllegalStateException();
    }
  }

  static String kindOf(String query) {
    if (query.startsWith("\"")) return "phrases";
    if (query.endsWith("*")) return "prefixes";
    return query.contains(" ") ? "two words" : "one word";
  }

  static String query(Random r, String body) {
    var words =
        Arrays.stream(body.split("[^\\p{L}]+")).filter(w -> w.length() > 3).toList();
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

  /** Indexes of the {@code count} largest times after the warm-up runs, largest first. */
  static int[] slowestRuns(double[] ms, int warmup, int count) {
    return java.util.stream.IntStream.range(warmup, ms.length)
        .boxed()
        .sorted(java.util.Comparator.comparingDouble((Integer i) -> ms[i]).reversed())
        .limit(count)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** Runs {@code work} warm-up times, then measured times; prints and returns {p50, p99} in ms. */
  static double[] time(String name, int warmup, int measured, IntConsumer work) {
    for (int i = 0; i < warmup; i++) work.accept(i);
    var ms = new double[measured];
    // Garbage made per run: on two cores a collector pause that lands on a query is that query's
    // time, so the less each query allocates, the fewer queries a pause lands on.
    var threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < measured; i++) {
      long t = System.nanoTime();
      work.accept(warmup + i);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
    Arrays.sort(ms);
    double p50 = ms[measured / 2];
    double p99 = ms[(int) Math.ceil(measured * 0.99) - 1];
    System.out.printf(
        "%-40s p50 %7.2f ms   p99 %7.2f ms   (%d runs after %d warm-up; %,d KB allocated per run)%n",
        name, p50, p99, measured, warmup, allocated / measured / 1024);
    return new double[] {p50, p99};
  }

  static long size(Path dir) throws java.io.IOException {
    try (var files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(p -> p.toFile().length())
          .sum();
    }
  }
}
