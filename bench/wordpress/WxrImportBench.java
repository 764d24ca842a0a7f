import dev.byline.Newsroom;
import dev.byline.config.ConfigLoader;
import dev.byline.migrate.Export;
import dev.byline.migrate.MigrationOptions;
import dev.byline.migrate.Progress;
import dev.byline.search.SearchIndex;
import dev.byline.search.StoryKeys;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;

/**
 * A WordPress site moved into SQLite: a generated export of COUNT posts imported through the
 * migration desk while the search index follows the change feed (as in the running server),
 * timed until the index has caught up. Baseline in the same run: a dry run of the same export
 * (read, checked, converted to blocks, nothing written). Heap use is sampled through the import
 * and printed at each tenth, as used and as live after the latest garbage collection.
 *
 * <pre>bench/wordpress/run.sh [COUNT]</pre>
 */
public final class WxrImportBench {
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    var csv = Path.of(args.length > 1 ? args[1] : "../shared/fixtures/corpus/wikinews");
    var tmp = Files.createTempDirectory("byline-bench-wxr-");
    var articles = WikinewsItems.read(csv);
    long t = System.nanoTime();
    var wxr = WxrCorpus.write(articles, count, tmp.resolve("site.xml"));
    System.out.printf(
        Locale.ROOT,
        "export: %d posts, %.1f MB of WXR, written in %.1f s from %d Wikinews articles%n",
        count,
        Files.size(wxr) / 1e6,
        (System.nanoTime() - t) / 1e9,
        articles.size());
    var export = Export.detect(wxr).orElseThrow();

    var dryData = tmp.resolve("dry");
    double dryRate;
    try (var newsroom = Newsroom.open(config(dryData), Clock.systemUTC())) {
      long t0 = System.nanoTime();
      var summary =
          newsroom.migrations().run(export, options(true, tmp.resolve("dry.txt")), Progress.NONE);
      double s = (System.nanoTime() - t0) / 1e9;
      dryRate = count / s;
      System.out.printf(
          Locale.ROOT,
          "baseline dry run (read twice, convert, write nothing): %.1f s = %.0f posts/s%n",
          s,
          count / s);
      System.out.println("  " + summary.line());
    }

    var data = tmp.resolve("data");
    try (var newsroom = Newsroom.open(config(data), Clock.systemUTC());
        var index = SearchIndex.open(
                data.resolve("index"),
                newsroom.published(),
                newsroom.feed(),
                StoryKeys.NONE,
                Clock.systemUTC())
            .start()) {
      var samples = new ArrayList<String>();
      Progress progress = (phase, done, total) -> {
        if (!phase.equals("posts") || total == 0) return;
        long tenth = Math.max(1, total / 10);
        if (done % tenth < MigrationOptions.DEFAULT_BATCH || done == total)
          samples.add(heap(done, total));
      };
      long t0 = System.nanoTime();
      var summary =
          newsroom.migrations().run(export, options(false, tmp.resolve("report.txt")), progress);
      double imported = (System.nanoTime() - t0) / 1e9;
      if (!index.awaitPosition(newsroom.feed().head(), 1_800_000))
        throw new IllegalStateException("index behind");
      double caughtUp = (System.nanoTime() - t0) / 1e9;
      int published = summary.count("published");
      if (index.size() < published)
        throw new IllegalStateException("indexed " + index.size() + " of " + published);
      System.out.println("import: " + summary.line());
      System.out.printf(
          Locale.ROOT,
          "import into SQLite: %.1f s = %.0f posts/s; with the search index caught up "
              + "(%d published stories indexed): %.1f s = %.0f posts/s (%.2f of the dry-run rate)%n",
          imported,
          count / imported,
          index.size(),
          caughtUp,
          count / caughtUp,
          (count / caughtUp) / dryRate);
      System.out.println(
          "heap through the post pass (-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m):");
      samples.forEach(s -> System.out.println("  " + s));
    }
    var os = ManagementFactory.getOperatingSystemMXBean();
    System.out.printf(
        Locale.ROOT,
        "machine load average at the end: %.1f on %d cores%n",
        os.getSystemLoadAverage(),
        os.getAvailableProcessors());
    System.out.println(
        "target: at least 1000 posts/s into SQLite with the search index caught up; heap flat");
  }

  static dev.byline.config.Config config(Path data) {
    return new ConfigLoader(Map.of()).load(Map.of("data", data.toString()), null);
  }

  static MigrationOptions options(boolean dry, Path report) {
    return new MigrationOptions(
        dry, null, false, "", false, report, MigrationOptions.DEFAULT_BATCH);
  }

  static String heap(long done, long total) {
    var used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long live = -1;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof com.sun.management.GarbageCollectorMXBean g && g.getLastGcInfo() != null) {
        long sum = 0;
        for (var u : g.getLastGcInfo().getMemoryUsageAfterGc().values()) sum += u.getUsed();
        live = Math.max(live, sum);
      }
    }
    return String.format(
        Locale.ROOT,
        "%3d%% (%,d posts): heap used %4d MB, live after last GC %4d MB",
        done * 100 / total,
        done,
        used >> 20,
        live >> 20);
  }
}
