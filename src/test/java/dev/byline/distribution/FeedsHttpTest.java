package dev.byline.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.Article;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Author;
import dev.byline.content.Topic;
import dev.byline.testing.Eventually;
import dev.byline.testing.Fixtures;
import dev.byline.testing.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** RSS, Atom and JSON Feed over real HTTP, on the demo newsroom with full text on (the default). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedsHttpTest {
  @TempDir
  static Path dir;

  TestSite site;

  @BeforeAll
  void start() {
    site = TestSite.demo(dir);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  /** The front page's feeds, each section's, and those of the topics and authors of the newest stories. */
  List<String> folders() {
    var folders = new LinkedHashSet<String>();
    folders.add("/feed/");
    site.newsroom().sections().all().forEach(s -> folders.add("/feed/" + s.slug() + "/"));
    for (var s : site.newsroom().published().latest(1, 5).items()) {
      var a = site.newsroom().articles().byId(s.id()).orElseThrow();
      a.topics().stream().limit(2).forEach(t -> folders.add("/feed/topic/" + t.slug() + "/"));
      a.authors().forEach(au -> folders.add("/feed/author/" + au.slug() + "/"));
    }
    return new ArrayList<>(folders);
  }

  byte[] fetch(String path, String contentType) {
    var r = site.getBytes(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith(contentType);
    return r.body();
  }

  @Test
  void every_feed_parses_with_rome_keeps_the_feed_validator_rules_and_fits_the_json_feed_schema()
      throws Exception {
    var folders = folders();
    assertThat(folders)
        .hasSizeGreaterThan(8)
        .anyMatch(f -> f.startsWith("/feed/topic/"))
        .anyMatch(f -> f.startsWith("/feed/author/"));
    for (var folder : folders) {
      var rss = fetch(folder + "rss.xml", "application/rss+xml");
      FeedChecks.checkRss(folder + "rss.xml", rss);
      var romeRss = FeedChecks.rome(rss);
      assertThat(romeRss.getFeedType()).isEqualTo("rss_2.0");
      assertThat(romeRss.getEntries()).as(folder).isNotEmpty();

      var atom = fetch(folder + "atom.xml", "application/atom+xml");
      FeedChecks.checkAtom(folder + "atom.xml", atom);
      var romeAtom = FeedChecks.rome(atom);
      assertThat(romeAtom.getFeedType()).isEqualTo("atom_1.0");
      assertThat(romeAtom.getEntries()).hasSameSizeAs(romeRss.getEntries());

      var json = FeedChecks.checkJson(
          folder + "feed.json", fetch(folder + "feed.json", "application/feed+json"));
      assertThat(json.path("items").size()).isEqualTo(romeRss.getEntries().size());
      // The same story has the same permanent id in every format.
      assertThat(romeAtom.getEntries().get(0).getUri())
          .isEqualTo(romeRss.getEntries().get(0).getUri())
          .isEqualTo(json.path("items").get(0).path("id").asText());
    }
  }

  @Test
  void the_json_feed_schema_check_can_fail() throws Exception {
    for (var example :
        List.of("example-simple.json", "example-microblog.json", "example-podcast.json")) {
      var node = FeedChecks.JSON.readTree(Files.readAllBytes(Fixtures.path("jsonfeed", example)));
      assertThat(FeedChecks.jsonFeedErrors(node)).as(example).isEmpty();
    }
    var broken = (com.fasterxml.jackson.databind.node.ObjectNode)
        FeedChecks.JSON.readTree(fetch("/feed/feed.json", "application/feed+json"));
    broken.put("version", "https://jsonfeed.org/version/9");
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("items").get(0))
        .put("url", "not a url");
    assertThat(FeedChecks.jsonFeedErrors(broken)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void rss_items_carry_the_lead_image_bylines_categories_and_the_full_text_with_absolute_urls()
      throws Exception {
    var doc = FeedRules.parse(fetch("/feed/rss.xml", "application/rss+xml"));
    var base = site.byline().config().baseUrl();
    var items = doc.getElementsByTagName("item");
    assertThat(items.getLength())
        .as("the demo has more stories than a feed holds")
        .isEqualTo(DistributionSettings.DEFAULT_FEED_ITEMS);
    boolean image = false, byline = false;
    for (int i = 0; i < items.getLength(); i++) {
      var item = (org.w3c.dom.Element) items.item(i);
      var media = item.getElementsByTagNameNS(RssWriter.MEDIA, "content");
      if (media.getLength() > 0) {
        var m = (org.w3c.dom.Element) media.item(0);
        assertThat(m.getAttribute("url")).startsWith(base + "/media/");
        assertThat(m.getAttribute("medium")).isEqualTo("image");
        assertThat(Integer.parseInt(m.getAttribute("width"))).isPositive();
        assertThat(site.getBytes(m.getAttribute("url").substring(base.length())).statusCode())
            .isEqualTo(200);
        image = true;
      }
      byline |= item.getElementsByTagNameNS(RssWriter.DC, "creator").getLength() > 0;
      assertThat(item.getElementsByTagName("category").getLength())
          .as("section and topics")
          .isPositive();
      var content = item.getElementsByTagNameNS(RssWriter.CONTENT, "encoded");
      assertThat(content.getLength()).as("full text is on by default").isEqualTo(1);
      var html = content.item(0).getTextContent();
      assertThat(html)
          .contains("<p>")
          .doesNotContain("<script")
          .doesNotContainPattern("(?:href|src)=\"/[^/]");
    }
    assertThat(image).as("some story has a lead image").isTrue();
    assertThat(byline).as("some story has a byline").isTrue();
  }

  @Test
  void hostile_and_awkward_text_round_trips_exactly_through_every_format() throws Exception {
    var newsroom = site.newsroom();
    var section = newsroom.sections().all().get(0);
    var headline = "Q&A: \"Why <b>now</b>?\" – 5 > 3 & the ]]> question, 漢字 and 🙂";
    long id = newsroom
        .articles()
        .create(ArticleDraft.of(
            headline,
            "Tom & Jerry's <script>alert(1)</script> row",
            section.id(),
            List.of(dev.byline.content.Block.Paragraph.ofText("Body with <tags> & ampersands."))));
    newsroom.articles().publish(id);
    Eventually.await(
        "the new story is in the section feed",
        Duration.ofSeconds(10),
        () -> site.get("/feed/" + section.slug() + "/rss.xml").body().contains("Tom &amp; Jerry"));
    var rome =
        FeedChecks.rome(fetch("/feed/" + section.slug() + "/rss.xml", "application/rss+xml"));
    assertThat(rome.getEntries().get(0).getTitle()).isEqualTo(headline);
    assertThat(rome.getEntries().get(0).getDescription().getValue())
        .isEqualTo("Tom & Jerry's <script>alert(1)</script> row");
    var atom =
        FeedChecks.rome(fetch("/feed/" + section.slug() + "/atom.xml", "application/atom+xml"));
    assertThat(atom.getEntries().get(0).getTitle()).isEqualTo(headline);
    var json = FeedChecks.JSON.readTree(
        fetch("/feed/" + section.slug() + "/feed.json", "application/feed+json"));
    assertThat(json.path("items").get(0).path("title").asText()).isEqualTo(headline);
    FeedChecks.checkRss(
        "hostile", fetch("/feed/" + section.slug() + "/rss.xml", "application/rss+xml"));
  }

  @Test
  void pages_link_their_feeds_for_autodiscovery_and_every_link_answers() {
    var base = site.byline().config().baseUrl();
    var section = site.newsroom().sections().all().get(0);
    var story =
        site.newsroom().published().inSection(section.id(), 1, 1).items().get(0);
    var article = site.newsroom().articles().byId(story.id()).orElseThrow();
    Topic topic = article.topics().get(0);
    Author author = site.newsroom().authors().all().get(0);
    var expectations = List.of(
        List.of("/", base + "/feed/rss.xml"),
        List.of(section.path(), base + "/feed/" + section.slug() + "/atom.xml"),
        List.of(topic.path(), base + "/feed/topic/" + topic.slug() + "/feed.json"),
        List.of(author.path(), base + "/feed/author/" + author.slug() + "/rss.xml"),
        List.of(article.path(), base + "/feed/" + section.slug() + "/rss.xml"));
    var link = Pattern.compile(
        "<link rel=\"alternate\" type=\"(application/(?:rss\\+xml|atom\\+xml|feed\\+json))\" title=\"[^\"]+\" href=\"([^\"]+)\">");
    for (var e : expectations) {
      var html = site.get(e.get(0)).body();
      var m = link.matcher(html);
      var hrefs = new ArrayList<String>();
      while (m.find()) hrefs.add(m.group(2));
      assertThat(hrefs).as(e.get(0)).contains(e.get(1)).hasSizeGreaterThanOrEqualTo(3);
      for (var href : hrefs)
        assertThat(site.getBytes(href.substring(base.length())).statusCode())
            .as(href)
            .isEqualTo(200);
    }
  }

  @Test
  void feeds_answer_304_to_their_etag_and_to_if_modified_since() {
    for (var path : List.of("/feed/rss.xml", "/feed/atom.xml", "/feed/feed.json")) {
      var first = site.getBytes(path);
      var etag = first.headers().firstValue("ETag").orElseThrow();
      var lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
      assertThat(site.getBytes(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
      assertThat(site.getBytes(path, "If-Modified-Since", lastModified).statusCode())
          .isEqualTo(304);
      var earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(
          java.time.ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME)
              .minusMinutes(1));
      assertThat(site.getBytes(path, "If-Modified-Since", earlier).statusCode()).isEqualTo(200);
      assertThat(
              site.getBytes(path, "If-None-Match", "\"other\"", "If-Modified-Since", lastModified)
                  .statusCode())
          .as("a different ETag wins over the date")
          .isEqualTo(200);
      assertThat(site.getBytes(path, "If-Modified-Since", "yesterday-ish").statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void an_updated_story_carries_its_new_updated_time_in_every_format() throws Exception {
    var articles = site.newsroom().articles();
    var story = site.newsroom().published().latest(1, 30).items().get(20);
    var before = articles.byId(story.id()).orElseThrow();
    articles.update(
        before.id(), before.version(), draftOf(before, before.headline() + " (corrected)"));
    var after = articles.byId(before.id()).orElseThrow();
    assertThat(after.isUpdated()).isTrue();
    var updated = FeedDates.rfc3339(after.updatedAt());
    Eventually.await(
        "the feeds show the correction",
        Duration.ofSeconds(10),
        () -> site.get("/feed/atom.xml").body().contains("(corrected)"));
    var atom = new String(
        fetch("/feed/atom.xml", "application/atom+xml"), java.nio.charset.StandardCharsets.UTF_8);
    var entry = atom.substring(atom.indexOf(before.headline() + " (corrected)"));
    entry = entry.substring(0, entry.indexOf("</entry>"));
    assertThat(entry)
        .contains("<updated>" + updated + "</updated>")
        .contains("<published>" + FeedDates.rfc3339(before.firstPublishedAt()) + "</published>");
    assertThat(atom)
        .contains("<updated>" + updated + "</updated>\n<generator>")
        .as("the feed's own updated time is its newest change");
    var rss = new String(
        fetch("/feed/rss.xml", "application/rss+xml"), java.nio.charset.StandardCharsets.UTF_8);
    var item = rss.substring(rss.indexOf(before.headline() + " (corrected)"));
    assertThat(item.substring(0, item.indexOf("</item>")))
        .contains("<atom:updated>" + updated + "</atom:updated>")
        .contains("<pubDate>" + FeedDates.rfc822(before.firstPublishedAt()) + "</pubDate>");
    assertThat(rss)
        .contains("<lastBuildDate>" + FeedDates.rfc822(after.updatedAt()) + "</lastBuildDate>");
    var json = FeedChecks.JSON.readTree(fetch("/feed/feed.json", "application/feed+json"));
    var found = false;
    for (var i : json.path("items")) {
      if (i.path("title").asText().endsWith("(corrected)")) {
        assertThat(i.path("date_modified").asText()).isEqualTo(updated);
        found = true;
      }
    }
    assertThat(found).isTrue();
  }

  @Test
  void an_unpublished_story_leaves_every_feed_at_once() throws InterruptedException {
    var articles = site.newsroom().articles();
    var story = articles
        .byId(site.newsroom().published().latest(1, 1).items().get(0).id())
        .orElseThrow();
    var url = site.byline().config().baseUrl() + story.path();
    var paths = new ArrayList<String>();
    for (var f : FeedFormat.values()) {
      paths.add("/feed/" + f.fileName());
      paths.add("/feed/" + story.section().slug() + "/" + f.fileName());
      if (!story.authors().isEmpty())
        paths.add("/feed/author/" + story.authors().get(0).slug() + "/" + f.fileName());
    }
    for (var p : paths) assertThat(site.get(p).body()).as(p).contains(url);
    var lastModified =
        site.get("/feed/rss.xml").headers().firstValue("Last-Modified").orElseThrow();
    // HTTP dates count whole seconds, and a copy rendered within a second of the reader's date
    // may be answered 304 (the price of 304s to If-Modified-Since at all; ETags have no such
    // window). Unpublish clear of that second, as a reader's next poll would be.
    var since = java.time.ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME)
        .toInstant();
    while (java.time.Instant.now().isBefore(since.plusSeconds(2))) Thread.sleep(50);
    articles.unpublish(story.id());
    Eventually.await(
        "the story leaves every feed",
        Duration.ofSeconds(5),
        () -> paths.stream().noneMatch(p -> site.get(p).body().contains(url)));
    assertThat(site.get("/feed/rss.xml", "If-Modified-Since", lastModified).statusCode())
        .as("a reader who fetched before must get the feed without the story")
        .isEqualTo(200);
  }

  @Test
  void unknown_feeds_are_404_and_the_bare_feed_address_redirects() {
    assertThat(site.get("/feed/rss.json").statusCode()).isEqualTo(404);
    assertThat(site.get("/feed/no-such-section/rss.xml").statusCode()).isEqualTo(404);
    assertThat(site.get("/feed/topic/no-such-topic/atom.xml").statusCode()).isEqualTo(404);
    assertThat(site.get("/feed/author/Bad_Slug/atom.xml").statusCode()).isEqualTo(404);
    var r = site.get("/feed");
    assertThat(r.statusCode()).isEqualTo(301);
    assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/feed/rss.xml");
  }

  static ArticleDraft draftOf(Article a, String headline) {
    return new ArticleDraft(
        a.slug(),
        headline,
        a.standfirst(),
        a.dateline(),
        a.source(),
        a.section() == null ? null : a.section().id(),
        a.topics().stream().map(Topic::id).toList(),
        a.authors().stream().map(Author::id).toList(),
        a.featuredImageId(),
        a.body(),
        a.seoTitle(),
        a.seoDescription(),
        a.updateNote());
  }

  static String http(Instant t) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(t);
  }
}
