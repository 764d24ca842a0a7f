package dev.byline.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.Newsroom;
import dev.byline.config.Config;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counting page views in memory and writing them in bulk, on a real SQLite file. */
class PageViewsTest {
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final String BROWSER =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

  @TempDir
  Path dir;

  final TestClock clock = new TestClock(Instant.parse("2026-03-10T09:15:00Z"));
  Newsroom newsroom;
  AnalyticsStore store;
  PageViews views;
  String articlePath;
  long articleId;

  void open(Config config) {
    newsroom = Newsroom.open(config, clock);
    var world = newsroom.sections().ensure("world", "World", "", 1);
    articleId = newsroom
        .articles()
        .create(ArticleDraft.of(
            "Port strike ends",
            "Dockworkers accept a deal.",
            world.id(),
            List.of(Block.Paragraph.ofText("The strike is over."))));
    newsroom.articles().publish(articleId);
    articlePath = newsroom.articles().byId(articleId).orElseThrow().path();
    store = new AnalyticsStore(newsroom.db());
    var resolver = new PageResolver(
        newsroom.published(), newsroom.sections(), newsroom.topics(), newsroom.authors(), Set.of());
    views = new PageViews(
        AnalyticsSettings.defaults(),
        store,
        resolver,
        new VisitorHash("news.example"),
        clock,
        LONDON);
  }

  void open() {
    open(TestDatabases.sqlite(dir));
  }

  @AfterEach
  void close() {
    if (newsroom != null) newsroom.close();
  }

  static Reader reader(String ip) {
    return new Reader(ip, BROWSER, false);
  }

  long query(String sql) {
    return newsroom
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void views_wait_in_memory_until_a_flush_writes_them_all_at_once() {
    open();
    for (int i = 0; i < 5; i++)
      views.record(new Beacon(articlePath, "", ""), reader("198.51.100." + i));
    views.record(
        new Beacon("/world", "news.ycombinator.com", "newsletter"), reader("198.51.100.1"));
    assertThat(query("SELECT COUNT(*) FROM analytics_hour")).isZero();

    assertThat(views.flush()).isEqualTo(6);

    assertThat(query("SELECT SUM(views) FROM analytics_hour")).isEqualTo(6);
    assertThat(query("SELECT SUM(visitors) FROM analytics_hour")).isEqualTo(5);
    assertThat(query("SELECT SUM(visitors) FROM analytics_day")).isEqualTo(5);
    assertThat(query("SELECT views FROM analytics_page_day WHERE article_id = " + articleId))
        .isEqualTo(5);
    assertThat(query("SELECT SUM(views) FROM analytics_page_day WHERE section = 'world'"))
        .isEqualTo(6);
    assertThat(
            query(
                "SELECT views FROM analytics_source_day WHERE kind = 'referrer' AND name = 'news.ycombinator.com'"))
        .isEqualTo(1);
    assertThat(
            query(
                "SELECT views FROM analytics_source_day WHERE kind = 'campaign' AND name = 'newsletter'"))
        .isEqualTo(1);
    assertThat(views.flush()).as("a second flush has nothing new").isZero();
    assertThat(query("SELECT SUM(views) FROM analytics_hour")).isEqualTo(6);
  }

  @Test
  void bots_prefetches_headless_browsers_scripts_and_objecting_readers_are_not_counted() {
    open();
    var beacon = new Beacon(articlePath, "", "");
    assertThat(views.record(
            beacon,
            new Reader(
                "192.0.2.1",
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                false)))
        .isEqualTo(PageViews.Outcome.BOT);
    assertThat(views.record(
            beacon,
            new Reader(
                "192.0.2.1",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36",
                false)))
        .isEqualTo(PageViews.Outcome.BOT);
    assertThat(views.record(beacon, new Reader("192.0.2.1", "curl/8.5.0", false)))
        .isEqualTo(PageViews.Outcome.BOT);
    assertThat(views.record(beacon, new Reader("192.0.2.1", "", false)))
        .isEqualTo(PageViews.Outcome.BOT);
    assertThat(views.record(
            beacon,
            new Reader(
                "192.0.2.1",
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                false)))
        .isEqualTo(PageViews.Outcome.BOT);
    assertThat(views.record(beacon, new Reader("192.0.2.1", BROWSER, true)))
        .isEqualTo(PageViews.Outcome.PREFETCH);
    assertThat(views.record(beacon, new Reader("192.0.2.1", BROWSER, false, true)))
        .isEqualTo(PageViews.Outcome.OBJECTED);
    assertThat(views
            .bots()
            .isBot("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)"))
        .isTrue();
    assertThat(
            views
                .bots()
                .isBot(
                    "Mozilla/5.0 (Linux; Android 10; CUBOT_NOTE_20) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"))
        .as("a phone, not a bot")
        .isFalse();
    assertThat(views.bots().isBot(BROWSER)).isFalse();
    assertThat(views.bots().isPrefetch("prefetch;prerender", null, null, null)).isTrue();
    assertThat(views.bots().isPrefetch(null, "prefetch", null, null)).isTrue();
    assertThat(views.bots().isPrefetch(null, null, null, null)).isFalse();
    assertThat(views.record(beacon, reader("192.0.2.1"))).isEqualTo(PageViews.Outcome.COUNTED);
    views.flush();
    assertThat(query("SELECT SUM(views) FROM analytics_hour")).isEqualTo(1);
  }

  @Test
  void a_visitor_counts_once_an_hour_once_a_day_and_again_on_the_next_day() {
    open();
    var beacon = new Beacon(articlePath, "", "");
    views.record(beacon, reader("203.0.113.9"));
    views.record(new Beacon("/world", "", ""), reader("203.0.113.9"));
    clock.advance(Duration.ofHours(1));
    views.record(beacon, reader("203.0.113.9"));
    clock.set(Instant.parse("2026-03-11T08:00:00Z"));
    views.record(beacon, reader("203.0.113.9"));
    views.flush();

    assertThat(query("SELECT SUM(views) FROM analytics_hour")).isEqualTo(4);
    assertThat(query("SELECT COUNT(*) FROM analytics_hour")).isEqualTo(3);
    assertThat(query("SELECT SUM(visitors) FROM analytics_hour"))
        .as("once in each of three hours")
        .isEqualTo(3);
    assertThat(query("SELECT COUNT(*) FROM analytics_day")).isEqualTo(2);
    assertThat(query("SELECT SUM(visitors) FROM analytics_day"))
        .as("once on each of two days")
        .isEqualTo(2);
  }

  @Test
  void the_visitor_number_changes_across_days_and_the_old_salt_is_wiped() {
    var hash = new VisitorHash("news.example");
    var monday = LocalDate.of(2026, 3, 9);
    long first = hash.visitor(monday, "203.0.113.9", BROWSER);
    var mondaySalt = hash.saltBytes();
    assertThat(hash.visitor(monday, "203.0.113.9", BROWSER))
        .as("same reader, same day")
        .isEqualTo(first);
    assertThat(hash.visitor(monday, "203.0.113.10", BROWSER))
        .as("another address")
        .isNotEqualTo(first);
    assertThat(hash.visitor(monday, "203.0.113.9", BROWSER + " Edg/126.0"))
        .as("another browser")
        .isNotEqualTo(first);

    long tuesday = hash.visitor(monday.plusDays(1), "203.0.113.9", BROWSER);
    assertThat(tuesday).as("same reader, next day").isNotEqualTo(first);
    assertThat(hash.saltDay()).isEqualTo(monday.plusDays(1));
    assertThat(hash.saltBytes()).hasSize(VisitorHash.SALT_BYTES).isNotEqualTo(mondaySalt);
    assertThat(hash.visitor(monday, "203.0.113.9", BROWSER))
        .as("Monday's salt cannot be had back")
        .isNotEqualTo(first);
  }

  @Test
  void a_flush_after_midnight_wipes_the_old_salt_even_with_no_reader_since() {
    open();
    views.record(new Beacon(articlePath, "", ""), reader("203.0.113.9"));
    assertThat(views.visitorHash().saltDay()).isEqualTo(LocalDate.of(2026, 3, 10));
    clock.set(Instant.parse("2026-03-11T00:00:05Z"));
    views.flush();
    assertThat(views.visitorHash().saltDay())
        .as("no salt held once its day is over")
        .isNull();
    assertThat(views.visitorHash().saltBytes()).isEmpty();
  }

  @Test
  void no_address_user_agent_visitor_number_or_salt_ever_reaches_disk() throws IOException {
    open();
    var ua = "Mozilla/5.0 (X11; Linux x86_64) UniqueReaderAgent-7f3a9c Chrome/126.0 Safari/537.36";
    var ip = "203.0.113.77";
    for (int i = 0; i < 50; i++)
      views.record(
          new Beacon(i == 0 ? articlePath : "/world/page-" + i, "", ""), new Reader(ip, ua, false));
    var today = Bucket.of(clock.instant(), LONDON).date();
    long visitor = views.visitorHash().visitor(today, ip, ua);
    var salt = views.visitorHash().saltBytes();
    views.flush();
    assertThat(query("SELECT SUM(views) FROM analytics_hour")).isEqualTo(50);
    newsroom.close();
    newsroom = null;

    var secrets = new ArrayList<byte[]>();
    secrets.add(ua.getBytes(StandardCharsets.UTF_8));
    secrets.add("UniqueReaderAgent".getBytes(StandardCharsets.UTF_8));
    secrets.add(ip.getBytes(StandardCharsets.UTF_8));
    secrets.add(ByteBuffer.allocate(8).putLong(visitor).array());
    secrets.add(
        ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(visitor).array());
    secrets.add(Long.toString(visitor).getBytes(StandardCharsets.UTF_8));
    secrets.add(Long.toHexString(visitor).getBytes(StandardCharsets.UTF_8));
    secrets.add(salt);
    secrets.add(HexFormat.of().formatHex(salt).getBytes(StandardCharsets.UTF_8));
    var files = new ArrayList<Path>();
    try (var walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    assertThat(files).as("the database was written").isNotEmpty();
    for (var file : files) {
      var bytes = Files.readAllBytes(file);
      for (var secret : secrets) {
        assertThat(indexOf(bytes, secret))
            .as("%s must not hold %s", file.getFileName(), HexFormat.of().formatHex(secret))
            .isNegative();
      }
    }
  }

  @Test
  void counts_a_database_refused_are_kept_and_written_by_the_next_flush() {
    open();
    for (int i = 0; i < 7; i++)
      views.record(new Beacon(articlePath, "example.org", ""), reader("198.51.100." + i));
    newsroom
        .db()
        .jdbi()
        .useHandle(
            h -> h.execute("ALTER TABLE analytics_source_day RENAME TO analytics_source_day_away"));
    assertThatThrownBy(views::flush).isInstanceOf(RuntimeException.class);
    assertThat(query("SELECT COUNT(*) FROM analytics_hour"))
        .as("all or nothing")
        .isZero();

    views.record(new Beacon(articlePath, "", ""), reader("198.51.100.99"));
    newsroom
        .db()
        .jdbi()
        .useHandle(
            h -> h.execute("ALTER TABLE analytics_source_day_away RENAME TO analytics_source_day"));
    assertThat(views.flush()).isEqualTo(8);
    assertThat(query("SELECT SUM(views) FROM analytics_hour")).isEqualTo(8);
    assertThat(query("SELECT SUM(visitors) FROM analytics_day")).isEqualTo(8);
    assertThat(query("SELECT views FROM analytics_source_day WHERE name = 'example.org'"))
        .isEqualTo(7);
  }

  @Test
  void views_recorded_by_many_threads_while_flushes_run_are_all_counted() throws Exception {
    open();
    int threads = 8;
    int each = 5_000;
    var pool = Executors.newFixedThreadPool(threads);
    var start = new CountDownLatch(1);
    var done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int thread = t;
      pool.submit(() -> {
        try {
          start.await();
          for (int i = 0; i < each; i++) {
            views.record(
                new Beacon(i % 2 == 0 ? articlePath : "/world", "", ""),
                // A reader of their own for each view: one reader's repeats are not counted.
                reader("10." + thread + "." + (i / 250) + "." + (i % 250)));
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          done.countDown();
        }
      });
    }
    var stop = new AtomicBoolean();
    var flushes = new ArrayList<Long>();
    var flusher = new Thread(() -> {
      while (!stop.get()) flushes.add(views.flush());
    });
    flusher.start();
    start.countDown();
    done.await();
    stop.set(true);
    flusher.join();
    pool.shutdown();
    flushes.add(views.flush());

    assertThat(flushes.size()).as("flushes ran while views came in").isGreaterThan(2);
    assertThat(flushes.stream().mapToLong(Long::longValue).sum()).isEqualTo((long) threads * each);
    assertThat(query("SELECT SUM(views) FROM analytics_hour")).isEqualTo((long) threads * each);
    assertThat(query("SELECT SUM(views) FROM analytics_day")).isEqualTo((long) threads * each);
    assertThat(query("SELECT views FROM analytics_page_day WHERE article_id = " + articleId))
        .isEqualTo((long) threads * each / 2);
    assertThat(query("SELECT SUM(visitors) FROM analytics_day")).isEqualTo((long) threads * each);
  }

  @Test
  void made_up_paths_are_pooled_and_old_slugs_count_for_their_article() {
    open();
    views.record(new Beacon("/no-such-section/nothing-here", "", ""), reader("192.0.2.5"));
    views.record(new Beacon("/wp-admin/install.php", "", ""), reader("192.0.2.5"));
    views.record(new Beacon(articlePath + "/", "", ""), reader("192.0.2.5"));
    views.record(
        new Beacon(
            "/sport/" + articlePath.substring(articlePath.lastIndexOf('/') + 1) + "?utm_source=x",
            "",
            ""),
        reader("192.0.2.5"));
    views.flush();
    assertThat(query("SELECT views FROM analytics_page_day WHERE path = '(other)'"))
        .isEqualTo(2);
    assertThat(query("SELECT views FROM analytics_page_day WHERE article_id = " + articleId))
        .isEqualTo(2);
    assertThat(query("SELECT COUNT(*) FROM analytics_page_day")).isEqualTo(2);
  }

  @Test
  void bad_beacons_are_refused_with_the_field_named() {
    assertThatThrownBy(() -> new Beacon("", "", "")).hasMessage("path is empty");
    assertThatThrownBy(() -> new Beacon("world", "", ""))
        .hasMessageStartingWith("path must start with /");
    assertThatThrownBy(() -> new Beacon("/" + "a".repeat(600), "", ""))
        .hasMessageContaining("longer than 512");
    assertThatThrownBy(() -> new Beacon("/x", "bad host!", ""))
        .hasMessage("referrer is not a host name");
    assertThatThrownBy(() -> new Beacon("/x", "", "<script>"))
        .hasMessageStartingWith("campaign may hold only");
    var b = new Beacon("/world/", "WWW.Example.COM:443", " Newsletter ");
    assertThat(b).isEqualTo(new Beacon("/world", "example.com", "newsletter"));
  }

  @Test
  void most_read_ranks_articles_read_in_the_last_24_hours() {
    open();
    var world = newsroom.sections().bySlug("world").orElseThrow();
    long second = newsroom
        .articles()
        .create(ArticleDraft.of("Harbour reopens", "Ships return.", world.id(), List.of()));
    newsroom.articles().publish(second);
    var secondPath = newsroom.articles().byId(second).orElseThrow().path();
    for (int i = 0; i < 3; i++)
      views.record(new Beacon(articlePath, "", ""), reader("198.51.100." + i));
    views.flush();
    clock.advance(Duration.ofHours(25));
    for (int i = 0; i < 2; i++)
      views.record(new Beacon(secondPath, "", ""), reader("198.51.100." + i));
    views.flush();

    var mostRead = new MostRead(store, newsroom.published(), clock);
    assertThat(mostRead.stories()).extracting(s -> s.id()).containsExactly(second);
    clock.advance(Duration.ofSeconds(30));
    for (int i = 0; i < 5; i++)
      views.record(new Beacon(articlePath, "", ""), reader("198.51.100." + i));
    views.flush();
    assertThat(mostRead.refresh()).as("not yet a minute old").isFalse();
    clock.advance(Duration.ofSeconds(31));
    assertThat(mostRead.refresh()).isTrue();
    assertThat(mostRead.stories()).extracting(s -> s.id()).containsExactly(articleId, second);
    newsroom.articles().unpublish(articleId);
    assertThat(mostRead.stories())
        .as("an unpublished story drops out at once")
        .extracting(s -> s.id())
        .containsExactly(second);
  }

  @Test
  void a_report_has_a_point_for_every_hour_and_ranks_articles_sections_referrers_and_campaigns() {
    open();
    views.record(new Beacon(articlePath, "duckduckgo.com", ""), reader("198.51.100.1"));
    views.record(new Beacon(articlePath, "duckduckgo.com", "newsletter"), reader("198.51.100.2"));
    views.record(new Beacon("/world", "mastodon.social", ""), reader("198.51.100.1"));
    views.flush();
    var reports = new AnalyticsReports(store, LONDON);
    var today = LocalDate.of(2026, 3, 10);
    var hourly = reports.report(new DateRange(today, today), Resolution.HOUR, 10);
    assertThat(hourly.series()).hasSize(24);
    assertThat(hourly.series().get(9).views()).isEqualTo(3);
    assertThat(hourly.series().get(9).visitors()).isEqualTo(2);
    assertThat(hourly.views()).isEqualTo(3);
    assertThat(hourly.articles()).containsExactly(new Ranked(Long.toString(articleId), 2));
    assertThat(hourly.sections()).containsExactly(new Ranked("world", 3));
    assertThat(hourly.referrers())
        .containsExactly(new Ranked("duckduckgo.com", 2), new Ranked("mastodon.social", 1));
    assertThat(hourly.campaigns()).containsExactly(new Ranked("newsletter", 1));
    var daily = reports.report(DateRange.last(7, today), Resolution.DAY, 10);
    assertThat(daily.series()).hasSize(7);
    assertThat(daily.series().get(6))
        .isEqualTo(new SeriesPoint(today.atStartOfDay(LONDON).toInstant(), 3, 2));
    assertThat(views.liveReaders()).isEqualTo(2);
  }

  @Test
  void the_same_counts_come_out_of_postgresql() {
    var config = TestDatabases.postgres(dir);
    try {
      open(config);
      for (int i = 0; i < 4; i++)
        views.record(
            new Beacon(articlePath, "example.org", "newsletter"), reader("198.51.100." + i));
      views.flush();
      clock.advance(ViewLimits.READER_PAGE_WINDOW);
      views.record(new Beacon(articlePath, "example.org", ""), reader("198.51.100.0"));
      views.flush();
      assertThat(query("SELECT SUM(views) FROM analytics_hour")).isEqualTo(5);
      assertThat(query("SELECT SUM(visitors) FROM analytics_day")).isEqualTo(4);
      assertThat(query("SELECT views FROM analytics_page_hour WHERE article_id = " + articleId))
          .isEqualTo(5);
      assertThat(query("SELECT views FROM analytics_source_day WHERE name = 'example.org'"))
          .isEqualTo(5);
      var report = new AnalyticsReports(store, LONDON)
          .report(DateRange.last(1, LocalDate.of(2026, 3, 10)), Resolution.HOUR, 5);
      assertThat(report.articles()).containsExactly(new Ranked(Long.toString(articleId), 5));
      assertThat(new MostRead(store, newsroom.published(), clock).stories()).hasSize(1);
    } finally {
      close();
      newsroom = null;
      TestDatabases.drop(config);
    }
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }

  @SuppressWarnings("unused")
  private static void unused(Handle h) {}
}
