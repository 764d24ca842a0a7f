import dev.byline.Byline;
import dev.byline.config.ConfigLoader;
import dev.byline.wire.WireDesk;
import dev.byline.wire.WireImport;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The wire soak: ITEMS items ({@link SoakItems}: good and hostile) go in at once through the drop
 * folder (every third), the push endpoint (every third) and the importer (the rest, in folders of
 * 250), while two readers load the front page and article pages. Loopback only, bounded: the
 * readers pause 20 ms between pages. Afterwards every good item must be a published article, no
 * hostile item may be stored or public, no page may carry the planted script, heap after GC is
 * sampled every two seconds throughout, and no thread may have died.
 *
 * <pre>bench/soak/run.sh [ITEMS]</pre>
 */
public final class WireSoak {
  static final String TOKEN = "soak-push-token-0123456789abcdef";

  public static void main(String[] args) throws Exception {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    var tmp = Files.createTempDirectory("byline-soak-");
    var drop = tmp.resolve("drop");
    var deaths = new ConcurrentLinkedQueue<String>();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> deaths.add(t.getName() + ": " + e));
    var config = new ConfigLoader(Map.of())
        .load(
            Map.of(
                "data", tmp.resolve("data").toString(),
                "port", "0",
                "http.host", "127.0.0.1",
                "wire.sources", "soak",
                "wire.source.soak.folder", drop.toString(),
                "wire.source.soak.publish", "auto",
                "wire.source.soak.push.token", TOKEN,
                "wire.source.soak.section", "news"),
            null);
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    var memory = new ArrayList<long[]>();
    long started = System.nanoTime();
    try (var byline = Byline.start(config)) {
      byline.newsroom().sections().ensure("news", "News", "", 1);
      Files.createDirectories(drop);
      var done = new AtomicBoolean();
      var sampler = daemon("soak-heap", () -> sample(memory, started, done));
      var pages = new AtomicLong();
      var pageErrors = new ConcurrentLinkedQueue<String>();
      var scripts = new AtomicLong();
      var readers = new ArrayList<Thread>();
      for (int r = 0; r < 2; r++) {
        int seed = r;
        readers.add(daemon(
            "soak-reader-" + r,
            () -> read(byline, http, seed, items, done, pages, pageErrors, scripts)));
      }
      var pushed = new AtomicLong();
      var pushAnswers = new java.util.concurrent.ConcurrentHashMap<Integer, AtomicLong>();
      var latch = new CountDownLatch(3);
      daemon("soak-drop", () -> {
        try {
          for (int n = 0; n < items; n += 3) dropItem(drop, n);
        } finally {
          latch.countDown();
        }
      });
      daemon("soak-push", () -> {
        try {
          for (int n = 1; n < items; n += 3) {
            int status = push(byline, http, n);
            pushAnswers.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
            pushed.incrementAndGet();
          }
        } finally {
          latch.countDown();
        }
      });
      var importSummaries = new ConcurrentLinkedQueue<String>();
      daemon("soak-import", () -> {
        try {
          importAll(byline, tmp, items, importSummaries);
        } finally {
          latch.countDown();
        }
      });
      latch.await();
      long sentAt = System.nanoTime();
      // The drop folder catches up: every file archived or quarantined.
      while (pending(drop) > 0 && System.nanoTime() - sentAt < 600_000_000_000L) Thread.sleep(200);
      long drainedAt = System.nanoTime();
      done.set(true);
      for (var t : readers) t.join(5_000);
      sampler.join(5_000);
      report(
          byline,
          items,
          drop,
          deaths,
          pages.get(),
          pageErrors,
          scripts.get(),
          pushAnswers,
          importSummaries,
          memory,
          (sentAt - started) / 1e9,
          (drainedAt - started) / 1e9);
    }
  }

  static Thread daemon(String name, Runnable r) {
    var t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  static void dropItem(Path drop, int n) {
    try {
      var tmp = drop.resolve(".item-" + n + ".tmp");
      Files.write(tmp, SoakItems.bytes(n));
      Files.move(
          tmp,
          drop.resolve(String.format(Locale.ROOT, "item-%05d.%s", n, ext(n))),
          StandardCopyOption.ATOMIC_MOVE);
      if (n % 300 == 0) Thread.sleep(20); // an agency's pace, not a flood of renames
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String ext(int n) {
    var b = SoakItems.bytes(n);
    return b[0] == '{' ? "json" : "xml";
  }

  static int push(Byline byline, HttpClient http, int n) {
    try {
      var req = HttpRequest.newBuilder(URI.create(byline.url() + "api/wire/soak"))
          .timeout(Duration.ofSeconds(60))
          .header("Authorization", "Bearer " + TOKEN)
          .POST(HttpRequest.BodyPublishers.ofByteArray(SoakItems.bytes(n)))
          .build();
      return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  static void importAll(
      Byline byline, Path tmp, int items, ConcurrentLinkedQueue<String> summaries) {
    var wire = byline.newsroom().wire();
    var source = wire.source("soak", byline.config());
    try {
      int chunk = 0;
      var folder = Files.createDirectories(tmp.resolve("import-" + chunk));
      int inFolder = 0;
      for (int n = 2; n < items; n += 3) {
        Files.write(
            folder.resolve(String.format(Locale.ROOT, "item-%05d.%s", n, ext(n))),
            SoakItems.bytes(n));
        if (++inFolder == 250 || n + 3 >= items) {
          summaries.add(wire.importer()
              .run(folder, source, WireDesk.Options.NONE, WireImport.Progress.NONE)
              .line());
          folder = Files.createDirectories(tmp.resolve("import-" + ++chunk));
          inFolder = 0;
        }
      }
    } catch (Exception e) {
      summaries.add("import failed: " + e);
    }
  }

  static void read(
      Byline byline,
      HttpClient http,
      int seed,
      int items,
      AtomicBoolean done,
      AtomicLong pages,
      ConcurrentLinkedQueue<String> errors,
      AtomicLong scripts) {
    var random = new java.util.Random(seed);
    var store = byline.newsroom().wire().store();
    while (!done.get()) {
      try {
        String path = "/";
        if (random.nextBoolean()) {
          var story = store.story("soak", SoakItems.guid(random.nextInt(items)));
          if (story.isPresent() && story.get().articleId() != null) {
            var article = byline.newsroom().articles().byId(story.get().articleId());
            if (article.isPresent() && article.get().isPublished())
              path = article.get().path();
          }
        }
        var answer = http.send(
            HttpRequest.newBuilder(URI.create(byline.url() + path.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
        pages.incrementAndGet();
        if (answer.statusCode() != 200) errors.add(path + " " + answer.statusCode());
        if (answer.body().contains("alert('soak')") || answer.body().contains("alert(&#39;soak"))
          scripts.incrementAndGet();
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        errors.add(e.toString());
      }
    }
  }

  static void sample(List<long[]> memory, long started, AtomicBoolean done) {
    var bean = ManagementFactory.getMemoryMXBean();
    while (!done.get()) {
      System.gc();
      synchronized (memory) {
        memory.add(new long[] {
          (System.nanoTime() - started) / 1_000_000_000L,
          bean.getHeapMemoryUsage().getUsed()
        });
      }
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  static long pending(Path drop) throws Exception {
    try (var list = Files.list(drop)) {
      return list.filter(Files::isRegularFile).count();
    }
  }

  static void report(
      Byline byline,
      int items,
      Path drop,
      ConcurrentLinkedQueue<String> deaths,
      long pages,
      ConcurrentLinkedQueue<String> pageErrors,
      long scripts,
      Map<Integer, AtomicLong> pushAnswers,
      ConcurrentLinkedQueue<String> importSummaries,
      List<long[]> memory,
      double sentSeconds,
      double drainedSeconds)
      throws Exception {
    var wire = byline.newsroom().wire();
    var articles = byline.newsroom().articles();
    int good = 0, lost = 0, hostileStored = 0, hostilePublic = 0, hostile = 0;
    var lostExamples = new ArrayList<String>();
    for (int n = 0; n < items; n++) {
      var story = wire.store().story("soak", SoakItems.guid(n));
      if (SoakItems.good(n)) {
        good++;
        boolean published = story.isPresent()
            && story.get().articleId() != null
            && articles.byId(story.get().articleId()).map(a -> a.isPublished()).orElse(false);
        if (!published) {
          lost++;
          if (lostExamples.size() < 5) lostExamples.add(SoakItems.guid(n));
        }
      } else {
        hostile++;
        if (story.isPresent()) hostileStored++;
        if (story.isPresent() && story.get().articleId() != null) hostilePublic++;
      }
    }
    long quarantined;
    try (var q = Files.list(drop.resolve("quarantine"))) {
      quarantined = q.filter(p -> p.toString().endsWith(".error.txt")).count();
    }
    var alive = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("wire-drop-folders") && t.isAlive())
        .count();
    System.out.printf(Locale.ROOT, "RESULT items=%d good=%d hostile=%d%n", items, good, hostile);
    System.out.printf(Locale.ROOT, "RESULT lost_good=%d %s%n", lost, lostExamples);
    System.out.printf(
        Locale.ROOT,
        "RESULT hostile_stored=%d hostile_public=%d planted_script_on_pages=%d%n",
        hostileStored,
        hostilePublic,
        scripts);
    System.out.printf(
        Locale.ROOT, "RESULT drop_quarantine_notes=%d push_answers=%s%n", quarantined, pushAnswers);
    System.out.printf(
        Locale.ROOT,
        "RESULT import_summaries=%d first=%s%n",
        importSummaries.size(),
        importSummaries.stream().findFirst().orElse(""));
    System.out.printf(
        Locale.ROOT,
        "RESULT pages_read=%d page_errors=%d %s%n",
        pages,
        pageErrors.size(),
        pageErrors.stream().limit(3).toList());
    System.out.printf(
        Locale.ROOT, "RESULT sent_in_s=%.1f all_in_s=%.1f%n", sentSeconds, drainedSeconds);
    System.out.printf(
        Locale.ROOT,
        "RESULT drop_thread_alive=%s thread_deaths=%d %s%n",
        alive == 1,
        deaths.size(),
        deaths.stream().limit(3).toList());
    synchronized (memory) {
      int q = Math.max(1, memory.size() / 4);
      double first =
          memory.subList(0, q).stream().mapToLong(m -> m[1]).average().orElse(0) / 1048576;
      double last = memory.subList(memory.size() - q, memory.size()).stream()
              .mapToLong(m -> m[1])
              .average()
              .orElse(0)
          / 1048576;
      double max = memory.stream().mapToLong(m -> m[1]).max().orElse(0) / 1048576.0;
      System.out.printf(
          Locale.ROOT,
          "RESULT heap_after_gc_mb samples=%d first_quarter_avg=%.0f last_quarter_avg=%.0f max=%.0f%n",
          memory.size(),
          first,
          last,
          max);
      var series = new StringBuilder();
      for (int i = 0; i < memory.size(); i += Math.max(1, memory.size() / 12))
        series
            .append(memory.get(i)[0])
            .append("s:")
            .append(memory.get(i)[1] / 1048576)
            .append("MB ");
      System.out.println("RESULT heap_series " + series.toString().strip());
    }
  }
}
