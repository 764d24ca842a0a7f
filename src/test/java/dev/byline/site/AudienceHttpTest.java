package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.Newsroom;
import dev.byline.analytics.Beacon;
import dev.byline.analytics.Reader;
import dev.byline.auth.Role;
import dev.byline.content.ArticleSummary;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import dev.byline.testing.TopicalNewsroom;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Counting, "Most read" and "For you" over real HTTP, on a small newsroom of topic clusters. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AudienceHttpTest {
  static final String BROWSER =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
  static final String FORM = "application/x-www-form-urlencoded;charset=UTF-8";

  @TempDir
  static Path dir;

  final TestClock clock = new TestClock(Instant.now());
  final ObjectMapper json = new ObjectMapper();
  TestSite site;
  Map<String, Long> ids;
  List<ArticleSummary> stories;

  @BeforeAll
  void start() {
    // Behind a trusted proxy, so a test can speak for readers at many addresses.
    var config = TestDatabases.sqlite(dir, Map.of("http.trust.forwarded", "true"));
    try (var newsroom = Newsroom.open(config, clock)) {
      ids = new java.util.HashMap<>(TopicalNewsroom.seed(newsroom, clock));
      // Two stories on one event with no topic or section in common: only the text says so.
      var texts = Map.of(
          "glacier-read",
              "Meltwater from the Vellmark glaciers has carved new channels through the fjord moraine, and "
                  + "hydrologists measuring the outflow at Kessen Gap recorded the fastest glacier retreat since records began.",
          "glacier-pick",
              "Villagers below Kessen Gap were told to prepare to leave after glaciologists found the moraine "
                  + "dam holding back Vellmark meltwater had weakened; the fjord outflow doubled in a week as the glaciers retreat.");
      var science = newsroom.sections().bySlug("science").orElseThrow().id();
      var world = newsroom.sections().bySlug("world").orElseThrow().id();
      var glaciers = newsroom
          .topics()
          .ensure("Glaciology", dev.byline.content.TopicType.SUBJECT)
          .id();
      var villages = newsroom
          .topics()
          .ensure("Kessen villages", dev.byline.content.TopicType.PLACE)
          .id();
      for (var story : List.of(
          new Object[] {
            "glacier-read", "Vellmark glaciers retreat at record pace", science, glaciers
          },
          new Object[] {
            "glacier-pick",
            "Moraine dam above Kessen Gap may breach, glaciologists warn",
            world,
            villages
          })) {
        long id = newsroom
            .articles()
            .create(new dev.byline.content.ArticleDraft(
                (String) story[0],
                (String) story[1],
                "",
                "",
                dev.byline.content.Source.NONE,
                (Long) story[2],
                List.of((Long) story[3]),
                List.of(),
                null,
                List.of(dev.byline.content.Block.Paragraph.ofText(texts.get((String) story[0]))),
                "",
                "",
                ""));
        newsroom.articles().publishAsOf(id, clock.instant().minus(Duration.ofHours(30)), null);
        ids.put((String) story[0], id);
      }
    }
    site = TestSite.start(config, clock);
    stories = site.newsroom().published().latest(1, 100).items();
    site.byline()
        .accounts()
        .users()
        .create("editor@example.org", "Eda Editor", Role.EDITOR, PASSWORD, false);
    site.byline()
        .accounts()
        .users()
        .create("writer@example.org", "Wim Writer", Role.WRITER, PASSWORD, false);
  }

  static final String PASSWORD = "correct horse battery staple";

  @AfterAll
  void stop() {
    site.close();
  }

  static String form(String path, String referrer, String campaign) {
    return "p=" + enc(path) + "&r=" + enc(referrer) + "&u=" + enc(campaign);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  HttpResponse<String> beacon(String body, String... headers) {
    return site.post("/beacon", FORM, body, headers);
  }

  long sql(String query) {
    return site.newsroom()
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery(query).mapTo(Long.class).one());
  }

  long views(String path) {
    return site.newsroom()
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery(
                "SELECT COALESCE(SUM(views), 0) FROM analytics_page_day WHERE path = :p")
            .bind("p", path)
            .mapTo(Long.class)
            .one());
  }

  long source(String kind, String name) {
    return site.newsroom()
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery(
                "SELECT COALESCE(SUM(views), 0) FROM analytics_source_day WHERE kind = :k AND name = :n")
            .bind("k", kind)
            .bind("n", name)
            .mapTo(Long.class)
            .one());
  }

  @Test
  void
      every_page_carries_the_beacon_script_and_a_beacon_counts_a_view_with_its_referrer_and_campaign() {
    var front = site.get("/").body();
    assertThat(front)
        .containsPattern("<script src=\"/static/beacon.js\\?v=[0-9a-f]+\" defer></script>");
    var script = site.get("/static/beacon.js");
    assertThat(script.body())
        .contains("sendBeacon", "/beacon")
        .doesNotContain("document.cookie", "localStorage");
    assertThat(script.body().length()).as("a tiny script").isLessThan(1200);

    var path = stories.get(5).path();
    site.byline().pageViews().flush();
    long before = views(path);
    long referredBefore = source("referrer", "lobste.rs");
    long campaignBefore = source("campaign", "newsletter");
    var r = beacon(form(path, "lobste.rs", "Newsletter"), "User-Agent", BROWSER);
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(r.headers().firstValue("Set-Cookie")).as("cookieless").isEmpty();
    site.byline().pageViews().flush();
    assertThat(views(path) - before).isEqualTo(1);
    assertThat(source("referrer", "lobste.rs") - referredBefore).isEqualTo(1);
    assertThat(source("campaign", "newsletter") - campaignBefore).isEqualTo(1);
  }

  @Test
  void ten_thousand_views_from_five_hundred_readers_are_all_counted() throws Exception {
    site.byline().pageViews().flush();
    long viewsBefore = sql("SELECT COALESCE(SUM(views), 0) FROM analytics_day");
    long visitorsBefore = sql("SELECT COALESCE(SUM(visitors), 0) FROM analytics_day");
    var paths = stories.subList(0, 20).stream().map(ArticleSummary::path).toList();
    var pathsBefore = paths.stream().map(this::views).toList();
    long referredBefore = source("referrer", "bsky.app");
    long campaignBefore = source("campaign", "load-test");
    var pool = Executors.newFixedThreadPool(8);
    var jobs = new ArrayList<Callable<Integer>>();
    int total = 10_000;
    for (int t = 0; t < 8; t++) {
      int thread = t;
      jobs.add(() -> {
        int failed = 0;
        for (int i = thread; i < total; i += 8) {
          // Each of 500 readers, at an address of their own, reads each of the 20 stories once.
          int reader = i % 500;
          var agent = BROWSER + " Reader/" + reader;
          var address = "198.18." + (reader / 250) + "." + (reader % 250);
          var body = form(
              paths.get((i / 500) % paths.size()),
              i % 10 == 0 ? "bsky.app" : "",
              i % 4 == 0 ? "load-test" : "");
          if (beacon(body, "User-Agent", agent, "X-Forwarded-For", address).statusCode() != 204)
            failed++;
        }
        return failed;
      });
    }
    int failed = 0;
    for (Future<Integer> f : pool.invokeAll(jobs)) failed += f.get();
    pool.shutdown();
    assertThat(failed).isZero();
    site.byline().pageViews().flush();

    assertThat(sql("SELECT COALESCE(SUM(views), 0) FROM analytics_day") - viewsBefore)
        .isEqualTo(total);
    assertThat(sql("SELECT COALESCE(SUM(visitors), 0) FROM analytics_day") - visitorsBefore)
        .isEqualTo(500);
    for (int i = 0; i < paths.size(); i++) {
      assertThat(views(paths.get(i)) - pathsBefore.get(i))
          .as(paths.get(i))
          .isEqualTo(total / paths.size());
    }
    assertThat(source("referrer", "bsky.app") - referredBefore).isEqualTo(total / 10);
    assertThat(source("campaign", "load-test") - campaignBefore).isEqualTo(total / 4);
  }

  @Test
  void bots_prefetches_objecting_readers_and_other_sites_pages_are_not_counted() {
    var path = stories.get(23).path();
    site.byline().pageViews().flush();
    long before = views(path);
    assertThat(beacon(
                form(path, "", ""),
                "User-Agent",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36")
            .statusCode())
        .isEqualTo(204);
    assertThat(beacon(
                form(path, "", ""),
                "User-Agent",
                "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")
            .statusCode())
        .isEqualTo(204);
    assertThat(beacon(form(path, "", ""), "User-Agent", BROWSER, "Sec-Purpose", "prefetch")
            .statusCode())
        .isEqualTo(204);
    assertThat(beacon(form(path, "", ""), "User-Agent", BROWSER, "Purpose", "prefetch")
            .statusCode())
        .isEqualTo(204);
    assertThat(beacon(form(path, "", ""), "User-Agent", BROWSER, "Sec-GPC", "1").statusCode())
        .isEqualTo(204);
    assertThat(beacon(form(path, "", ""), "User-Agent", BROWSER, "DNT", "1").statusCode())
        .isEqualTo(204);
    var crossSite =
        beacon(form(path, "", ""), "User-Agent", BROWSER, "Sec-Fetch-Site", "cross-site");
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(crossSite.body()).contains("this site's own pages");
    assertThat(beacon(form(path, "localhost", ""), "User-Agent", BROWSER).statusCode())
        .isEqualTo(204);
    site.byline().pageViews().flush();
    assertThat(views(path) - before)
        .as("only the last, a reader moving within the site")
        .isEqualTo(1);
    assertThat(source("referrer", "localhost"))
        .as("moving within the site is not a referral")
        .isZero();
  }

  @Test
  void malformed_beacons_get_a_clear_error_and_oversized_ones_are_refused() {
    var noPath = beacon("r=example.org", "User-Agent", BROWSER);
    assertThat(noPath.statusCode()).isEqualTo(400);
    assertThat(noPath.body()).contains("path is empty");
    var badHost = beacon(form("/world", "not a host", ""), "User-Agent", BROWSER);
    assertThat(badHost.statusCode()).isEqualTo(400);
    assertThat(badHost.body()).contains("referrer is not a host name");
    var badEncoding = beacon("p=%zz", "User-Agent", BROWSER);
    assertThat(badEncoding.statusCode()).isEqualTo(400);
    assertThat(beacon("p=/" + "a".repeat(3000), "User-Agent", BROWSER).statusCode())
        .isEqualTo(413);
    assertThat(site.get("/beacon").statusCode()).as("only POST").isIn(404, 405);
  }

  @Test
  void most_read_is_a_cached_fragment_and_page_so_article_and_front_pages_stay_the_same_bytes()
      throws Exception {
    var front = site.get("/");
    var article = site.get(stories.get(1).path());
    for (var page : List.of(front.body(), article.body())) {
      assertThat(page).contains("data-most-read", "<a href=\"/most-read\">");
    }
    var a = stories.get(7);
    var b = stories.get(3);
    var c = stories.get(12);
    var views = site.byline().pageViews();
    // 750 readers (three browsers at each of 250 addresses) read a; 600 read b; 450 read c.
    for (int i = 0; i < 750; i++) {
      var reader = new Reader("192.0.2." + (i % 250), BROWSER + " R/" + (i / 250), false);
      views.record(new Beacon(a.path(), "", ""), reader);
      if (i < 600) views.record(new Beacon(b.path(), "", ""), reader);
      if (i < 450) views.record(new Beacon(c.path(), "", ""), reader);
    }
    clock.advance(Duration.ofMinutes(2));
    views.flush();

    var fragment = site.get("/most-read.json");
    assertThat(fragment.statusCode()).isEqualTo(200);
    assertThat(fragment.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(fragment.headers().firstValue("Cache-Control").orElseThrow())
        .contains("public", "max-age=60");
    assertThat(fragment.headers().firstValue("Surrogate-Key").orElseThrow()).contains("most-read");
    var items = json.readTree(fragment.body()).get("items");
    assertThat(items.size()).isBetween(3, 10);
    assertThat(List.of(
            items.get(0).get("id").asLong(),
            items.get(1).get("id").asLong(),
            items.get(2).get("id").asLong()))
        .containsExactly(a.id(), b.id(), c.id());
    assertThat(items.get(0).get("path").asText()).isEqualTo(a.path());
    assertThat(items.get(0).get("headline").asText()).isEqualTo(a.headline());
    assertThat(items.get(0).has("views")).as("counts stay in the newsroom").isFalse();

    var page = site.get("/most-read");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>Most read</h1>");
    assertThat(page.body().indexOf(a.path())).isLessThan(page.body().indexOf(b.path()));

    assertThat(site.get("/").headers().firstValue("ETag"))
        .as("the front page was not re-rendered")
        .isEqualTo(front.headers().firstValue("ETag"));
    assertThat(site.get(stories.get(1).path()).headers().firstValue("ETag"))
        .isEqualTo(article.headers().firstValue("ETag"));
  }

  @Test
  void for_you_recommends_fresh_unread_stories_that_share_topics_and_says_why() throws Exception {
    var body =
        "{\"read\":[" + ids.get("election-1") + "," + ids.get("election-3") + "],\"follow\":[]}";
    var r = site.post("/for-you.json", "application/json", body);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    var items = json.readTree(r.body()).get("items");
    assertThat(items.size()).isEqualTo(6);
    var picked = new ArrayList<Long>();
    for (JsonNode item : items) picked.add(item.get("id").asLong());
    assertThat(picked.subList(0, 3))
        .as("the rest of the election coverage comes first")
        .containsExactlyInAnyOrder(
            ids.get("election-2"), ids.get("election-4"), ids.get("election-5"));
    assertThat(picked)
        .as("not what was read, nothing stale")
        .doesNotContain(ids.get("election-1"), ids.get("election-3"), ids.get("election-old"));
    assertThat(items.get(0).get("reason").asText())
        .matches("Because you read “Norreland election: report [13]”");
    assertThat(items.get(0).get("path").asText()).startsWith("/world/election-");
    for (JsonNode item : items) {
      assertThat(Instant.parse(item.get("published").asText()))
          .isAfter(clock.instant().minus(Duration.ofDays(14)));
    }

    var followed = json.readTree(
            site.post("/for-you.json", "application/json", "{\"follow\":[\"halden-rovers\"]}")
                .body())
        .get("items");
    assertThat(followed.size()).isEqualTo(5);
    for (JsonNode item : followed) {
      assertThat(item.get("reason").asText()).isEqualTo("Because you follow Halden Rovers");
      assertThat(item.get("path").asText()).startsWith("/sport/football-");
    }

    var none = json.readTree(
            site.post("/for-you.json", "application/json", "{}").body())
        .get("items");
    assertThat(none.size()).as("no signals, no picks").isZero();
  }

  @Test
  void for_you_refuses_bad_signals_with_the_field_named() {
    var notJson = site.post("/for-you.json", "application/json", "read=1");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("must be JSON");
    var badIds = site.post("/for-you.json", "application/json", "{\"read\":[\"x\"]}");
    assertThat(badIds.statusCode()).isEqualTo(400);
    assertThat(badIds.body()).contains("read must hold article ids");
    var badSlug = site.post("/for-you.json", "application/json", "{\"follow\":[\"Not A Slug\"]}");
    assertThat(badSlug.statusCode()).isEqualTo(400);
    assertThat(badSlug.body()).contains("follow must hold topic slugs");
    var many =
        site.post("/for-you.json", "application/json", "{\"read\":[" + "1,".repeat(60) + "1]}");
    assertThat(many.statusCode()).as("duplicates collapse").isEqualTo(200);
    var tooMany = new StringBuilder("{\"read\":[");
    for (int i = 1; i <= 60; i++) tooMany.append(i).append(i < 60 ? "," : "]}");
    var r = site.post("/for-you.json", "application/json", tooMany.toString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("read holds more than 50 articles");
    assertThat(site.post("/for-you.json?limit=99", "application/json", "{}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void the_dashboard_and_its_export_ask_for_an_editor_to_sign_in() {
    for (var path : List.of("/admin/analytics", "/admin/analytics/export.csv?what=series")) {
      var r = site.get(path);
      assertThat(r.statusCode()).as(path).isIn(302, 303);
      assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/admin/login");
    }
  }

  @Test
  void reserved_paths_answer_before_the_section_catch_all() {
    assertThat(site.get("/most-read").statusCode()).isEqualTo(200);
    assertThat(site.get("/most-read.json").statusCode()).isEqualTo(200);
    var req = HttpRequest.newBuilder(URI.create(site.url("/for-you.json")))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
    assertThat(
            site.send(req, new String[0], HttpResponse.BodyHandlers.ofString()).statusCode())
        .isNotEqualTo(500);
  }

  @Test
  void the_dashboard_shows_traffic_rankings_and_live_readers_with_a_readable_svg_chart() {
    var views = site.byline().pageViews();
    var story = stories.get(15);
    for (int i = 0; i < 30; i++) {
      views.record(
          new Beacon(
              story.path(),
              i < 12 ? "dashboard-referrer.example" : "",
              i < 5 ? "dashboard-campaign" : ""),
          new Reader("203.0.113." + i, BROWSER, false));
    }
    views.flush();
    var editor = new AdminClient(site).signIn("editor@example.org", PASSWORD);
    var today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    var r = editor.get("/admin/analytics?from=" + today + "&to=" + today);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    var html = r.body();
    assertThat(html)
        .contains(
            "<h1>Analytics</h1>", "href=\"/admin/analytics\" aria-current=\"page\">Analytics</a>");
    assertThat(html)
        .containsPattern(
            "<svg class=\"chart\" viewBox=\"0 0 \\d+ \\d+\" width=\"100%\" role=\"img\" aria-labelledby=\"traffic-title traffic-desc\"");
    assertThat(html)
        .contains(
            "<title id=\"traffic-title\">Page views and visitors, ",
            "<desc id=\"traffic-desc\">",
            "by hour.",
            ">Hour (UTC)</text>",
            ">Count</text>",
            ">Page views</text>",
            ">Visitors</text>",
            "<polyline points=\"");
    assertThat(html).contains("<caption>Page views and visitors by hour</caption>");
    assertThat(html).contains("<a href=\"" + story.path() + "\">" + story.headline() + "</a>");
    assertThat(html)
        .contains(
            "dashboard-referrer.example",
            "dashboard-campaign",
            "Live readers",
            "in the last 5 minutes");
    assertThat(html)
        .contains("<input type=\"date\" name=\"from\" value=\"" + today + "\" required>");
    assertThat(html)
        .contains("href=\"/admin/analytics/export.csv?from=" + today + "&amp;to=" + today
            + "&amp;resolution=hour&amp;what=articles\"");

    var week = editor.get("/admin/analytics");
    assertThat(week.body())
        .contains("by day.", ">Day (UTC)</text>", "aria-current=\"page\">Last 7 days</a>");
  }

  @Test
  void the_dashboard_exports_csv_and_refuses_bad_ranges_and_writers() {
    var editor = new AdminClient(site).signIn("editor@example.org", PASSWORD);
    var today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    var series = editor.get("/admin/analytics/export.csv?from=" + today + "&to=" + today
        + "&resolution=hour&what=series");
    assertThat(series.statusCode()).isEqualTo(200);
    assertThat(series.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(series.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo("attachment; filename=\"analytics-series-" + today + "-to-" + today + ".csv\"");
    var lines = series.body().split("\r\n");
    assertThat(lines[0]).isEqualTo("hour,page_views,visitors");
    assertThat(lines).hasSize(25);
    assertThat(lines[1]).startsWith(today + "T00:00:00Z,");
    var articles = editor.get("/admin/analytics/export.csv?what=articles").body();
    assertThat(articles).startsWith("rank,article_id,headline,path,page_views\r\n1,");

    var backwards = editor.get("/admin/analytics?from=2026-03-10&to=2026-03-01");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body()).contains("to is before from");
    var notADate = editor.get("/admin/analytics?from=yesterday");
    assertThat(notADate.statusCode()).isEqualTo(400);
    assertThat(notADate.body()).contains("from must be a date like 2026-03-31");
    assertThat(editor
            .get("/admin/analytics?from=2026-01-01&to=2026-03-01&resolution=hour")
            .body())
        .contains("hour is available for ranges of up to 31 days");
    assertThat(editor.get("/admin/analytics/export.csv?what=everything").statusCode())
        .isEqualTo(400);

    var writer = new AdminClient(site).signIn("writer@example.org", PASSWORD);
    assertThat(writer.get("/admin/analytics").statusCode()).isEqualTo(403);
    assertThat(writer.get("/admin/analytics/export.csv").statusCode()).isEqualTo(403);
  }

  @Test
  void for_you_includes_what_the_related_engine_finds_like_a_recent_read() throws Exception {
    dev.byline.testing.Eventually.await(
        "the search index holds the stories",
        Duration.ofSeconds(30),
        () -> site.byline().searchIndex().size() >= ids.size());
    var r = site.post(
        "/for-you.json", "application/json", "{\"read\":[" + ids.get("glacier-read") + "]}");
    var items = json.readTree(r.body()).get("items");
    var picked = new ArrayList<Long>();
    for (JsonNode item : items) picked.add(item.get("id").asLong());
    assertThat(picked)
        .as("no shared topic or section: the text is the only link")
        .contains(ids.get("glacier-pick"));
    assertThat(items.get(picked.indexOf(ids.get("glacier-pick"))).get("reason").asText())
        .isEqualTo("Because you read “Vellmark glaciers retreat at record pace”");
  }
}
