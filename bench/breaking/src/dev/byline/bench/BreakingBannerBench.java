package dev.byline.bench;

import dev.byline.Byline;
import dev.byline.config.ConfigLoader;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.curation.Place;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How soon readers see an editor's breaking banner and front-page pin, and what the banner costs
 * a page view. For each of N banners: raise it (the call commits the change), then poll
 * {@code /breaking.json} until it carries the new text. For each of N pins: pin a story as the
 * lead, then poll {@code /} until it leads. Also: the article page's ETag before and after all
 * the banners (it must not change), and the latency of a reader's revalidation of the banner.
 *
 * <p>Then pages left open: S streams on {@code /breaking/events} (one socket each, read with one
 * selector, as S browsers would hold them), the heap they take (server and this client together,
 * after a full collection), and for each of 20 banners the time until every stream has it.
 */
public final class BreakingBannerBench {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int openStreams = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    var dir = Files.createTempDirectory("byline-breaking-bench");
    var config = new ConfigLoader(Map.of()).load(Map.of("data", dir.toString(), "port", "0"), null);
    var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (var byline = Byline.start(config)) {
      var newsroom = byline.newsroom();
      var base = "http://127.0.0.1:" + byline.port();
      var section = newsroom.sections().ensure("news", "News", "", 1);
      var paths = new ArrayList<String>();
      var ids = new ArrayList<Long>();
      for (int i = 0; i < 10; i++) {
        long id = newsroom
            .articles()
            .create(ArticleDraft.of(
                "Story number " + i,
                "",
                section.id(),
                List.of(Block.Paragraph.ofText("Text " + i))));
        newsroom.articles().publish(id);
        ids.add(id);
        paths.add(newsroom.articles().byId(id).orElseThrow().path());
      }
      var article = base + paths.get(0);
      var etagBefore = get(http, article, null).headers().firstValue("ETag").orElseThrow();

      var banner = new ArrayList<Double>();
      for (int i = 0; i < n + 20; i++) {
        var text = "Breaking number " + i;
        long start = System.nanoTime();
        newsroom
            .db()
            .useTransaction(tx -> newsroom
                .breaking()
                .raise(tx, text, "/news", Instant.now().plus(Duration.ofHours(1)), "bench"));
        while (!get(http, base + "/breaking.json", null).body().contains(text)) Thread.onSpinWait();
        if (i >= 20) banner.add((System.nanoTime() - start) / 1e6);
      }
      var etagAfter = get(http, article, null).headers().firstValue("ETag").orElseThrow();

      var pins = new ArrayList<Double>();
      for (int i = 0; i < n + 20; i++) {
        int k = i % ids.size();
        long id = ids.get(k);
        var leads = "class=\"lead-headline\"><a href=\"" + paths.get(k) + "\"";
        long start = System.nanoTime();
        newsroom.db().useTransaction(tx -> newsroom.curation().pin(tx, Place.LEAD, null, id, null));
        while (!get(http, base + "/", null).body().contains(leads)) Thread.onSpinWait();
        if (i >= 20) pins.add((System.nanoTime() - start) / 1e6);
      }

      var fragment = get(http, base + "/breaking.json", null);
      var etag = fragment.headers().firstValue("ETag").orElseThrow();
      var revalidate = new ArrayList<Double>();
      for (int i = 0; i < 2000; i++) {
        long start = System.nanoTime();
        var r = get(http, base + "/breaking.json", etag);
        if (r.statusCode() != 304)
          throw new IllegalStateException("expected 304, got " + r.statusCode());
        if (i >= 200) revalidate.add((System.nanoTime() - start) / 1e6);
      }

      System.out.printf("changes: %d of each (after 20 warm-up), one at a time, loopback%n", n);
      System.out.printf(
          "article ETag unchanged across %d banners: %s%n", n + 20, etagBefore.equals(etagAfter));
      System.out.printf(
          "/breaking.json: %d bytes, Cache-Control: %s%n",
          fragment.body().length(),
          fragment.headers().firstValue("Cache-Control").orElse(""));
      report("raise banner -> /breaking.json shows it", banner);
      report("pin lead -> / leads with it", pins);
      report("reader revalidates /breaking.json (304)", revalidate);

      long heapBefore = usedHeap();
      try (var streams = new OpenStreams(byline.port(), openStreams)) {
        streams.awaitAll("Breaking number " + (n + 19), Duration.ofSeconds(60));
        long heapAfter = usedHeap();
        System.out.printf(
            "%d open streams on /breaking/events (server says %d): heap %+.1f MB, %.1f KB each%n",
            openStreams,
            byline.breakingStream().openStreams(),
            (heapAfter - heapBefore) / 1e6,
            (heapAfter - heapBefore) / 1e3 / openStreams);
        var pushed = new ArrayList<Double>();
        for (int i = 0; i < 20; i++) {
          var text = "Pushed number " + i;
          long start = System.nanoTime();
          newsroom
              .db()
              .useTransaction(tx -> newsroom
                  .breaking()
                  .raise(tx, text, "/news", Instant.now().plus(Duration.ofHours(1)), "bench"));
          streams.awaitAll(text, Duration.ofSeconds(30));
          pushed.add((System.nanoTime() - start) / 1e6);
        }
        report("raise banner -> all " + openStreams + " open pages have it", pushed);
      }
    }
  }

  static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    var rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** S event streams held open with one selector; knows which have received a given text. */
  static final class OpenStreams implements AutoCloseable {
    private final Selector selector = Selector.open();
    private final Map<SocketChannel, StringBuilder> received = new HashMap<>();

    OpenStreams(int port, int count) throws Exception {
      var request = ("GET /breaking/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Accept: text/event-stream\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < count; i++) {
        var ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        ch.write(ByteBuffer.wrap(request));
        ch.configureBlocking(false);
        ch.register(selector, SelectionKey.OP_READ);
        received.put(ch, new StringBuilder());
      }
    }

    /** Reads until every stream's last event holds {@code text}. */
    void awaitAll(String text, Duration timeout) throws Exception {
      long deadline = System.nanoTime() + timeout.toNanos();
      var buffer = ByteBuffer.allocate(16 * 1024);
      int missing = count(text);
      while (missing > 0) {
        if (System.nanoTime() > deadline)
          throw new IllegalStateException(missing + " streams never got \"" + text + "\"");
        selector.select(100);
        for (var key : selector.selectedKeys()) {
          var ch = (SocketChannel) key.channel();
          buffer.clear();
          if (ch.read(buffer) < 0) throw new IllegalStateException("a stream was closed");
          var seen = received.get(ch);
          seen.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
          if (seen.length() > 4096) seen.delete(0, seen.length() - 1024);
        }
        selector.selectedKeys().clear();
        missing = count(text);
      }
    }

    private int count(String text) {
      int missing = 0;
      for (var seen : received.values()) if (seen.indexOf(text) < 0) missing++;
      return missing;
    }

    @Override
    public void close() throws Exception {
      for (var ch : received.keySet()) ch.close();
      selector.close();
    }
  }

  static HttpResponse<String> get(HttpClient http, String url, String ifNoneMatch)
      throws Exception {
    var b = HttpRequest.newBuilder(URI.create(url)).GET();
    if (ifNoneMatch != null) b.header("If-None-Match", ifNoneMatch);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void report(String what, List<Double> ms) {
    var sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        "%-42s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n",
        what, pct(sorted, 50), pct(sorted, 99), sorted[sorted.length - 1]);
  }

  static double pct(double[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
