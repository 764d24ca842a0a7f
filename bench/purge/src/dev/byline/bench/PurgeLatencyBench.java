package dev.byline.bench;

import dev.byline.Byline;
import dev.byline.config.ConfigLoader;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Time from unpublishing a story (the editor's call, which commits the change) until a real
 * Varnish in front of the site answers 410 for it, polled every 0.5 ms over loopback. Each story
 * is first read through Varnish twice so it is a cached hit. Also reported: the same with the
 * story read from Byline directly (its own page cache purges before the call returns), as the
 * floor.
 */
public final class PurgeLatencyBench {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    var dir = Files.createTempDirectory("byline-purge-bench");
    int varnishPort;
    try (var s = new ServerSocket(0)) {
      varnishPort = s.getLocalPort();
    }
    var config = new ConfigLoader(Map.of())
        .load(
            Map.of(
                "data",
                dir.toString(),
                "port",
                "0",
                "purge.varnish.urls",
                "http://127.0.0.1:" + varnishPort + "/"),
            null);
    var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (var byline = Byline.start(config)) {
      var varnish = startVarnish(dir.resolve("varnish"), varnishPort, byline.port());
      try {
        var articles = byline.newsroom().articles();
        var section = byline.newsroom().sections().ensure("news", "News", "", 1);
        var viaVarnish = new ArrayList<Double>();
        var direct = new ArrayList<Double>();
        for (int i = 0; i < n + 20; i++) {
          long id = articles.create(ArticleDraft.of(
              "Story number " + i, "", section.id(), List.of(Block.Paragraph.ofText("Text " + i))));
          articles.publish(id);
          var path = articles.byId(id).orElseThrow().path();
          String varnishUrl = "http://127.0.0.1:" + varnishPort + path;
          String directUrl = "http://127.0.0.1:" + byline.port() + path;
          status(http, varnishUrl);
          if (status(http, varnishUrl) != 200) throw new IllegalStateException("not cached");
          status(http, directUrl);
          long start = System.nanoTime();
          articles.unpublish(id);
          while (status(http, directUrl) != 410) Thread.onSpinWait();
          double directMs = (System.nanoTime() - start) / 1e6;
          while (status(http, varnishUrl) != 410) {
            if (System.nanoTime() - start > Duration.ofSeconds(10).toNanos())
              throw new IllegalStateException("no 410 through Varnish after 10 s");
            Thread.sleep(0, 500_000);
          }
          double varnishMs = (System.nanoTime() - start) / 1e6;
          if (i >= 20) { // the first 20 warm up the JIT and the connection pools
            viaVarnish.add(varnishMs);
            direct.add(directMs);
          }
        }
        System.out.printf("stories: %d (after 20 warm-up), one at a time, loopback%n", n);
        report("unpublish -> 410 from Byline directly", direct);
        report("unpublish -> 410 through Varnish", viaVarnish);
      } finally {
        varnish.destroy();
        varnish.waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  static int status(HttpClient http, String url) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  static void report(String what, List<Double> ms) {
    var sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        "%-40s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n",
        what, pct(sorted, 50), pct(sorted, 99), sorted[sorted.length - 1]);
  }

  static double pct(double[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static Process startVarnish(Path work, int port, int backendPort) throws Exception {
    Files.createDirectories(work);
    var vcl = Files.readString(Path.of("deploy/varnish/byline.vcl"))
        .replace(
            ".host = \"node1\"; .port = \"8080\";",
            ".host = \"127.0.0.1\"; .port = \"" + backendPort + "\";")
        .replace(
            ".host = \"node2\"; .port = \"8080\";",
            ".host = \"127.0.0.1\"; .port = \"" + backendPort + "\";");
    var file = work.resolve("byline.vcl");
    Files.writeString(file, vcl);
    var p = new ProcessBuilder(
            "/usr/sbin/varnishd",
            "-F",
            "-j",
            "none",
            "-n",
            work.resolve("n").toString(),
            "-a",
            "127.0.0.1:" + port,
            "-T",
            "none",
            "-f",
            file.toString(),
            "-s",
            "malloc,64m")
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("varnishd.log").toFile())
        .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try (var s = new Socket("127.0.0.1", port)) {
        return p;
      } catch (IOException e) {
        if (!p.isAlive() || System.nanoTime() > deadline)
          throw new IllegalStateException(Files.readString(work.resolve("varnishd.log")));
        Thread.sleep(50);
      }
    }
  }
}
