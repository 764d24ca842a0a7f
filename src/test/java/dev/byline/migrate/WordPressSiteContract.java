package dev.byline.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.config.Config;
import dev.byline.testing.Cli;
import dev.byline.testing.ReaderCrawl;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real WordPress 6 site's export (written by WordPress's own export_wp(), see
 * src/test/resources/wxr/wordpress/regenerate.sh) imported through the command line, then read
 * back over HTTP as readers and search engines would. Run on SQLite and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WordPressSiteContract {
  static final List<String> SECRETS = List.of(
      "SECRETDRAFT",
      "SECRETPRIVATE",
      "SECRETPENDING",
      "SECRETFUTURE",
      "SECRETPASSWORD",
      "SECRETTRASH",
      "SECRETATTACHMENT",
      "SECRETPAGE");

  Path dir;

  Config config;
  TestSite site;
  WxrFacts facts;
  Path wxr;
  Path report;
  Cli.Run firstRun;

  abstract Config config(Path dataDir);

  static Path fixture(String name) throws Exception {
    return Path.of(
        WordPressSiteContract.class.getResource("/wxr/wordpress/" + name).toURI());
  }

  String[] importArgs(String... more) throws Exception {
    var args = new ArrayList<>(List.of(
        "import",
        wxr.toString(),
        "--uploads",
        fixture("uploads").toString(),
        "--data",
        config.dataDir().toString()));
    if (!config.embeddedDatabase()) args.addAll(List.of("--database-url", config.databaseUrl()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @BeforeAll
  void importAndServe(@TempDir Path dir) throws Exception {
    this.dir = dir;
    wxr = fixture("news-site.xml");
    facts = WxrFacts.read(wxr);
    config = config(dir.resolve("data"));
    report = dir.resolve("report.txt");
    firstRun = Cli.run(importArgs("--report", report.toString())).assertSucceeded();
    site = TestSite.start(config);
    assertThat(site.byline().searchIndex().awaitPosition(site.newsroom().feed().head(), 60_000))
        .isTrue();
  }

  @AfterAll
  void stop() {
    if (site != null) site.close();
    if (config != null) TestDatabases.drop(config);
  }

  @Test
  void no_draft_private_pending_scheduled_protected_trashed_page_or_attachment_reaches_a_reader() {
    var crawl = ReaderCrawl.of(
        site,
        List.of(
            "operator",
            "rota",
            "lifeboat",
            "winners",
            "minutes",
            "retracted",
            "embargoed",
            "advertising",
            "secret",
            "sec"));
    assertThat(crawl.size()).isGreaterThan(40);
    assertThat(crawl.pagesContaining("Night ferry to run all year")).isNotEmpty();
    for (var secret : SECRETS)
      assertThat(crawl.pagesContaining(secret)).as(secret).isEmpty();
    for (var p : facts.posts()) {
      // Attachments' pages lead to their post once it is out; that is checked elsewhere.
      if (p.publicInWordPress() || p.type().equals("attachment")) continue;
      for (var old : List.of("/?p=" + p.id(), p.linkPath())) {
        var r = site.get(old);
        assertThat(r.statusCode())
            .as(old + " of " + p.type() + "/" + p.status())
            .isNotEqualTo(301);
        assertThat(r.body()).doesNotContain("SECRET");
      }
    }
  }

  @Test
  void every_published_post_is_at_its_new_address_and_every_old_one_answers_301_there() {
    assertThat(facts.published()).hasSizeGreaterThan(10);
    for (var p : facts.published()) {
      var moved = site.get("/?p=" + p.id());
      assertThat(moved.statusCode()).as("/?p=" + p.id()).isEqualTo(301);
      var location =
          URI.create(moved.headers().firstValue("Location").orElseThrow()).getPath();
      var page = site.get(location);
      assertThat(page.statusCode()).as(location).isEqualTo(200);
      assertThat(page.body()).contains("<h1>" + p.title().replace("&", "&amp;") + "</h1>");
      assertThat(location).endsWith("/" + p.name());
      var old = new ArrayList<String>(List.of(p.linkPath(), p.linkPath().replaceAll("/$", "")));
      var day = p.date().substring(0, 10).replace('-', '/');
      old.add("/" + day + "/" + p.name() + "/");
      for (var slug : p.oldSlugs()) old.add("/" + day + "/" + slug + "/");
      old.add("/" + day + "/" + p.name() + "/amp/");
      for (var path : old) {
        var r = site.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(301);
        assertThat(URI.create(r.headers().firstValue("Location").orElseThrow()).getPath())
            .as(path)
            .isEqualTo(location);
      }
    }
  }

  @Test
  void categories_tags_authors_feeds_search_and_attachment_pages_answer_301() {
    var expected = new LinkedHashMap<String, String>();
    expected.put("/category/news/", "/news");
    expected.put("/category/news/local/", "/topic/local");
    expected.put("/category/news/world/europe/", "/topic/europe");
    expected.put("/category/sport/football/", "/topic/football");
    expected.put("/category/feed/", "/feed-section");
    expected.put("/category/news/page/2/", "/news?page=2");
    expected.put("/category/news/feed/", "/feed/news/rss.xml");
    expected.put("/tag/ferries/", "/topic/ferries");
    expected.put("/tag/ferries/feed/", "/feed/topic/ferries/rss.xml");
    expected.put("/author/tobias-l/", "/author/tobias-lindqvist");
    expected.put("/author/aisha/", "/author/aisha-okafor");
    expected.put("/?author=3", "/author/aisha-okafor");
    expected.put("/feed/", "/feed/rss.xml");
    expected.put("/?feed=rss2", "/feed/rss.xml");
    expected.put("/?s=ferry", "/search?q=ferry");
    expected.put(
        "/2024/04/08/night-ferry-all-year/the-quay-at-dusk/", "/news/night-ferry-all-year");
    for (var e : expected.entrySet()) {
      var r = site.get(e.getKey());
      assertThat(r.statusCode()).as(e.getKey()).isEqualTo(301);
      var location = URI.create(r.headers().firstValue("Location").orElseThrow());
      var path = location.getRawPath()
          + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
      assertThat(path).as(e.getKey()).isEqualTo(e.getValue());
      if (!path.contains("?page="))
        assertThat(site.get(path).statusCode()).as(path).isEqualTo(200);
    }
    var file = site.get("/wp-content/uploads/2024/04/quay-at-dusk.jpg");
    assertThat(file.statusCode()).isEqualTo(301);
    var image = site.getBytes(
        URI.create(file.headers().firstValue("Location").orElseThrow()).getPath());
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
  }

  @Test
  void the_reports_counts_of_the_export_are_the_exports_own() throws Exception {
    var text = Files.readString(report);
    var inExport = section(text, "In the export");
    var expected = new LinkedHashMap<String, Integer>(facts.counts());
    expected.put("comments (all statuses)", facts.comments());
    assertThat(inExport).isEqualTo(expected);
    var did = section(text, "What the import did");
    assertThat(did.get("published")).isEqualTo(facts.published().size());
    int articles = (int) facts.posts().stream()
        .filter(p ->
            (p.type().equals("post") || p.type().equals("page")) && !p.status().equals("trash"))
        .count();
    assertThat(did.getOrDefault("published", 0)
            + did.getOrDefault("drafts", 0)
            + did.getOrDefault("in review", 0)
            + did.getOrDefault("scheduled", 0))
        .isEqualTo(articles);
    int attachments = facts.counts().getOrDefault("attachment/inherit", 0);
    assertThat(did.getOrDefault("images", 0) + did.getOrDefault("attachments not imported", 0))
        .isEqualTo(attachments);
    assertThat(text)
        .contains("post 31 \"SECRETTRASH Retracted story\" → skipped: in WordPress's trash");
    assertThat(text).contains("→ drafts: private in WordPress");
    assertThat(text).contains("[contact-form-7]: 1");
    assertThat(text).contains("Byline does not show comments yet");
    assertThat(firstRun.out()).contains(facts.published().size() + " published");
  }

  @Test
  void a_second_run_of_the_same_export_adds_nothing() throws Exception {
    var before = counts();
    var again =
        Cli.run(importArgs("--report", dir.resolve("again.txt").toString())).assertSucceeded();
    assertThat(again.out())
        .doesNotContain(" published,")
        .contains("already imported by an earlier run");
    var did = section(Files.readString(dir.resolve("again.txt")), "What the import did");
    assertThat(did).containsOnlyKeys("already imported by an earlier run");
    assertThat(did.get("already imported by an earlier run"))
        .isEqualTo(facts.posts().size());
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void featured_images_keep_caption_credit_and_alt_and_comments_are_kept_but_not_shown()
      throws Exception {
    var page = site.get("/news/night-ferry-all-year").body();
    assertThat(page)
        .contains(
            "Passengers queue for the 22:40 crossing.",
            "Lena Berg/Harbour Gazette",
            "alt=\"A queue of passengers on a lit quay beside a ferry\"",
            "Eight councillors voted for the year-round service.",
            "data-video-id=\"M7lc1UVf-VE\"",
            "Councillor Ines Haugen");
    assertThat(page).doesNotContain("About time", "Rolf Dahl");
    var csv = dir.resolve("comments.csv");
    var args = new ArrayList<>(
        List.of("comments", "export", csv.toString(), "--data", config.dataDir().toString()));
    if (!config.embeddedDatabase()) args.addAll(List.of("--database-url", config.databaseUrl()));
    Cli.run(args.toArray(String[]::new)).assertSucceeded();
    var text = Files.readString(csv);
    assertThat(text.split("\r\n", -1))
        .hasSize(1 + 4 + 1); // header, four comments, nothing after the last line end
    assertThat(text)
        .contains(
            "night-ferry-all-year",
            "Rolf Dahl",
            "rolf@example.net",
            "About time. The last bus is gone by ten.")
        .contains(",approved,", ",pending,", "2024-04-08T11:00:00Z")
        .doesNotContain("Cheap pills", "203.0.113.7");
  }

  Map<String, Long> counts() {
    var out = new LinkedHashMap<String, Long>();
    site.newsroom().db().jdbi().useHandle(h -> {
      for (var table : List.of(
          "article",
          "image",
          "section",
          "topic",
          "author",
          "legacy_url",
          "imported_comment",
          "migration_item",
          "change_feed"))
        out.put(
            table,
            h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    });
    return out;
  }

  /** The "key: n" lines under a heading of the report. */
  static Map<String, Integer> section(String report, String heading) {
    var out = new LinkedHashMap<String, Integer>();
    var lines = report.split("\n");
    int i = 0;
    while (i < lines.length && !lines[i].startsWith(heading)) i++;
    for (i++; i < lines.length && lines[i].startsWith("  "); i++) {
      var line = lines[i].strip();
      int colon = line.lastIndexOf(": ");
      out.put(line.substring(0, colon), Integer.parseInt(line.substring(colon + 2)));
    }
    return out;
  }
}
