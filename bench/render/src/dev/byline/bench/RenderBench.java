package dev.byline.bench;

import dev.byline.Newsroom;
import dev.byline.ads.AdsSettings;
import dev.byline.config.ConfigLoader;
import dev.byline.content.Article;
import dev.byline.content.RelatedArticles;
import dev.byline.site.ArticlePages;
import dev.byline.site.Site;
import dev.byline.web.StaticAssets;
import dev.byline.web.Views;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The article page rendered in process, without HTTP or the page cache: what a cache miss costs in
 * time and in bytes allocated on the rendering thread. Every demo story is rendered in turn; the
 * figures are medians over rounds, after a warm-up long enough for the JIT. {@link RenderAB}
 * runs two builds of it side by side in one JVM.
 */
public final class RenderBench {
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
    var bench = setUp();
    bench.apply(perRound * 2); // warm-up
    var micros = new double[rounds];
    var allocated = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      var m = bench.apply(perRound);
      micros[r] = m[0];
      allocated[r] = m[1];
    }
    Arrays.sort(micros);
    Arrays.sort(allocated);
    System.out.printf(
        "%d rounds of %d renders, Java %s%n", rounds, perRound, System.getProperty("java.version"));
    System.out.printf(
        "per render: median %.1f µs (rounds %.1f to %.1f), median %,.0f bytes allocated%n",
        micros[rounds / 2], micros[0], micros[rounds - 1], allocated[rounds / 2]);
  }

  /**
   * Seeds a demo newsroom in a temporary folder and returns a round: given n, it renders n article
   * pages and answers microseconds and bytes allocated per render. Only JDK types cross this
   * boundary, so builds loaded side by side can be driven alike.
   */
  public static IntFunction<double[]> setUp() throws Exception {
    // Registers this class loader's SQLite driver: JDBC finds drivers once per JVM, and RenderAB
    // loads two builds side by side.
    Class.forName("org.sqlite.JDBC");
    var dir = Files.createTempDirectory("byline-render-bench");
    var config = new ConfigLoader(Map.of())
        .load(Map.of("data", dir.toString(), "port", "0", "demo", "true"), null);
    var newsroom = Newsroom.open(config, Clock.systemUTC());
    newsroom.demo().seed();
    // Rendering a page never touches the page cache, so the site is given none.
    var site = new Site(
        config,
        new Views(),
        null,
        newsroom.sections(),
        dev.byline.site.SiteText.addTo(StaticAssets.load()));
    var pages = new ArticlePages(
        site,
        newsroom.published(),
        RelatedArticles.NONE,
        AdsSettings.from(config),
        true,
        null,
        newsroom.feed());
    var articles = new ArrayList<Article>();
    for (var s : newsroom.published().latest(1, 100).items())
      articles.add(newsroom.articles().byId(s.id()).orElseThrow());
    long bytes = 0;
    for (var a : articles) bytes += pages.page(a).body().length;
    System.out.printf(
        "Render benchmark: article page, %d demo stories (mean page %,d bytes)%n",
        articles.size(), bytes / articles.size());
    return n -> run(pages, articles, n);
  }

  /** Renders n pages; returns microseconds and allocated bytes per render on this thread. */
  private static double[] run(ArticlePages pages, List<Article> articles, int n) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long bytesBefore = threads.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    long sink = 0;
    for (int i = 0; i < n; i++)
      sink += pages.page(articles.get(i % articles.size())).body().length;
    long nanos = System.nanoTime() - start;
    long bytes = threads.getCurrentThreadAllocatedBytes() - bytesBefore;
    if (sink == 42) System.out.println();
    return new double[] {nanos / 1e3 / n, (double) bytes / n};
  }
}
