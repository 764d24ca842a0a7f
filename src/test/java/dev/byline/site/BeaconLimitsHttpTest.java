package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.analytics.ViewLimits;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.json.Json;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The beacon's limits over real HTTP, behind a trusted proxy so each request can come from an
 * address of its own: one view per reader and page per half hour, a cap per address (an IPv6
 * /64 being one address), and "Most read" that a script at one address cannot take over.
 */
class BeaconLimitsHttpTest {
  static final String BROWSER =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
  static final String FORM = "application/x-www-form-urlencoded;charset=UTF-8";

  @TempDir
  Path dir;

  final TestClock clock = new TestClock(Instant.parse("2026-03-10T09:00:00Z"));
  TestSite site;
  long section;

  @BeforeEach
  void start() {
    site = TestSite.start(
        TestDatabases.sqlite(
            dir, Map.of("http.trust.forwarded", "true", "analytics.flushSeconds", "3600")),
        clock);
    section = site.newsroom().sections().ensure("world", "World", "", 1).id();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  record Story(long id, String path) {}

  Story story(String headline, Duration age) {
    var articles = site.newsroom().articles();
    long id = articles.create(
        ArticleDraft.of(headline, "", section, List.of(Block.Paragraph.ofText("It happened."))));
    articles.publishAsOf(id, clock.instant().minus(age), null);
    return new Story(id, articles.byId(id).orElseThrow().path());
  }

  /** A beacon as beacon.js sends it, from {@code address} by way of the trusted proxy. */
  int beacon(String path, String address, String userAgent) {
    var body = "p=" + URLEncoder.encode(path, StandardCharsets.UTF_8) + "&r=&u=";
    var headers = new ArrayList<String>(List.of("X-Forwarded-For", address));
    if (userAgent != null) headers.addAll(List.of("User-Agent", userAgent));
    return site.post("/beacon", FORM, body, headers.toArray(String[]::new)).statusCode();
  }

  long views(Story story) {
    site.byline().pageViews().flush();
    return site.newsroom()
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery(
                "SELECT COALESCE(SUM(views), 0) FROM analytics_page_hour WHERE article_id = :id")
            .bind("id", story.id())
            .mapTo(Long.class)
            .one());
  }

  long allViews() {
    site.byline().pageViews().flush();
    return site.newsroom()
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT COALESCE(SUM(views), 0) FROM analytics_hour")
            .mapTo(Long.class)
            .one());
  }

  List<Long> mostRead() throws Exception {
    clock.advance(Duration.ofMinutes(2));
    site.byline().pageViews().flush();
    var r = site.get("/most-read.json");
    assertThat(r.statusCode()).isEqualTo(200);
    var ids = new ArrayList<Long>();
    for (JsonNode item : Json.MAPPER.readTree(r.body()).get("items"))
      ids.add(item.get("id").asLong());
    return ids;
  }

  @Test
  void hundreds_of_scripted_views_from_one_address_do_not_put_an_old_story_at_the_top()
      throws Exception {
    var old = story("Council minutes from a fortnight ago", Duration.ofDays(14));
    var real = story("Storm closes the coast road", Duration.ofHours(3));
    var statuses = new ArrayList<Integer>();
    // 450 views in 75 seconds from one address, a different browser claimed for each, as the
    // finding's script did; and bots, which never count, from addresses of their own.
    for (int i = 0; i < 450; i++) {
      statuses.add(beacon(old.path(), "198.51.100.66", BROWSER + " Run/" + i));
      clock.advance(Duration.ofMillis(75_000 / 450));
    }
    for (int i = 0; i < 30; i++) {
      var address = "203.0.113." + (100 + i);
      statuses.add(beacon(old.path(), address, "curl/8.5.0"));
      statuses.add(
          beacon(
              old.path(),
              address,
              "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36"));
      statuses.add(beacon(old.path(), address, null));
    }
    // A dozen real readers, each at home, read the story of the day.
    for (int i = 0; i < 12; i++) statuses.add(beacon(real.path(), "192.0.2." + (10 + i), BROWSER));

    assertThat(statuses).as("the script is not told it was dropped").containsOnly(204);
    var ranking = mostRead();
    assertThat(ranking).first().as("the real readers' story leads").isEqualTo(real.id());
    assertThat(ranking).containsExactly(real.id(), old.id());
    assertThat(views(old)).isEqualTo(ViewLimits.ADDRESS_PAGE_VIEWS_PER_HOUR);
    assertThat(views(real)).isEqualTo(12);
  }

  @Test
  void rotating_through_an_ipv6_slash_64_is_one_address() {
    var old = story("Last month's fixtures", Duration.ofDays(30));
    for (int i = 0; i < 100; i++) {
      var address = "2001:db8:5:7:" + Integer.toHexString(0x1000 + i) + ":0:0:" + (i + 1);
      assertThat(beacon(old.path(), address, BROWSER + " Run/" + i)).isEqualTo(204);
    }
    assertThat(views(old)).isEqualTo(ViewLimits.ADDRESS_PAGE_VIEWS_PER_HOUR);

    // Neighbours in other /64s are other households.
    for (int i = 0; i < 5; i++)
      assertThat(beacon(old.path(), "2001:db8:5:" + (100 + i) + "::1", BROWSER)).isEqualTo(204);
    assertThat(views(old)).isEqualTo(ViewLimits.ADDRESS_PAGE_VIEWS_PER_HOUR + 5);
  }

  @Test
  void a_reader_counts_once_per_page_per_half_hour() {
    var one = story("Bridge reopens", Duration.ofHours(2));
    var two = story("Ferry timetable changes", Duration.ofHours(2));
    for (int i = 0; i < 5; i++) {
      if (i > 0) clock.advance(Duration.ofMinutes(7)); // reloads at 0, 7, 14, 21 and 28 minutes
      assertThat(beacon(one.path(), "192.0.2.44", BROWSER)).isEqualTo(204);
    }
    assertThat(views(one)).as("five reloads within half an hour").isEqualTo(1);
    assertThat(beacon(two.path(), "192.0.2.44", BROWSER)).isEqualTo(204);
    assertThat(views(two)).as("another page is another view").isEqualTo(1);
    assertThat(beacon(one.path(), "192.0.2.45", BROWSER)).isEqualTo(204);
    assertThat(views(one)).as("another reader is another view").isEqualTo(2);

    clock.advance(Duration.ofMinutes(2)); // 30 minutes after the first counted view
    assertThat(beacon(one.path(), "192.0.2.44", BROWSER)).isEqualTo(204);
    assertThat(views(one)).as("back after half an hour").isEqualTo(3);
  }

  @Test
  void one_address_has_at_most_sixty_views_a_minute_counted_across_pages() {
    var sent = 0;
    for (int i = 0; i < 100; i++) {
      assertThat(beacon("/world/page-" + i, "198.51.100.9", BROWSER + " Run/" + i))
          .isEqualTo(204);
      sent++;
    }
    assertThat(sent).isEqualTo(100);
    assertThat(allViews()).isEqualTo(ViewLimits.ADDRESS_VIEWS_PER_MINUTE);
    clock.advance(Duration.ofMinutes(1));
    assertThat(beacon("/world/page-100", "198.51.100.9", BROWSER)).isEqualTo(204);
    assertThat(allViews()).as("the next minute").isEqualTo(ViewLimits.ADDRESS_VIEWS_PER_MINUTE + 1);
  }
}
