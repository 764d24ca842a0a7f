package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.AdminClient;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Front-page curation over HTTP: a pinned lead leads, pinned top stories come next and the rest
 * fill newest-first without repeats, a pin that expires leaves the cached front page by itself,
 * and a collection shows as a block on the front page and its section front.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurationHttpTest {
  static final String PASSWORD = "a long enough password";

  @TempDir
  static Path dir;

  TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
  TestSite site;
  AdminClient editor;
  long world;
  final List<Long> stories = new ArrayList<>();

  @BeforeAll
  void start() {
    site = TestSite.start(TestDatabases.sqlite(dir.resolve("data")), clock);
    site.byline()
        .accounts()
        .users()
        .create("f@example.org", "Front Editor", Role.EDITOR, PASSWORD, false);
    editor = new AdminClient(site).signIn("f@example.org", PASSWORD);
    editor.get("/admin/front"); // for its CSRF token
    var newsroom = site.newsroom();
    world = newsroom.sections().ensure("world", "World", "", 1).id();
    // Story 0 is the oldest, story 7 the newest.
    for (int i = 0; i < 8; i++) {
      long id = newsroom
          .articles()
          .create(ArticleDraft.of(
              "Story number " + i + " headline",
              "Standfirst " + i,
              world,
              List.of(new Block.Paragraph("Body " + i))));
      newsroom.articles().publishAsOf(id, clock.instant().minus(Duration.ofHours(20 - i)), null);
      stories.add(id);
    }
  }

  @AfterAll
  void stop() {
    site.close();
  }

  String slugOf(int i) {
    return site.newsroom().articles().byId(stories.get(i)).orElseThrow().path();
  }

  /** Headline numbers in the order the front page's top block shows them (lead first). */
  List<Integer> topBlock(String html) {
    var part = html.substring(html.indexOf("class=\"front-top\""), html.indexOf("data-for-you"));
    var out = new ArrayList<Integer>();
    var m = java.util.regex.Pattern.compile("Story number (\\d) headline").matcher(part);
    while (m.find()) out.add(Integer.parseInt(m.group(1)));
    return out;
  }

  String local(Instant t) {
    var zone = ZoneId.of(site.byline().config().timeZone().getId());
    return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
        .format(LocalDateTime.ofInstant(t, zone));
  }

  void pin(String place, int story, String expires) {
    var r = editor.postForm(
        "/admin/front/pins", Map.of("place", place, "story", slugOf(story), "expires", expires));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
  }

  @Test
  void pins_lead_and_fill_newest_first_without_repeats_and_an_expired_pin_goes_by_itself() {
    assertThat(topBlock(site.get("/").body())).containsExactly(7, 6, 5, 4, 3);

    pin("lead", 2, "");
    pin("top", 6, local(clock.instant().plus(Duration.ofHours(1))));
    pin("top", 0, "");
    // Pinned lead first, pinned tops next in order, then newest-first skipping the pinned ones.
    var pinned = site.get("/");
    assertThat(topBlock(pinned.body())).containsExactly(2, 6, 0, 7, 5);
    long renders = site.byline().pageCache().renderCount();
    assertThat(topBlock(site.get("/").body())).containsExactly(2, 6, 0, 7, 5);
    assertThat(site.byline().pageCache().renderCount())
        .as("served from the cache")
        .isEqualTo(renders);

    // An hour later the pin on story 6 has expired: the cached front drops it without a purge by
    // hand.
    clock.advance(Duration.ofMinutes(61));
    Eventually.await(
        "the expired pin to leave the front page",
        Duration.ofSeconds(5),
        () -> topBlock(site.get("/").body()).equals(List.of(2, 0, 7, 6, 5)));
    assertThat(site.newsroom().curation().pins())
        .extracting(p -> p.articleId())
        .containsExactly(stories.get(2), stories.get(0));

    // Pinning the same story twice in a place, or in the past, is refused with the reason.
    var twice = editor.postForm(
        "/admin/front/pins", Map.of("place", "top", "story", slugOf(0), "expires", ""));
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(twice.body()).contains("Story is already pinned there");
    var past = editor.postForm(
        "/admin/front/pins",
        Map.of(
            "place",
            "top",
            "story",
            slugOf(1),
            "expires",
            local(clock.instant().minus(Duration.ofHours(1)))));
    assertThat(past.body()).contains("Expiry is in the past");
    var unknown = editor.postForm(
        "/admin/front/pins",
        Map.of("place", "top", "story", "/world/no-such-story", "expires", ""));
    assertThat(unknown.body()).contains("is not a published story");

    // Unpinning the lead lets the newest story with... the newest story lead again.
    var leadPin = site.newsroom().curation().pins().get(0);
    editor.postForm("/admin/front/pins/" + leadPin.id(), Map.of("action", "unpin"));
    assertThat(topBlock(site.get("/").body()).get(0)).isEqualTo(7);
  }

  @Test
  void a_collection_shows_as_a_block_on_the_front_page_and_its_section_front() {
    var made = editor.postForm(
        "/admin/front/collections",
        Map.of(
            "name",
            "Election 2026",
            "on-front",
            "on",
            "section",
            Long.toString(world),
            "position",
            "1"));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(303);
    // An empty collection shows nothing.
    assertThat(site.get("/").body()).doesNotContain("Election 2026");
    long id = site.newsroom().curation().collections().get(0).id();
    pin("collection:" + id, 3, "");
    pin("collection:" + id, 1, "");
    var front = site.get("/").body();
    assertThat(front).contains("<h2 id=\"collection-" + id + "\">Election 2026</h2>");
    var block = front.substring(
        front.indexOf("collection-" + id),
        front.indexOf("</section>", front.indexOf("collection-" + id)));
    assertThat(block.indexOf("Story number 3"))
        .isLessThan(block.indexOf("Story number 1"))
        .isPositive();
    var section = site.get("/world").body();
    assertThat(section).contains("Election 2026", "Story number 1 headline");
    assertThat(site.get("/world?page=2").body()).doesNotContain("Election 2026");

    // Deleting it takes the blocks off both cached pages.
    editor.postForm("/admin/front/collections/" + id + "/delete", Map.of());
    assertThat(site.get("/").body()).doesNotContain("Election 2026");
    assertThat(site.get("/world").body()).doesNotContain("Election 2026");

    var nowhere = editor.postForm(
        "/admin/front/collections", Map.of("name", "Orphan", "section", "", "position", ""));
    assertThat(nowhere.statusCode()).isEqualTo(400);
    assertThat(nowhere.body()).contains("Choose where it shows");
  }
}
