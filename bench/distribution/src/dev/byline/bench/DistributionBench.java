package dev.byline.bench;

import dev.byline.Newsroom;
import dev.byline.config.ConfigLoader;
import dev.byline.content.PublishedArchive;
import dev.byline.distribution.DistributionSettings;
import dev.byline.distribution.FeedBuilder;
import dev.byline.distribution.FeedFormat;
import dev.byline.distribution.FeedScope;
import dev.byline.distribution.FeedWriter;
import dev.byline.distribution.Sitemaps;
import dev.byline.site.FeedText;
import dev.byline.web.Views;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Times the full sitemap set and the front-page feeds of an existing data directory, and reports
 * the peak heap each phase used. The baseline is a bare keyset walk over the same published rows
 * (what any sitemap must at least read), measured in the same run.
 *
 * <p>Usage: {@code DistributionBench DATA_DIR}; run it with a small {@code -Xmx} to show that
 * memory stays bounded.
 */
public final class DistributionBench {
  /** Counts bytes and throws them away. */
  static final class Counting extends OutputStream {
    long bytes;
    long fileMax;
    long file;

    @Override
    public void write(int b) {
      bytes++;
      file++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
      file += len;
    }

    void endFile() {
      fileMax = Math.max(fileMax, file);
      file = 0;
    }
  }

  public static void main(String[] args) throws Exception {
    var dir = Path.of(args[0]);
    var config = new ConfigLoader(Map.of())
        .load(Map.of("data", dir.toString(), "base.url", "https://news.example.org"), null);
    try (var newsroom = Newsroom.open(config, Clock.systemUTC())) {
      var articles = newsroom.published();
      var settings = DistributionSettings.from(config);
      var sitemaps = new Sitemaps(
          config.baseUrl(),
          config.siteName(),
          config.languageTag(),
          articles,
          settings.urlsPerSitemap(),
          Clock.systemUTC());
      System.out.printf(
          "articles=%d urls_per_file=%d max_heap_mb=%d%n",
          articles.countPublished(),
          sitemaps.urlsPerFile(),
          Runtime.getRuntime().maxMemory() >> 20);

      // Baseline: read every published row in the same keyset batches, write nothing.
      resetPeak();
      long t0 = System.nanoTime();
      long rows = 0;
      var archive = articles.archive();
      for (var m : archive.months()) {
        var after = PublishedArchive.Cursor.START;
        List<PublishedArchive.PublishedEntry> batch;
        while (!(batch = archive.inMonth(m.month(), after, 1000)).isEmpty()) {
          rows += batch.size();
          after = PublishedArchive.Cursor.after(batch.get(batch.size() - 1));
        }
      }
      double baseline = seconds(t0);
      System.out.printf(
          "baseline_walk rows=%d seconds=%.2f peak_heap_mb=%.1f%n", rows, baseline, peakMb());

      // The full sitemap set: the index and every file it lists.
      resetPeak();
      long t1 = System.nanoTime();
      var out = new Counting();
      sitemaps.writeIndex(out);
      out.endFile();
      long urls = 0;
      var listed = sitemaps.listed();
      for (var l : listed) {
        urls += sitemaps.write(l.sitemap(), out);
        out.endFile();
      }
      double sitemapSeconds = seconds(t1);
      System.out.printf(
          "sitemap_set files=%d urls=%d bytes=%d largest_file_bytes=%d seconds=%.2f peak_heap_mb=%.1f ratio_to_baseline=%.2f%n",
          listed.size() + 1,
          urls,
          out.bytes,
          out.fileMax,
          sitemapSeconds,
          peakMb(),
          sitemapSeconds / baseline);

      // The front page's feeds, full text, cold then warm.
      var publisher = new FeedBuilder.Publisher(
          config.siteName(),
          config.baseUrl(),
          config.languageTag(),
          config.baseUrl() + "/static/favicon.svg",
          config.baseUrl() + "/static/logo.svg");
      var messages = dev.byline.i18n.Messages.of(config.language());
      var text =
          new FeedText(new Views(), articles, config.baseUrl(), config::siteName, () -> messages);
      var builder = new FeedBuilder(publisher, articles, text, settings, Clock.systemUTC());
      for (var format : FeedFormat.values()) {
        resetPeak();
        long t2 = System.nanoTime();
        var feedOut = new Counting();
        FeedWriter.write(format, builder.build(new FeedScope.Front()).channel(), feedOut);
        double cold = seconds(t2);
        int runs = 10;
        long t3 = System.nanoTime();
        for (int i = 0; i < runs; i++)
          FeedWriter.write(format, builder.build(new FeedScope.Front()).channel(), new Counting());
        double warm = seconds(t3) / runs;
        System.out.printf(
            "front_feed format=%s items=%d bytes=%d cold_ms=%.1f warm_ms=%.1f peak_heap_mb=%.1f%n",
            format.fileName(),
            settings.feedItems(),
            feedOut.bytes,
            cold * 1000,
            warm * 1000,
            peakMb());
      }
    }
  }

  static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  static void resetPeak() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
      if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
  }

  /** Sum of the heap pools' peaks since the reset: an upper bound on live plus garbage. */
  static double peakMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
    }
    return sum / 1048576.0;
  }
}
