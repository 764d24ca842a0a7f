import dev.byline.Byline;
import dev.byline.config.ConfigLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;

/**
 * Time from a file landing in a source's drop folder (an atomic rename, as agencies deliver) to
 * its auto-published article answering 200 over HTTP, with the default scan interval. The
 * baseline in the same run is the time to fetch an already-published article page.
 *
 * <pre>bench/wire/run.sh latency [COUNT]</pre>
 */
public final class DropLatencyBench {
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    var tmp = Files.createTempDirectory("byline-bench-latency-");
    var drop = tmp.resolve("drop");
    var config = new ConfigLoader(Map.of())
        .load(
            Map.of(
                "data",
                tmp.resolve("data").toString(),
                "port",
                "0",
                "http.host",
                "127.0.0.1",
                "wire.sources",
                "bench",
                "wire.source.bench.folder",
                drop.toString(),
                "wire.source.bench.publish",
                "auto",
                "wire.source.bench.section",
                "news"),
            null);
    var http = HttpClient.newHttpClient();
    try (var byline = Byline.start(config)) {
      byline.newsroom().sections().ensure("news", "News", "", 1);
      Files.createDirectories(drop);
      var latencies = new ArrayList<Double>();
      var baseline = new ArrayList<Double>();
      for (int i = 0; i < count; i++) {
        var headline = "Bench story number " + i + " lands";
        var json = "{\"uri\":\"urn:bench:latency:" + i + "\",\"type\":\"text\",\"version\":\"1\","
            + "\"versioncreated\":\"2026-03-01T10:00:00Z\",\"headline\":\"" + headline + "\","
            + "\"body_text\":\"A paragraph of text.\\n\\nAnother paragraph.\"}";
        var tmpFile = drop.resolve(".item-" + i + ".tmp");
        Files.writeString(tmpFile, json);
        long t0 = System.nanoTime();
        Files.move(tmpFile, drop.resolve("item-" + i + ".json"), StandardCopyOption.ATOMIC_MOVE);
        var url = URI.create(byline.url() + "news/bench-story-number-" + i + "-lands");
        long deadline = t0 + 30_000_000_000L;
        while (true) {
          var r = http.send(
              HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding());
          if (r.statusCode() == 200) break;
          if (System.nanoTime() > deadline)
            throw new IllegalStateException("story " + i + " was not served within 30 s");
          Thread.sleep(5);
        }
        latencies.add((System.nanoTime() - t0) / 1e6);
        long b0 = System.nanoTime();
        http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding());
        baseline.add((System.nanoTime() - b0) / 1e6);
      }
      Collections.sort(latencies);
      Collections.sort(baseline);
      System.out.printf(
          Locale.ROOT,
          "drop to served, %d stories: median %.0f ms, p95 %.0f ms, max %.0f ms (scan every %d ms)%n",
          count,
          pct(latencies, 50),
          pct(latencies, 95),
          latencies.get(latencies.size() - 1),
          byline.newsroom().wire().sources().scanMillis());
      System.out.printf(
          Locale.ROOT,
          "baseline, fetching the published page again: median %.1f ms%n",
          pct(baseline, 50));
      System.out.printf(
          Locale.ROOT,
          "machine load average: %.1f on %d cores%n",
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());
      System.out.println("target: at most 2000 ms");
    }
  }

  private static double pct(java.util.List<Double> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
