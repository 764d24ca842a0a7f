import dev.byline.Newsroom;
import dev.byline.config.ConfigLoader;
import dev.byline.search.SearchIndex;
import dev.byline.wire.ReadContext;
import dev.byline.wire.WireDesk;
import dev.byline.wire.WireFormats;
import dev.byline.wire.WireImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Bulk import throughput into SQLite, in items per second, against a baseline measured in the
 * same run: reading (parsing) the same files without storing them.
 *
 * <pre>bench/wire/run.sh import [COUNT]</pre>
 */
public final class WireImportBench {
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    var csv = Path.of(args.length > 1 ? args[1] : "../shared/fixtures/corpus/wikinews");
    var tmp = Files.createTempDirectory("byline-bench-import-");
    var articles = WikinewsItems.read(csv);
    var items = WikinewsItems.write(articles, count, tmp.resolve("items"));
    System.out.printf(
        Locale.ROOT,
        "items: %d ninjs files from %d Wikinews articles (%.1f MB)%n",
        count,
        articles.size(),
        sizeOf(items) / 1e6);

    // Baseline: read every file (parse + convert to blocks), store nothing. Best of two runs.
    double parseRate = 0;
    double parseCpuRate = 0;
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int run = 0; run < 2; run++) {
      long t0 = System.nanoTime();
      long c0 = threads.getCurrentThreadCpuTime();
      int n = 0;
      try (var files = Files.list(items)) {
        for (var f : files.sorted().toList()) {
          n += WireFormats.read(
                  Files.readAllBytes(f),
                  ReadContext.of("bench", f.getFileName().toString(), Instant.now()))
              .size();
        }
      }
      parseRate = Math.max(parseRate, n / ((System.nanoTime() - t0) / 1e9));
      parseCpuRate = Math.max(parseCpuRate, n / ((threads.getCurrentThreadCpuTime() - c0) / 1e9));
    }

    for (int mode = 0; mode < 3; mode++) {
      boolean publish = mode > 0;
      boolean indexed = mode == 2;
      var data = tmp.resolve("data-" + mode);
      var config = new ConfigLoader(Map.of()).load(Map.of("data", data.toString()), null);
      try (var newsroom = Newsroom.open(config, Clock.systemUTC())) {
        var wire = newsroom.wire();
        // As in the running server: the search index follows the change feed on its own thread.
        var index = indexed
            ? SearchIndex.open(
                    data.resolve("index"),
                    newsroom.published(),
                    newsroom.feed(),
                    wire.storyKeys(),
                    Clock.systemUTC())
                .start()
            : null;
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        var summary = wire.importer()
            .run(
                items,
                wire.source("bench", config),
                new WireDesk.Options(publish, "", publish),
                WireImport.Progress.NONE);
        if (index != null) {
          if (!index.awaitPosition(newsroom.feed().head(), 600_000))
            throw new IllegalStateException("the index did not catch up");
          if (index.size() < summary.imported())
            throw new IllegalStateException("indexed " + index.size());
          index.close();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        double rate = summary.imported() / seconds;
        System.out.printf(
            Locale.ROOT,
            "import %-22s %s in %.2f s = %.0f items/s wall, %.0f items per CPU-second "
                + "(%.2f of the parse-only rate)%n",
            indexed ? "--publish + search:" : publish ? "--publish (articles):" : "to the inbox:",
            summary.line(),
            seconds,
            rate,
            summary.imported() / cpu,
            rate / parseRate);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "baseline parse only: %.0f items/s wall, %.0f items per CPU-second%n",
        parseRate,
        parseCpuRate);
    System.out.printf(
        Locale.ROOT,
        "machine load average at the end: %.1f on %d cores%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    System.out.println("target: at least 1000 items/s into SQLite");
  }

  private static long sizeOf(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
