package dev.byline.bench;

import dev.byline.Byline;
import dev.byline.config.Config;
import dev.byline.config.ConfigLoader;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.ops.ArticleDigests;
import dev.byline.ops.BackupManifest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code byline backup DIR} (its own JVM, as an operator runs it) while a writer publishes 100
 * articles a second into the running site, then {@code byline restore DIR} into a fresh data
 * directory (and, for PostgreSQL, a fresh database), and a check that the restored articles
 * match the backup's manifest: the count and every content hash. Last, a copy of the backup with
 * its database file cut in half must be refused with a clear message.
 *
 * <p>Prints, per database: the write rate and write latency before and during the backup (the
 * baseline measured in the same run), the backup and restore times, and the checks.
 *
 * <p>Usage: {@code BackupUnderLoadBench SEED RATE [sqlite|postgresql|both]}
 */
public final class BackupUnderLoadBench {
  /** Where PostgreSQL answers; the bench creates and drops its own databases there. */
  static final String PG_ADMIN_URL = System.getenv()
      .getOrDefault(
          "BYLINE_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
  /** Writing at the target rate before the backup, for the baseline. */
  static final long BASELINE_MILLIS = 5_000;
  /** Writing on after the backup has finished, so the backup ran wholly under load. */
  static final long AFTER_MILLIS = 1_000;
  /** Writers publishing at once: an editor desk's worth; SQLite serialises them anyway. */
  static final int WRITERS = 4;

  public static void main(String[] args) throws Exception {
    int seed = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    var which = args.length > 2 ? args[2] : "both";
    var work = Files.createTempDirectory("byline-bench-backup");
    System.out.printf(
        "backup under load: %d articles seeded, writer at %d articles/s, %d cores, load %s%n",
        seed, rate, Runtime.getRuntime().availableProcessors(), loadAverage());
    try {
      if (!which.equals("postgresql")) run("sqlite", work.resolve("sqlite"), seed, rate);
      if (!which.equals("sqlite")) run("postgresql", work.resolve("postgresql"), seed, rate);
    } finally {
      deleteTree(work);
    }
  }

  static void run(String database, Path work, int seed, int rate) throws Exception {
    var live = work.resolve("live");
    var backup = work.resolve("backup");
    var restored = work.resolve("restored");
    Files.createDirectories(live);
    String liveUrl = database.equals("postgresql") ? createDatabase() : null;
    String restoredUrl = database.equals("postgresql") ? createDatabase() : null;
    try {
      var config = config(live, liveUrl);
      Timed backupRun;
      Writer writer;
      try (var site = Byline.start(config)) {
        var newsroom = site.newsroom();
        long section = newsroom.sections().ensure("world", "World", "", 1).id();
        long seeding = System.nanoTime();
        for (int i = 0; i < seed; i++) publish(site, section, "Seeded story " + i);
        System.out.printf(
            "[%s] seeded %d articles in %.1f s%n",
            database, seed, (System.nanoTime() - seeding) / 1e9);

        writer = new Writer(site, section, rate);
        writer.start();
        Thread.sleep(BASELINE_MILLIS);
        writer.mark("backup");
        backupRun = cli(work, "backup", live, liveUrl, backup);
        writer.mark("after");
        Thread.sleep(AFTER_MILLIS);
        writer.stop();
      }
      var manifest = BackupManifest.read(backup.resolve(BackupManifest.NAME));
      System.out.printf(
          "[%s] backup: exit %d in %.2f s, %d articles in the manifest (%d written during it),"
              + " %s%n",
          database,
          backupRun.exit(),
          backupRun.seconds(),
          manifest.articles(),
          writer.count("backup"),
          size(backup));
      writer.report(database, "before the backup", "backup");
      writer.report(database, "during the backup", "after");
      System.out.printf("[%s] writer: %s%n", database, writer.missedAndFailed());

      var restoreRun = cli(work, "restore", restored, restoredUrl, backup);
      System.out.printf(
          "[%s] restore into a fresh %s: exit %d in %.2f s%n",
          database,
          database.equals("postgresql") ? "database" : "data directory",
          restoreRun.exit(),
          restoreRun.seconds());
      if (restoreRun.exit() != 0) System.out.println(restoreRun.output());
      var digests = digests(config(restored, restoredUrl));
      boolean countMatches = digests.size() == manifest.articles();
      boolean hashesMatch = digests.equals(manifest.articleHashes());
      System.out.printf(
          "[%s] restored site: %d articles (manifest %d): count %s, content hashes %s%n",
          database,
          digests.size(),
          manifest.articles(),
          countMatches ? "matches" : "DIFFERS",
          hashesMatch ? "all match" : "DIFFER");

      var truncated = work.resolve("truncated");
      copyTree(backup, truncated);
      var dbFile = truncated.resolve(
          database.equals("postgresql") ? "database/byline.sql" : "database/byline.db");
      try (var ch = FileChannel.open(dbFile, StandardOpenOption.WRITE)) {
        ch.truncate(ch.size() / 2);
      }
      var refusedDir = work.resolve("refused");
      String refusedUrl = database.equals("postgresql") ? createDatabase() : null;
      try {
        var refused = cli(work, "restore", refusedDir, refusedUrl, truncated);
        System.out.printf(
            "[%s] truncated backup: exit %d, said: %s%n",
            database, refused.exit(), refused.output().strip().replace('\n', ' '));
        if (refused.exit() == 0 || !refused.output().contains("truncated"))
          System.out.printf("[%s] TRUNCATED BACKUP WAS NOT REFUSED CLEARLY%n", database);
      } finally {
        if (refusedUrl != null) dropDatabase(refusedUrl);
      }
      if (backupRun.exit() != 0 || restoreRun.exit() != 0 || !countMatches || !hashesMatch)
        System.out.printf("[%s] FAILED: see above%n", database);
    } finally {
      if (liveUrl != null) dropDatabase(liveUrl);
      if (restoredUrl != null) dropDatabase(restoredUrl);
    }
  }

  static void publish(Byline site, long section, String headline) {
    var articles = site.newsroom().articles();
    long id = articles.create(ArticleDraft.of(
        headline, "", section, List.of(Block.Paragraph.ofText(headline + ", in words."))));
    articles.publish(id);
  }

  /**
   * Publishes {@code rate} articles a second on a fixed schedule, on up to {@link #WRITERS}
   * threads so one slow publish does not hold back the next. Each is timed from when it was due,
   * so time spent waiting for a free writer counts too.
   */
  static final class Writer {
    private final Byline site;
    private final long section;
    private final int rate;
    private final AtomicInteger written = new AtomicInteger();
    private final List<long[]> samples = new CopyOnWriteArrayList<>(); // {startNanos, nanos}
    private final java.util.Map<String, Long> marks =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger missed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    // At most a second's worth waits for a writer; a publish due when that is full is counted
    // as missed, so a database that cannot keep up shows as a lower rate, not an endless queue.
    private final java.util.concurrent.ThreadPoolExecutor pool;
    private long started;

    Writer(Byline site, long section, int rate) {
      this.site = site;
      this.section = section;
      this.rate = rate;
      pool = new java.util.concurrent.ThreadPoolExecutor(
          WRITERS,
          WRITERS,
          0,
          TimeUnit.SECONDS,
          new java.util.concurrent.ArrayBlockingQueue<>(rate),
          (task, executor) -> missed.incrementAndGet());
    }

    void start() {
      started = System.nanoTime();
      marks.put("start", started);
      ticker.scheduleAtFixedRate(
          () -> {
            long due = System.nanoTime();
            pool.execute(() -> {
              try {
                publish(site, section, "Story written under load " + written.incrementAndGet());
                samples.add(new long[] {due, System.nanoTime() - due});
              } catch (RuntimeException e) {
                failed.incrementAndGet();
              }
            });
          },
          0,
          1_000_000 / rate,
          TimeUnit.MICROSECONDS);
    }

    void mark(String name) {
      marks.put(name, System.nanoTime());
    }

    void stop() throws InterruptedException {
      ticker.shutdown();
      ticker.awaitTermination(5, TimeUnit.SECONDS);
      pool.shutdown();
      pool.awaitTermination(60, TimeUnit.SECONDS);
      mark("end");
    }

    String missedAndFailed() {
      return missed.get() + " publishes missed (writers a second behind), " + failed.get()
          + " failed";
    }

    /** Articles written from the mark {@code from} to the next one. */
    long count(String from) {
      return window(from).size();
    }

    private List<long[]> window(String from) {
      long start = marks.get(from);
      long end =
          marks.values().stream().filter(m -> m > start).min(Long::compare).orElse(Long.MAX_VALUE);
      return samples.stream().filter(s -> s[0] >= start && s[0] < end).toList();
    }

    /** Rate and latency between the mark before {@code until} and {@code until}. */
    void report(String database, String what, String until) {
      long end = marks.get(until);
      long start =
          marks.values().stream().filter(m -> m < end).max(Long::compare).orElseThrow();
      var window = samples.stream().filter(s -> s[0] >= start && s[0] < end).toList();
      var ms = new ArrayList<Double>();
      for (var s : window) ms.add(s[1] / 1e6);
      Collections.sort(ms);
      double seconds = (end - start) / 1e9;
      System.out.printf(
          "[%s] writes %-18s %6.1f articles/s (target %d), publish p50 %6.1f ms, p99 %7.1f ms,"
              + " max %7.1f ms%n",
          database,
          what,
          window.size() / seconds,
          rate,
          pct(ms, 50),
          pct(ms, 99),
          ms.isEmpty() ? 0 : ms.get(ms.size() - 1));
    }
  }

  static double pct(List<Double> sorted, int p) {
    if (sorted.isEmpty()) return 0;
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  record Timed(int exit, double seconds, String output) {}

  /** Runs {@code byline COMMAND --data DATA [--database-url URL] DIR} in its own JVM. */
  static Timed cli(Path work, String command, Path data, String dbUrl, Path dir)
      throws IOException, InterruptedException {
    var args = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m",
        "-cp",
        System.getProperty("java.class.path"),
        "dev.byline.Main",
        command,
        "--data",
        data.toString()));
    if (dbUrl != null) {
      args.add("--database-url");
      args.add(dbUrl);
    }
    args.add(dir.toString());
    var out = work.resolve(command + "-" + UUID.randomUUID() + ".out");
    long t = System.nanoTime();
    var p = new ProcessBuilder(args)
        .redirectErrorStream(true)
        .redirectOutput(out.toFile())
        .start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(command + " did not finish in 10 minutes");
    }
    double seconds = (System.nanoTime() - t) / 1e9;
    var text = Files.readString(out)
        .lines()
        .filter(l -> !l.contains(" INFO ") && !l.contains(" WARN "))
        .reduce("", (x, y) -> x + y + "\n");
    return new Timed(p.exitValue(), seconds, text);
  }

  static Config config(Path data, String dbUrl) {
    var flags = new java.util.HashMap<String, String>();
    flags.put("data", data.toString());
    flags.put("port", "0");
    flags.put("http.host", "127.0.0.1");
    if (dbUrl != null) flags.put("database.url", dbUrl);
    return new ConfigLoader(Map.of()).load(flags, null);
  }

  static Map<Long, String> digests(Config config) throws Exception {
    var url = config.embeddedDatabase()
        ? "jdbc:sqlite:" + config.dataDir().resolve("byline.db")
        : config.databaseUrl();
    try (var c = DriverManager.getConnection(url)) {
      return ArticleDigests.of(c);
    }
  }

  static String createDatabase() throws Exception {
    var name = "byline_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (var c = DriverManager.getConnection(PG_ADMIN_URL);
        var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return PG_ADMIN_URL.replaceFirst("/postgres\\?", "/" + name + "?");
  }

  static void dropDatabase(String url) {
    var name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    try (var c = DriverManager.getConnection(PG_ADMIN_URL);
        var s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (Exception e) {
      System.out.println("could not drop " + name + ": " + e.getMessage());
    }
  }

  static String size(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      long bytes =
          files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
      return String.format("%.1f MB", bytes / 1e6);
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (var f : files.toList()) {
        var target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) Files.createDirectories(target);
        else Files.copy(f, target);
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (var files = Files.walk(dir)) {
      for (var f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
