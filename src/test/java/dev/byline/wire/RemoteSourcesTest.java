package dev.byline.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.byline.Newsroom;
import dev.byline.testing.TestDatabases;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pictures fetched and feeds polled over real HTTP from a local server, with the guards on. */
class RemoteSourcesTest {
  @TempDir
  Path dir;

  HttpServer server;
  String base;
  final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
  final AtomicInteger feedStatus = new AtomicInteger(200);
  final java.util.concurrent.atomic.AtomicBoolean deepFeed =
      new java.util.concurrent.atomic.AtomicBoolean(true);
  byte[] jpeg;

  @BeforeEach
  void serve() throws Exception {
    var img = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
    var out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", out);
    jpeg = out.toByteArray();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/photo.jpg", ex -> {
      ex.getResponseHeaders().add("Content-Type", "image/jpeg");
      ex.sendResponseHeaders(200, jpeg.length);
      ex.getResponseBody().write(jpeg);
      ex.close();
    });
    server.createContext("/page.html", ex -> {
      var b = "<html></html>".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "text/html");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.createContext("/redirect", ex -> {
      ex.getResponseHeaders().add("Location", "http://10.0.0.1/photo.jpg");
      ex.sendResponseHeaders(302, -1);
      ex.close();
    });
    server.createContext("/feed.xml", ex -> {
      ifNoneMatch.add(String.valueOf(ex.getRequestHeaders().getFirst("If-None-Match")));
      if (feedStatus.get() != 200) {
        ex.sendResponseHeaders(feedStatus.get(), -1);
        ex.close();
        return;
      }
      if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        ex.close();
        return;
      }
      var b =
          ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Acme Wire</title><link>http://x/</link>"
                  + "<description>d</description><item><title>Feed story one</title><guid>urn:feed:1</guid>"
                  + "<pubDate>Sun, 01 Mar 2026 10:00:00 GMT</pubDate><description>&lt;p&gt;First.&lt;/p&gt;</description>"
                  + "<enclosure url=\"" + base + "/photo.jpg\" type=\"image/jpeg\" length=\""
                  + jpeg.length + "\"/></item>"
                  + "<item><title>Feed story two</title><guid>urn:feed:2</guid><description>Second.</description></item>"
                  + "</channel></rss>")
              .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("ETag", "\"v1\"");
      ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.createContext("/deep.xml", ex -> {
      var rss = HostileInput.feed("rss20/element-channel-item-guid/guid.xml");
      var b = (deepFeed.get()
              ? rss.replace("<item>", "<item>" + "<div>".repeat(5_000) + "</div>".repeat(5_000))
              : rss)
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  static WireSource source(List<String> hosts, boolean allowPrivate, long maxBytes) {
    return new WireSource(
        "acme",
        "Acme",
        Path.of("."),
        null,
        Duration.ofSeconds(60),
        "",
        hosts,
        allowPrivate,
        maxBytes,
        false,
        "",
        List.of(),
        java.time.ZoneOffset.UTC);
  }

  @Test
  void
      a_picture_is_fetched_only_from_allowed_hosts_over_http_within_limits_and_never_from_local_addresses_by_default()
          throws Exception {
    var fetcher = new PictureFetcher();
    assertThat(fetcher.fetch(source(List.of("127.0.0.1"), true, 1 << 20), base + "/photo.jpg"))
        .isEqualTo(jpeg);
    assertThatThrownBy(
            () -> fetcher.fetch(source(List.of("127.0.0.1"), false, 1 << 20), base + "/photo.jpg"))
        .hasMessageContaining("private or local address");
    assertThatThrownBy(
            () -> fetcher.fetch(source(List.of("example.org"), true, 1 << 20), base + "/photo.jpg"))
        .hasMessageContaining("host 127.0.0.1 is not allowed for source acme");
    assertThatThrownBy(
            () -> fetcher.fetch(source(List.of("*"), true, 1 << 20), "file:///etc/passwd"))
        .hasMessageContaining("is not http or https");
    assertThatThrownBy(
            () -> fetcher.fetch(source(List.of("127.0.0.1"), true, 1 << 20), base + "/page.html"))
        .hasMessageContaining("is text/html, not a JPEG, PNG, GIF or WebP picture");
    assertThatThrownBy(
            () -> fetcher.fetch(source(List.of("127.0.0.1"), true, 100), base + "/photo.jpg"))
        .hasMessageContaining("the limit is 100");
    assertThatThrownBy(
            () -> fetcher.fetch(source(List.of("127.0.0.1"), true, 1 << 20), base + "/redirect"))
        .hasMessageContaining("host 10.0.0.1 is not allowed");
    assertThat(PictureFetcher.isInternal(java.net.InetAddress.getByName("169.254.169.254")))
        .isTrue();
    assertThat(PictureFetcher.isInternal(java.net.InetAddress.getByName("192.168.1.1")))
        .isTrue();
    assertThat(PictureFetcher.isInternal(java.net.InetAddress.getByName("::1"))).isTrue();
    assertThat(PictureFetcher.isInternal(java.net.InetAddress.getByName("93.184.216.34")))
        .isFalse();
  }

  @Test
  void the_feed_is_polled_with_a_conditional_get_its_pictures_fetched_and_failures_back_off()
      throws Exception {
    var settings = Map.of(
        "wire.sources",
        "acme",
        "wire.source.acme.feed.url",
        base + "/feed.xml",
        "wire.source.acme.feed.interval.seconds",
        "60",
        "wire.source.acme.pictures.hosts",
        "127.0.0.1",
        "wire.source.acme.pictures.allow.private",
        "true",
        "wire.source.acme.folder",
        dir.resolve("drop").toString());
    try (var newsroom =
        Newsroom.open(TestDatabases.sqlite(dir.resolve("data"), settings), Clock.systemUTC())) {
      var wire = newsroom.wire();
      var acme = wire.sources().byName("acme").orElseThrow();
      var poller =
          new FeedPoller(wire.ingest(), newsroom.state(), wire.sources().all());
      assertThat(poller.poll(acme)).isEqualTo(FeedPoller.Result.INGESTED);
      assertThat(poller.poll(acme)).isEqualTo(FeedPoller.Result.NOT_MODIFIED);
      assertThat(ifNoneMatch).containsExactly("null", "\"v1\"");
      var one = wire.store().story("acme", "urn:feed:1").orElseThrow();
      assertThat(one.state()).isEqualTo(StoryState.NEW);
      var stored = wire.store().item(one.itemId());
      assertThat(stored.item().format()).isEqualTo("RSS 2.0");
      assertThat(stored.imageIds()).hasSize(1).doesNotContainNull();
      assertThat(wire.store().story("acme", "urn:feed:2")).isPresent();

      assertThat(poller.nextDelay(acme)).isEqualTo(Duration.ofSeconds(60));
      feedStatus.set(503);
      assertThat(poller.poll(acme)).isEqualTo(FeedPoller.Result.FAILED);
      assertThat(poller.nextDelay(acme)).isEqualTo(Duration.ofSeconds(120));
      assertThat(poller.poll(acme)).isEqualTo(FeedPoller.Result.FAILED);
      assertThat(poller.nextDelay(acme)).isEqualTo(Duration.ofSeconds(240));
      feedStatus.set(200);
      assertThat(poller.poll(acme)).isEqualTo(FeedPoller.Result.NOT_MODIFIED);
      assertThat(poller.nextDelay(acme)).isEqualTo(Duration.ofSeconds(60));
    }
  }

  @Test
  void a_deeply_nested_feed_is_quarantined_and_the_next_poll_reads_the_feed_again()
      throws Exception {
    var settings = Map.of(
        "wire.sources",
        "acme",
        "wire.source.acme.feed.url",
        base + "/deep.xml",
        "wire.source.acme.folder",
        dir.resolve("drop").toString());
    try (var newsroom =
        Newsroom.open(TestDatabases.sqlite(dir.resolve("data"), settings), Clock.systemUTC())) {
      var wire = newsroom.wire();
      var acme = wire.sources().byName("acme").orElseThrow();
      var poller =
          new FeedPoller(wire.ingest(), newsroom.state(), wire.sources().all());
      assertThat(poller.poll(acme)).isEqualTo(FeedPoller.Result.QUARANTINED);
      try (var q = java.nio.file.Files.list(dir.resolve("drop").resolve("quarantine"))) {
        var notes = q.filter(p -> p.toString().endsWith(".error.txt")).toList();
        assertThat(notes).hasSize(1);
        assertThat(java.nio.file.Files.readString(notes.get(0)))
            .contains("nests elements more than " + SafeXml.MAX_DEPTH + " deep");
      }
      deepFeed.set(false);
      assertThat(poller.poll(acme)).isEqualTo(FeedPoller.Result.INGESTED);
      assertThat(wire.store().story("acme", "http://example.com")).isPresent();
    }
  }
}
