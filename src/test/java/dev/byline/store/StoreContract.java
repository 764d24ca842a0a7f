package dev.byline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.Newsroom;
import dev.byline.config.Config;
import dev.byline.content.ArticleDraft;
import dev.byline.content.ArticleStatus;
import dev.byline.content.Block;
import dev.byline.content.InvalidInput;
import dev.byline.content.Source;
import dev.byline.content.StaleEdit;
import dev.byline.content.TopicType;
import dev.byline.media.ImageStore;
import dev.byline.testing.TestDatabases;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One store suite, run against SQLite and PostgreSQL by its subclasses: what one database does,
 * the other must do the same.
 */
abstract class StoreContract {
  @TempDir
  Path dir;

  Config config;
  Newsroom newsroom;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));

  abstract Config database(Path dir);

  @BeforeEach
  void open() {
    config = database(dir);
    newsroom = Newsroom.open(config, clock);
  }

  @AfterEach
  void close() {
    newsroom.close();
    TestDatabases.drop(config);
  }

  long section(String slug) {
    return newsroom
        .sections()
        .ensure(slug, slug.substring(0, 1).toUpperCase() + slug.substring(1), "", 0)
        .id();
  }

  long draft(String headline, long sectionId) {
    return newsroom
        .articles()
        .create(ArticleDraft.of(
            headline,
            "A standfirst.",
            sectionId,
            List.of(
                Block.Paragraph.ofText("First paragraph."),
                Block.Paragraph.ofText("Second paragraph."))));
  }

  @Test
  void a_schema_already_current_is_not_migrated_again_and_a_changed_script_set_is() {
    var db = newsroom.db();
    var fingerprint = MigrationFingerprint.of(db.dialect());
    String recorded = db.jdbi()
        .withHandle(h -> h.createQuery("SELECT fingerprint FROM schema_fingerprint WHERE id = 1")
            .mapTo(String.class)
            .one());
    assertThat(recorded).isEqualTo(fingerprint);
    // Forget the newest migration in Flyway's history: a Flyway run would apply it again and
    // fail on the table that already exists, so a clean reopen shows Flyway did not run.
    var newest = db.jdbi()
        .withHandle(h -> h.createQuery("SELECT MAX(installed_rank) FROM flyway_schema_history")
            .mapTo(Integer.class)
            .one());
    String forgotten = db.jdbi()
        .withHandle(h -> h.createQuery(
                "SELECT script FROM flyway_schema_history WHERE installed_rank = :rank")
            .bind("rank", newest)
            .mapTo(String.class)
            .one());
    db.jdbi()
        .useHandle(
            h -> h.createUpdate("DELETE FROM flyway_schema_history WHERE installed_rank = :rank")
                .bind("rank", newest)
                .execute());
    Database.open(config).close();

    // A database whose recorded fingerprint differs (a script added or changed) goes through
    // Flyway, which here re-applies the forgotten script and fails naming the database.
    db.jdbi()
        .useHandle(
            h -> h.createUpdate("UPDATE schema_fingerprint SET fingerprint = 'from an older build'")
                .execute());
    assertThatThrownBy(() -> Database.open(config).close())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot migrate database");
    assertThat(forgotten).startsWith("V");
  }

  @Test
  void an_article_round_trips_with_its_blocks_topics_and_authors() {
    long world = section("world");
    var topic = newsroom.topics().ensure("Port Averly", TopicType.PLACE);
    var author = newsroom.authors().ensure("Marisol Okafor");
    var body = List.<Block>of(
        Block.Paragraph.ofText("It began <quietly> & calmly."),
        new Block.Heading(2, "What happened"),
        new Block.Quote("We will return.", "A spokesperson"),
        new Block.ListBlock(false, List.of("one", "two")),
        new Block.Embed("youtube", "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "Video"),
        new Block.RawHtml("<p onclick=\"x()\">raw<script>alert(1)</script></p>"));
    long id = newsroom
        .articles()
        .create(new ArticleDraft(
            null,
            "Dockworkers strike at Port Averly",
            "Standfirst.",
            "PORT AVERLY, Veloria",
            new Source("Meridian Press", "Reporting by M. Okafor"),
            world,
            List.of(topic.id()),
            List.of(author.id()),
            null,
            body,
            "",
            "",
            ""));
    var a = newsroom.articles().byId(id).orElseThrow();
    assertThat(a.slug()).isEqualTo("dockworkers-strike-at-port-averly");
    assertThat(a.status()).isEqualTo(ArticleStatus.DRAFT);
    assertThat(a.section().slug()).isEqualTo("world");
    assertThat(a.topics()).extracting(t -> t.name()).containsExactly("Port Averly");
    assertThat(a.authors()).extracting(x -> x.name()).containsExactly("Marisol Okafor");
    assertThat(a.source().creditLine()).isEqualTo("Reporting by M. Okafor");
    assertThat(a.body()).hasSize(6);
    assertThat(((Block.Paragraph) a.body().get(0)).html())
        .isEqualTo("It began &lt;quietly&gt; &amp; calmly.");
    assertThat(((Block.RawHtml) a.body().get(5)).html())
        .doesNotContain("script")
        .doesNotContain("onclick")
        .contains("raw");
    assertThat(((Block.Embed) a.body().get(4)).youtubeId()).isEqualTo("aqz-KE-bpKQ");
  }

  @Test
  void every_write_appends_to_the_change_feed_in_order_with_purge_keys() {
    long head = newsroom.feed().head();
    long world = section("world");
    long id = draft("Storm hits coast", world);
    newsroom.articles().publish(id);
    var changes = newsroom.feed().after(head, 100);
    assertThat(changes).extracting(Change::entity).containsExactly("section", "article", "article");
    assertThat(changes)
        .extracting(Change::action)
        .containsExactly("created", "created", "published");
    assertThat(changes.get(2).keys())
        .contains("article:" + id, "section:" + world, "front", "lists");
    for (int i = 1; i < changes.size(); i++)
      assertThat(changes.get(i).seq()).isGreaterThan(changes.get(i - 1).seq());
  }

  @Test
  void a_failed_write_leaves_neither_rows_nor_feed_entries() {
    long world = section("world");
    long head = newsroom.feed().head();
    int before = count("SELECT COUNT(*) FROM article");
    assertThatThrownBy(() -> newsroom
            .articles()
            .create(new ArticleDraft(
                null,
                "Bad topic",
                "",
                "",
                Source.NONE,
                world,
                List.of(99_999L),
                List.of(),
                null,
                List.of(),
                "",
                "",
                "")))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("topic");
    assertThat(count("SELECT COUNT(*) FROM article")).isEqualTo(before);
    assertThat(newsroom.feed().head()).isEqualTo(head);
  }

  @Test
  void an_article_keeps_its_own_language_through_create_update_and_clearing() {
    long world = section("world");
    long id = newsroom
        .articles()
        .create(ArticleDraft.of(
                "Hafengespräche beginnen",
                "",
                world,
                List.of(Block.Paragraph.ofText("Die Gespräche beginnen.")))
            .withLanguage("de"));
    var stored = newsroom.articles().byId(id).orElseThrow();
    assertThat(stored.language()).isEqualTo("de");
    var plain = newsroom.articles().byId(draft("In the site's language", world)).orElseThrow();
    assertThat(plain.language()).isNull();

    int v = newsroom.articles().update(id, stored.version(), draftOf(stored).withLanguage("pt-br"));
    assertThat(newsroom.articles().byId(id).orElseThrow().language()).isEqualTo("pt-BR");
    newsroom.articles().update(id, v, draftOf(stored).withLanguage(""));
    assertThat(newsroom.articles().byId(id).orElseThrow().language()).isNull();
  }

  @Test
  void an_unknown_language_is_refused_naming_the_field_and_nothing_is_stored() {
    long world = section("world");
    int before = count("SELECT COUNT(*) FROM article");
    for (var bad : List.of("xx", "english", "de-XX", "de-DE-1996", "<b>"))
      assertThatThrownBy(() -> newsroom
              .articles()
              .create(ArticleDraft.of("Headline", "", world, List.of()).withLanguage(bad)))
          .isInstanceOf(InvalidInput.class)
          .hasMessageStartingWith("language ");
    assertThat(count("SELECT COUNT(*) FROM article")).isEqualTo(before);
  }

  private static ArticleDraft draftOf(dev.byline.content.Article a) {
    return new ArticleDraft(
        a.slug(),
        a.headline(),
        a.standfirst(),
        a.dateline(),
        a.source(),
        a.section().id(),
        List.of(),
        List.of(),
        null,
        a.body(),
        "",
        "",
        "",
        a.language());
  }

  @Test
  void a_stale_edit_is_refused_and_the_newer_text_is_kept() {
    long id = draft("First headline", section("world"));
    var a = newsroom.articles().byId(id).orElseThrow();
    var mine = new ArticleDraft(
        a.slug(),
        "Editor one's headline",
        "",
        "",
        Source.NONE,
        a.section().id(),
        List.of(),
        List.of(),
        null,
        a.body(),
        "",
        "",
        "");
    var theirs = new ArticleDraft(
        a.slug(),
        "Editor two's headline",
        "",
        "",
        Source.NONE,
        a.section().id(),
        List.of(),
        List.of(),
        null,
        a.body(),
        "",
        "",
        "");
    int v2 = newsroom.articles().update(id, a.version(), mine);
    assertThat(v2).isEqualTo(a.version() + 1);
    assertThatThrownBy(() -> newsroom.articles().update(id, a.version(), theirs))
        .isInstanceOf(StaleEdit.class)
        .hasMessageContaining("changed by someone else");
    assertThat(newsroom.articles().byId(id).orElseThrow().headline())
        .isEqualTo("Editor one's headline");
  }

  @Test
  void publishing_sets_first_published_and_a_later_edit_marks_it_updated() {
    long id = draft("Election called", section("politics"));
    newsroom.articles().publish(id);
    var published = newsroom.articles().byId(id).orElseThrow();
    assertThat(published.firstPublishedAt()).isEqualTo(clock.instant());
    assertThat(published.isUpdated()).isFalse();
    clock.advance(Duration.ofHours(2));
    var d = new ArticleDraft(
        published.slug(),
        "Election called for March",
        "",
        "",
        Source.NONE,
        published.section().id(),
        List.of(),
        List.of(),
        null,
        published.body(),
        "",
        "",
        "Adds the date.");
    newsroom.articles().update(id, published.version(), d);
    var updated = newsroom.articles().byId(id).orElseThrow();
    assertThat(updated.isUpdated()).isTrue();
    assertThat(updated.updatedAt()).isEqualTo(clock.instant());
    assertThat(updated.updateNote()).isEqualTo("Adds the date.");
    assertThat(updated.firstPublishedAt()).isEqualTo(published.firstPublishedAt());
  }

  @Test
  void lists_are_newest_first_and_paginated() {
    long world = section("world");
    for (int i = 0; i < 25; i++) {
      long id = draft("Story number " + i, world);
      newsroom
          .articles()
          .publishAsOf(id, Instant.parse("2026-11-01T00:00:00Z").plus(Duration.ofHours(i)), null);
    }
    var p1 = newsroom.published().inSection(world, 1, 10);
    assertThat(p1.items()).hasSize(10);
    assertThat(p1.items().get(0).headline()).isEqualTo("Story number 24");
    assertThat(p1.hasNext()).isTrue();
    var p3 = newsroom.published().inSection(world, 3, 10);
    assertThat(p3.items()).hasSize(5);
    assertThat(p3.hasNext()).isFalse();
    assertThat(newsroom.published().latest(1, 100).items()).hasSize(25);
  }

  @Test
  void a_headline_repeated_many_times_gets_numbered_slugs_that_never_collide() {
    long world = section("world");
    var slugs = new java.util.ArrayList<String>();
    for (int i = 0; i < 6; i++)
      slugs.add(newsroom
          .articles()
          .byId(draft("Live: storm updates", world))
          .orElseThrow()
          .slug());
    // A different story whose slug merely starts the same way takes no number.
    slugs.add(newsroom
        .articles()
        .byId(draft("Live: storm updates tonight", world))
        .orElseThrow()
        .slug());
    slugs.add(newsroom
        .articles()
        .byId(draft("Live: storm updates", world))
        .orElseThrow()
        .slug());
    assertThat(slugs.subList(0, 6))
        .containsExactly(
            "live-storm-updates",
            "live-storm-updates-2",
            "live-storm-updates-3",
            "live-storm-updates-4",
            "live-storm-updates-5",
            "live-storm-updates-6");
    assertThat(slugs.get(6)).isEqualTo("live-storm-updates-tonight");
    assertThat(slugs.get(7)).startsWith("live-storm-updates-").isNotIn(slugs.subList(0, 7));
    assertThat(new java.util.HashSet<>(slugs)).hasSize(slugs.size());
  }

  @Test
  void taken_slugs_get_a_suffix_and_old_slugs_redirect_after_publication() {
    long world = section("world");
    long a = draft("Same headline", world);
    long b = draft("Same headline", world);
    assertThat(newsroom.articles().byId(b).orElseThrow().slug()).isEqualTo("same-headline-2");
    newsroom.articles().publish(a);
    var article = newsroom.articles().byId(a).orElseThrow();
    newsroom
        .articles()
        .update(
            a,
            article.version(),
            new ArticleDraft(
                "new-slug",
                article.headline(),
                "",
                "",
                Source.NONE,
                world,
                List.of(),
                List.of(),
                null,
                article.body(),
                "",
                "",
                ""));
    assertThat(
            newsroom.published().redirectedFrom("same-headline").orElseThrow().slug())
        .isEqualTo("new-slug");
    assertThatThrownBy(() -> newsroom
            .articles()
            .update(
                b,
                newsroom.articles().byId(b).orElseThrow().version(),
                new ArticleDraft(
                    "new-slug",
                    "x",
                    "",
                    "",
                    Source.NONE,
                    world,
                    List.of(),
                    List.of(),
                    null,
                    List.of(),
                    "",
                    "",
                    "")))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("slug");
  }

  @Test
  void scheduled_articles_publish_when_due_and_not_before_their_embargo() {
    long id = draft("Embargoed report", section("science"));
    newsroom
        .articles()
        .schedule(
            id,
            clock.instant().plus(Duration.ofMinutes(10)),
            clock.instant().plus(Duration.ofMinutes(30)));
    assertThat(newsroom.articles().publishDue()).isEmpty();
    clock.advance(Duration.ofMinutes(15));
    assertThat(newsroom.articles().publishDue())
        .as("scheduled time passed, embargo not")
        .isEmpty();
    clock.advance(Duration.ofMinutes(20));
    assertThat(newsroom.articles().publishDue()).containsExactly(id);
    assertThat(newsroom.articles().byId(id).orElseThrow().status())
        .isEqualTo(ArticleStatus.PUBLISHED);
  }

  @Test
  void a_follower_sees_every_change_once_in_order() throws Exception {
    var seen = new CopyOnWriteArrayList<Long>();
    var failedOnce = new AtomicReference<Boolean>(false);
    try (var follower = newsroom.feed().follow("test", newsroom.feed().head(), 50, changes -> {
      if (!failedOnce.getAndSet(true))
        throw new IllegalStateException("a listener failure is retried");
      changes.forEach(c -> seen.add(c.seq()));
    })) {
      long world = section("world");
      for (int i = 0; i < 5; i++) draft("Story " + i, world);
      long head = newsroom.feed().head();
      assertThat(follower.awaitPosition(head, 10_000)).isTrue();
      assertThat(seen).hasSize(6).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void images_keep_caption_credit_alt_and_variants_and_refuse_non_images() throws Exception {
    var img = new BufferedImage(1400, 800, BufferedImage.TYPE_INT_RGB);
    var out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    var stored = newsroom
        .images()
        .store(
            out.toByteArray(),
            new ImageStore.ImageText(
                "Officials meet in Oskarsund.",
                "Ilse Varga/Handout via NORTHWIND",
                "Two people shake hands."));
    assertThat(stored.variants())
        .extracting(v -> v.width())
        .containsExactly(320, 640, 960, 1280, 1400);
    assertThat(stored.credit()).isEqualTo("Ilse Varga/Handout via NORTHWIND");
    assertThat(newsroom.media().pathOf(stored.variantFor(640).key()).orElseThrow())
        .exists();
    int rows = count("SELECT COUNT(*) FROM image");
    assertThatThrownBy(() ->
            newsroom.images().store("<svg/>".getBytes(), new ImageStore.ImageText("", "", "")))
        .hasMessageContaining("not a JPEG, PNG, GIF or WebP");
    assertThat(count("SELECT COUNT(*) FROM image")).isEqualTo(rows);
  }

  int count(String sql) {
    return newsroom
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
