package dev.byline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.Newsroom;
import dev.byline.content.ArticleStatus;
import dev.byline.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's decisions on a real SQLite store: versions, kills, embargoes, rules, packages, credits. */
class WireDeskTest {
  static final Path WIRE = dev.byline.testing.Fixtures.path("wire");

  @TempDir
  Path dir;

  MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  Newsroom newsroom;
  Wire wire;

  /** The database under test; the PostgreSQL variant overrides this. */
  dev.byline.config.Config config(Map<String, String> settings) {
    return TestDatabases.sqlite(dir, settings);
  }

  void open(Map<String, String> settings) {
    var s = new HashMap<>(settings);
    newsroom = Newsroom.open(config(s), clock);
    newsroom.sections().ensure("world", "World", "", 1);
    newsroom.sections().ensure("business", "Business", "", 2);
    wire = newsroom.wire();
  }

  @AfterEach
  void close() {
    if (newsroom != null) {
      newsroom.close();
      TestDatabases.drop(newsroom.config());
    }
  }

  List<WireDesk.Outcome> ingest(String source, byte[] bytes, WireDesk.Options options) {
    var read = wire.ingest()
        .read(wire.source(source, newsroom.config()), "test", bytes, PictureResolver.Beside.NONE);
    assertThat(read.failure()).isNull();
    return wire.ingest().ingest(read.items(), options);
  }

  List<WireDesk.Outcome> ingestFixture(String source, String rel, WireDesk.Options options)
      throws Exception {
    return ingest(source, Files.readAllBytes(WIRE.resolve(rel)), options);
  }

  static byte[] ninjs(String uri, String version, String headline, String body, String extra) {
    return ("{\"uri\":\"" + uri + "\",\"type\":\"text\",\"version\":\"" + version
            + "\",\"versioncreated\":\"2026-03-01T0" + version + ":00:00Z\",\"headline\":\""
            + headline + "\",\"body_html\":\"<p>" + body + "</p>\"" + extra + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void
      a_higher_version_updates_the_article_which_then_shows_updated_and_equal_or_lower_versions_are_ignored() {
    open(Map.of("wire.sources", "acme", "wire.source.acme.publish", "auto"));
    var first = ingest(
        "acme",
        ninjs("urn:acme:1", "1", "Port talks begin", "Talks began.", ""),
        WireDesk.Options.NONE);
    assertThat(first.get(0).result()).isEqualTo(WireDesk.Result.IMPORTED);
    var story = wire.store().story("acme", "urn:acme:1").orElseThrow();
    assertThat(story.state()).isEqualTo(StoryState.PUBLISHED);
    var article = newsroom.articles().byId(story.articleId()).orElseThrow();
    assertThat(article.isPublished()).isTrue();
    assertThat(article.isUpdated()).isFalse();

    clock.advance(Duration.ofMinutes(5));
    var second = ingest(
        "acme",
        ninjs("urn:acme:1", "2", "Port talks resume", "Talks resumed.", ""),
        WireDesk.Options.NONE);
    assertThat(second.get(0).result()).isEqualTo(WireDesk.Result.UPDATED);
    var updated = newsroom.articles().byId(story.articleId()).orElseThrow();
    assertThat(updated.headline()).isEqualTo("Port talks resume");
    assertThat(updated.slug()).isEqualTo(article.slug());
    assertThat(updated.isUpdated()).isTrue();
    assertThat(updated.bodyText()).isEqualTo("Talks resumed.");

    var again = ingest(
        "acme",
        ninjs("urn:acme:1", "2", "Port talks resume", "Talks resumed.", ""),
        WireDesk.Options.NONE);
    var older = ingest(
        "acme",
        ninjs("urn:acme:1", "1", "Port talks begin", "Talks began.", ""),
        WireDesk.Options.NONE);
    assertThat(again.get(0).result()).isEqualTo(WireDesk.Result.IGNORED);
    assertThat(older.get(0).result()).isEqualTo(WireDesk.Result.IGNORED);
    assertThat(newsroom.articles().byId(story.articleId()).orElseThrow().version())
        .isEqualTo(updated.version());
    assertThat(wire.store().versions("acme", "urn:acme:1"))
        .extracting(v -> v.item().version())
        .containsExactly(2L, 1L);
  }

  /** The language of the article made from the first text story in a wire file. */
  String languageOf(String source, byte[] bytes) {
    var outcomes = ingest(source, bytes, WireDesk.Options.NONE);
    var outcome = outcomes.stream()
        .filter(o -> o.incoming().item().kind() == ItemKind.TEXT)
        .findFirst()
        .orElseThrow();
    var story = wire.store().story(outcome.storyId()).orElseThrow();
    return newsroom.articles().byId(story.articleId()).orElseThrow().language();
  }

  String languageOf(String source, String fixture) throws Exception {
    return languageOf(source, Files.readAllBytes(WIRE.resolve(fixture)));
  }

  @Test
  void a_wire_story_is_in_the_language_its_item_names_and_an_unknown_one_leaves_the_site_s()
      throws Exception {
    open(Map.of("wire.sources", "acme", "wire.source.acme.publish", "auto"));
    // ninjs "language"
    assertThat(languageOf("acme", "agencies/ninjs1.json")).isEqualTo("fr");
    // NewsML-G2 <language tag="de"/> in the content metadata
    assertThat(languageOf("acme", "agencies/dpa.xml")).isEqualTo("de");
    // NewsML-G2 xml:lang on the item, with a region
    assertThat(languageOf("acme", "agencies/stt1.xml")).isEqualTo("fi-FI");
    // RSS <language> and Atom xml:lang on the feed
    assertThat(languageOf(
            "acme",
            Files.readAllBytes(
                dev.byline.testing.Fixtures.path("feeds/feedvalidator/atom/2/xml-lang.xml"))))
        .isEqualTo("en-US");
    assertThat(languageOf(
            "acme",
            Files.readAllBytes(dev.byline.testing.Fixtures.path(
                "feeds/feedvalidator/rss20/introduction/attr_namespace_rssboard.xml"))))
        .isEqualTo("en-GB");
    // Atom xml:lang on the entry itself wins over the feed's
    var atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\"><title>Desk</title>"
        + "<id>urn:desk</id><updated>2026-03-01T08:00:00Z</updated>"
        + "<entry xml:lang=\"ar\"><title>استئناف المحادثات</title><id>urn:desk:1</id>"
        + "<updated>2026-03-01T08:00:00Z</updated><summary>استؤنفت المحادثات.</summary></entry>"
        + "</feed>";
    assertThat(languageOf("acme", atom.getBytes(StandardCharsets.UTF_8))).isEqualTo("ar");
    assertThat(languageOf(
            "acme",
            ninjs(
                "urn:acme:lang",
                "1",
                "Three letters",
                "Not a tag we take.",
                ",\"language\":\"eng\"")))
        .isNull();
  }

  @Test
  void the_reuters_kill_takes_the_published_article_down_and_flags_the_story() throws Exception {
    open(Map.of("wire.sources", "reuters", "wire.source.reuters.publish", "auto"));
    ingestFixture(
        "reuters",
        "agencies/tag_reuters.com_2016_newsml_L1N14N0FF_version_978556838",
        WireDesk.Options.NONE);
    var story =
        wire.store().story("reuters", "tag:reuters.com,0000:newsml_L1N14N0FF").orElseThrow();
    var article = newsroom.articles().byId(story.articleId()).orElseThrow();
    assertThat(article.isPublished()).isTrue();
    assertThat(article.source().name()).isEqualTo("Reuters");
    assertThat(article.source().creditLine())
        .isEqualTo(
            "Reporting by David Bailey in Minneapolis, Erwin Seba in Houston and Tim Ghianni in Nashville; Editing by Dan Grebler");
    assertThat(article.bodyText()).doesNotContain("Reporting by").contains("Exxon Mobil Corp said");

    var kill = ingestFixture(
        "reuters",
        "agencies/tag_reuters.com_2016_newsml_L1N14N0FF_version_1542761538",
        WireDesk.Options.NONE);
    assertThat(kill.get(0).result()).isEqualTo(WireDesk.Result.UPDATED);
    var killed =
        wire.store().story("reuters", "tag:reuters.com,0000:newsml_L1N14N0FF").orElseThrow();
    assertThat(killed.state()).isEqualTo(StoryState.KILLED);
    assertThat(killed.flag()).startsWith("Killed by the agency");
    assertThat(newsroom.articles().byId(story.articleId()).orElseThrow().status())
        .isEqualTo(ArticleStatus.UNPUBLISHED);
  }

  @Test
  void a_withheld_version_takes_the_article_down_until_a_usable_one_comes() {
    open(Map.of("wire.sources", "acme", "wire.source.acme.publish", "auto"));
    ingest("acme", ninjs("urn:acme:2", "1", "Minister quits", "Text.", ""), WireDesk.Options.NONE);
    var id = wire.store().story("acme", "urn:acme:2").orElseThrow().articleId();
    ingest(
        "acme",
        ninjs("urn:acme:2", "2", "Minister quits", "Text.", ",\"pubstatus\":\"withheld\""),
        WireDesk.Options.NONE);
    assertThat(wire.store().story("acme", "urn:acme:2").orElseThrow().state())
        .isEqualTo(StoryState.WITHHELD);
    assertThat(newsroom.articles().byId(id).orElseThrow().status())
        .isEqualTo(ArticleStatus.UNPUBLISHED);
    ingest(
        "acme",
        ninjs("urn:acme:2", "3", "Minister quits, says sorry", "Text.", ""),
        WireDesk.Options.NONE);
    assertThat(newsroom.articles().byId(id).orElseThrow().isPublished()).isTrue();
    assertThat(newsroom.articles().byId(id).orElseThrow().headline())
        .isEqualTo("Minister quits, says sorry");
  }

  @Test
  void an_embargoed_item_is_scheduled_and_goes_live_only_after_the_embargo() {
    open(Map.of("wire.sources", "acme", "wire.source.acme.publish", "auto"));
    ingest(
        "acme",
        ninjs(
            "urn:acme:3",
            "1",
            "Results at noon",
            "Profits rose.",
            ",\"embargoed\":\"2026-03-01T12:00:00Z\""),
        WireDesk.Options.NONE);
    var story = wire.store().story("acme", "urn:acme:3").orElseThrow();
    assertThat(story.state()).isEqualTo(StoryState.SCHEDULED);
    assertThat(newsroom.articles().publishDue()).isEmpty();
    assertThat(newsroom.articles().byId(story.articleId()).orElseThrow().isPublished())
        .isFalse();
    clock.advance(Duration.ofHours(3).plusMinutes(1));
    assertThat(newsroom.articles().publishDue()).containsExactly(story.articleId());
    assertThat(newsroom.articles().byId(story.articleId()).orElseThrow().isPublished())
        .isTrue();
  }

  @Test
  void rules_map_subjects_to_sections_and_topics_and_publish_or_leave_in_the_inbox()
      throws Exception {
    open(Map.of(
        "wire.sources",
        "reuters",
        "wire.source.reuters.rule.1",
        "politics -> world, topic Politics, publish"));
    ingestFixture(
        "reuters", "agencies/picture.xml", WireDesk.Options.NONE); // a photo: waits for an editor
    var politics = ingest(
        "reuters",
        ninjs(
            "urn:r:pol",
            "1",
            "Vote count begins",
            "Counting.",
            ",\"subject\":[{\"code\":\"11000000\",\"name\":\"politics\"}]"),
        WireDesk.Options.NONE);
    var other = ingest(
        "reuters",
        ninjs("urn:r:biz", "1", "Shares rise", "Up.", ",\"subject\":[{\"code\":\"04000000\"}]"),
        WireDesk.Options.NONE);
    var pol = wire.store().story(politics.get(0).storyId()).orElseThrow();
    assertThat(pol.state()).isEqualTo(StoryState.PUBLISHED);
    var article = newsroom.articles().byId(pol.articleId()).orElseThrow();
    assertThat(article.section().slug()).isEqualTo("world");
    assertThat(article.topics()).extracting(t -> t.name()).contains("Politics");
    assertThat(wire.store().story(other.get(0).storyId()).orElseThrow().state())
        .isEqualTo(StoryState.NEW);
  }

  @Test
  void
      the_reuters_package_publishes_its_photo_with_the_agency_credit_from_a_rendition_beside_the_item()
          throws Exception {
    open(Map.of("wire.sources", "reuters"));
    var drop = Files.createDirectories(dir.resolve("drop"));
    for (var f : List.of(
        "tag_reuters.com_2014_newsml_LYNXMPEA6F0MS_version_2",
        "tag_reuters.com_2014_binary_LYNXMPEA6F0MS-VIEWIMAGE",
        "tag_reuters.com_2014_binary_LYNXMPEA6F0MS-THUMBNAIL",
        "tag_reuters.com_2014_newsml_KBN0FL0NM_version_10")) {
      Files.copy(WIRE.resolve("agencies").resolve(f), drop.resolve(f));
    }
    var summary = wire.importer()
        .run(
            drop,
            wire.source("reuters", newsroom.config()),
            new WireDesk.Options(true, "world", false),
            WireImport.Progress.NONE);
    assertThat(summary.line()).isEqualTo("2 imported, 0 updated, 0 ignored, 0 quarantined");
    var pkg =
        wire.store().story("reuters", "tag_reuters.com_2014_newsml_KBN0FL0NM").orElseThrow();
    var article = newsroom.articles().byId(pkg.articleId()).orElseThrow();
    assertThat(article.headline())
        .isEqualTo("Confident Assad launches new term in stronger position");
    assertThat(article.authors()).extracting(a -> a.name()).containsExactly("Marwan Makdisi");
    assertThat(article.source().name()).isEqualTo("Reuters");
    var photo = article.featuredImage().orElseThrow();
    assertThat(photo.credit()).isEqualTo("Reuters");
    assertThat(photo.caption()).endsWith("REUTERS/Syria TV via Reuters TV");
    assertThat(photo.width()).isEqualTo(450); // the largest rendition delivered beside the item
  }

  static byte[] ninjsAt(String uri, String version, String time, String headline) {
    return ("{\"uri\":\"" + uri + "\",\"type\":\"text\",\"version\":\"" + version
            + "\",\"versioncreated\":\"" + time + "\",\"headline\":\"" + headline
            + "\",\"body_html\":\"<p>" + headline + ".</p>\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  List<WireDesk.Incoming> read(byte[]... files) {
    var out = new java.util.ArrayList<WireDesk.Incoming>();
    for (var bytes : files) {
      var read = wire.ingest()
          .read(wire.source("acme", newsroom.config()), "t", bytes, PictureResolver.Beside.NONE);
      assertThat(read.failure()).isNull();
      out.addAll(read.items());
    }
    return out;
  }

  @Test
  void a_correction_with_the_same_version_made_later_supersedes_and_every_version_is_kept() {
    open(Map.of("wire.sources", "acme", "wire.source.acme.publish", "auto"));
    ingest(
        "acme",
        ninjsAt("urn:acme:c", "4", "2026-03-01T10:00:00Z", "Mayor resigns"),
        WireDesk.Options.NONE);
    var story = wire.store().story("acme", "urn:acme:c").orElseThrow();
    var corrected = ingest(
        "acme",
        ninjsAt("urn:acme:c", "4", "2026-03-01T10:05:00Z", "Deputy mayor resigns"),
        WireDesk.Options.NONE);
    assertThat(corrected.get(0).result()).isEqualTo(WireDesk.Result.UPDATED);
    assertThat(newsroom.articles().byId(story.articleId()).orElseThrow().headline())
        .isEqualTo("Deputy mayor resigns");
    var repeated = ingest(
        "acme",
        ninjsAt("urn:acme:c", "4", "2026-03-01T10:05:00Z", "Deputy mayor resigns"),
        WireDesk.Options.NONE);
    var late = ingest(
        "acme",
        ninjsAt("urn:acme:c", "4", "2026-03-01T10:02:00Z", "Mayor resigns, aides say"),
        WireDesk.Options.NONE);
    assertThat(repeated.get(0).result()).isEqualTo(WireDesk.Result.IGNORED);
    assertThat(late.get(0).result()).isEqualTo(WireDesk.Result.IGNORED);
    assertThat(newsroom.articles().byId(story.articleId()).orElseThrow().headline())
        .isEqualTo("Deputy mayor resigns");
    assertThat(wire.store().versions("acme", "urn:acme:c"))
        .extracting(v -> v.item().headline())
        .containsExactly("Deputy mayor resigns", "Mayor resigns, aides say", "Mayor resigns");
  }

  @Test
  void a_same_version_correction_in_a_batch_leaves_the_rest_of_the_batch_stored() {
    open(Map.of("wire.sources", "acme", "wire.source.acme.publish", "auto"));
    ingest(
        "acme",
        ninjsAt("urn:acme:d", "1", "2026-03-01T10:00:00Z", "Storm nears coast"),
        WireDesk.Options.NONE);
    var outcomes = wire.ingest()
        .ingest(
            read(
                ninjsAt("urn:acme:e", "1", "2026-03-01T10:01:00Z", "Schools close"),
                ninjsAt("urn:acme:d", "1", "2026-03-01T10:03:00Z", "Storm reaches coast"),
                ninjsAt("urn:acme:f", "1", "2026-03-01T10:04:00Z", "Flights cancelled")),
            WireDesk.Options.NONE);
    assertThat(outcomes)
        .extracting(WireDesk.Outcome::result)
        .containsExactly(
            WireDesk.Result.IMPORTED, WireDesk.Result.UPDATED, WireDesk.Result.IMPORTED);
    assertThat(wire.store().story("acme", "urn:acme:e")).isPresent();
    assertThat(wire.store().story("acme", "urn:acme:f")).isPresent();
  }

  /** Makes the database itself refuse items whose guid starts with urn:poison. */
  void poison() {
    newsroom.db().jdbi().useHandle(h -> {
      if (newsroom.db().dialect() == dev.byline.store.Dialect.POSTGRESQL) {
        h.execute("CREATE FUNCTION refuse_poison() RETURNS trigger AS $$ BEGIN "
            + "IF NEW.guid LIKE 'urn:poison%' THEN RAISE EXCEPTION 'poisoned item'; END IF; "
            + "RETURN NEW; END $$ LANGUAGE plpgsql");
        h.execute("CREATE TRIGGER refuse_poison BEFORE INSERT ON wire_item "
            + "FOR EACH ROW EXECUTE FUNCTION refuse_poison()");
      } else {
        h.execute("CREATE TRIGGER refuse_poison BEFORE INSERT ON wire_item "
            + "WHEN NEW.guid LIKE 'urn:poison%' BEGIN SELECT RAISE(ABORT, 'poisoned item'); END");
      }
    });
  }

  @Test
  void an_item_the_database_refuses_fails_alone_and_its_reason_does_not_quote_it() {
    open(Map.of("wire.sources", "acme", "wire.source.acme.publish", "auto"));
    poison();
    var outcomes = wire.ingest()
        .ingest(
            read(
                ninjsAt("urn:acme:g", "1", "2026-03-01T10:01:00Z", "Rail strike ends"),
                ninjsAt("urn:poison:1", "1", "2026-03-01T10:02:00Z", "Secret headline"),
                ninjsAt("urn:acme:h", "1", "2026-03-01T10:03:00Z", "Trams run again")),
            WireDesk.Options.NONE);
    assertThat(outcomes)
        .extracting(WireDesk.Outcome::result)
        .containsExactly(
            WireDesk.Result.IMPORTED, WireDesk.Result.FAILED, WireDesk.Result.IMPORTED);
    assertThat(outcomes.get(1).reason())
        .startsWith("could not be stored")
        .doesNotContain("Secret headline");
    assertThat(wire.store().story("acme", "urn:acme:g")).isPresent();
    assertThat(wire.store().story("acme", "urn:acme:h")).isPresent();
    assertThat(newsroom.published().countPublished()).isEqualTo(2);
  }

  @Test
  void
      a_package_whose_members_arrive_in_the_same_file_makes_one_article_and_its_video_holds_nothing_back()
          throws Exception {
    open(Map.of(
        "wire.sources", "reuters",
        "wire.source.reuters.publish", "auto",
        "wire.source.reuters.section", "world"));
    var drop = Files.createDirectories(dir.resolve("message"));
    for (var f : List.of(
        "tag_reuters.com_2014_binary_LYNXMPEA6F0MS-VIEWIMAGE",
        "tag_reuters.com_2014_binary_LYNXMPEA6F0MS-THUMBNAIL")) {
      Files.copy(WIRE.resolve("agencies").resolve(f), drop.resolve(f));
    }
    Files.write(drop.resolve("message.xml"), HostileInput.packageWithMembers());
    var summary = wire.importer()
        .run(
            drop,
            wire.source("reuters", newsroom.config()),
            WireDesk.Options.NONE,
            WireImport.Progress.NONE);
    assertThat(summary.line()).isEqualTo("3 imported, 0 updated, 0 ignored, 0 quarantined");
    var pkg =
        wire.store().story("reuters", "tag_reuters.com_2014_newsml_KBN0FL0NM").orElseThrow();
    var text = wire.store().story("reuters", HostileInput.PACKAGE_TEXT_GUID).orElseThrow();
    assertThat(pkg.state()).isEqualTo(StoryState.PUBLISHED);
    assertThat(text.articleId()).isEqualTo(pkg.articleId());
    var article = newsroom.articles().byId(pkg.articleId()).orElseThrow();
    assertThat(article.headline())
        .isEqualTo("Confident Assad launches new term in stronger position");
    assertThat(article.bodyText()).contains("Et, sent luptat");
    assertThat(article.featuredImage()).isPresent();
    assertThat(newsroom.published().countPublished()).isEqualTo(1);
  }

  @Test
  void an_embargoed_nitf_is_scheduled_for_its_release_and_one_without_a_release_time_is_held() {
    open(Map.of("wire.sources", "efe", "wire.source.efe.publish", "auto"));
    var efe = HostileInput.fixture("agencies/efe_nitf.xml")
        .replace("management-status=\"usable\"", "management-status=\"embargoed\"")
        .replace(
            "<date.issue norm=\"20170102T222800+0000\"/>",
            "<date.issue norm=\"20260301T080000+0000\"/><date.release norm=\"20260301T120000+0000\"/>");
    var outcome = ingest("efe", efe.getBytes(StandardCharsets.UTF_8), WireDesk.Options.NONE);
    var story = wire.store().story(outcome.get(0).storyId()).orElseThrow();
    assertThat(story.state()).isEqualTo(StoryState.SCHEDULED);
    assertThat(newsroom.articles().byId(story.articleId()).orElseThrow().isPublished())
        .isFalse();
    clock.advance(Duration.ofHours(3).plusMinutes(1));
    assertThat(newsroom.articles().publishDue()).containsExactly(story.articleId());

    var noRelease = HostileInput.fixture("agencies/efe_nitf.xml")
        .replace("management-status=\"usable\"", "management-status=\"embargoed\"")
        .replace("22751909", "22751910");
    var held = ingest("efe", noRelease.getBytes(StandardCharsets.UTF_8), WireDesk.Options.NONE);
    var heldStory = wire.store().story(held.get(0).storyId()).orElseThrow();
    assertThat(heldStory.state()).isEqualTo(StoryState.WITHHELD);
    assertThat(heldStory.articleId()).isNull();
  }
}
