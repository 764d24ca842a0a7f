package dev.byline.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.Newsroom;
import dev.byline.config.Config;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.content.InvalidInput;
import dev.byline.pages.MenuItem;
import dev.byline.pages.PageDraft;
import dev.byline.store.SurrogateKey;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pages, menus, pins and the breaking banner on SQLite and PostgreSQL (migration V111 on both):
 * every write read back, and the change-feed keys each write names.
 */
class CurationStoresTest {
  @TempDir
  Path dir;

  static Stream<String> dialects() {
    return Stream.of("sqlite", "postgresql");
  }

  Config config(String dialect) {
    return dialect.equals("sqlite") ? TestDatabases.sqlite(dir) : TestDatabases.postgres(dir);
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void pages_and_menus_are_stored_revised_and_name_the_navigation_when_a_menu_shows_them(
      String dialect) {
    var config = config(dialect);
    try (var newsroom = Newsroom.open(config, new TestClock())) {
      var db = newsroom.db();
      var pages = newsroom.pages();
      var menus = newsroom.menus();
      var world = newsroom.sections().ensure("world", "World", "", 1);
      long about = db.inTransaction(tx -> pages.create(
          tx,
          new PageDraft("about", "About", "", "Hi.", List.of(Block.Paragraph.ofText("Hi."))),
          null,
          "Eda"));
      assertThat(pages.published("about")).isEmpty();
      db.useTransaction(tx -> pages.publish(tx, about));
      assertThat(pages.published("about")).map(p -> p.title()).hasValue("About");
      db.useTransaction(tx -> pages.update(
          tx, about, 2, new PageDraft("about", "About us", "", "Hello.", List.of()), null, "Eda"));
      assertThat(pages.published("about")).map(p -> p.title()).hasValue("About us");
      assertThat(pages.revisions(about)).extracting(r -> r.version()).containsExactly(3, 1);
      assertThatThrownBy(() -> db.useTransaction(tx -> pages.update(
              tx, about, 1, new PageDraft("about", "Old", "", "", List.of()), null, "Eda")))
          .isInstanceOf(InvalidInput.class)
          .hasMessageContaining("saved by someone else");

      long head = newsroom.feed().head();
      db.useTransaction(tx -> {
        menus.add(tx, MenuItem.Menu.HEADER, MenuItem.Kind.SECTION, world.id(), "", "");
        menus.add(tx, MenuItem.Menu.HEADER, MenuItem.Kind.PAGE, about, "", "");
        menus.add(
            tx, MenuItem.Menu.HEADER, MenuItem.Kind.LINK, null, "https://example.org/", "Shop");
      });
      assertThat(newsroom.feed().after(head, 10))
          .allMatch(c -> c.keys().contains(SurrogateKey.SECTIONS));
      assertThat(menus.links(MenuItem.Menu.HEADER))
          .containsExactly(
              new MenuItem.Link("World", "/world"),
              new MenuItem.Link("About us", "/page/about"),
              new MenuItem.Link("Shop", "https://example.org/"));
      long shop = menus.items(MenuItem.Menu.HEADER).get(2).id();
      db.useTransaction(tx -> menus.move(tx, shop, -1));
      assertThat(menus.links(MenuItem.Menu.HEADER))
          .extracting(MenuItem.Link::label)
          .containsExactly("World", "Shop", "About us");
      // A page in a menu names the navigation when it changes: the menu shows its title.
      head = newsroom.feed().head();
      db.useTransaction(tx -> pages.unpublish(tx, about));
      assertThat(newsroom.feed().after(head, 10).get(0).keys())
          .contains(SurrogateKey.page(about), SurrogateKey.SECTIONS, SurrogateKey.PAGES);
      assertThat(menus.links(MenuItem.Menu.HEADER))
          .extracting(MenuItem.Link::label)
          .containsExactly("World", "Shop");
    } finally {
      TestDatabases.drop(config);
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void pins_and_banners_expire_once_with_a_change_that_purges_what_showed_them(String dialect) {
    var config = config(dialect);
    var clock = new TestClock();
    try (var newsroom = Newsroom.open(config, clock)) {
      var db = newsroom.db();
      var curation = newsroom.curation();
      var breaking = newsroom.breaking();
      long story = newsroom.articles().create(ArticleDraft.of("Storm", "", null, List.of()));
      assertThatThrownBy(
              () -> db.useTransaction(tx -> curation.pin(tx, Place.LEAD, null, story, null)))
          .isInstanceOf(InvalidInput.class)
          .hasMessageContaining("not published");
      newsroom.articles().publish(story);
      long collection = db.inTransaction(tx ->
          curation.createCollection(tx, new StoryCollection(1, "Storm season", true, null, 0)));
      db.useTransaction(tx -> {
        curation.pin(tx, Place.LEAD, null, story, clock.instant().plus(Duration.ofMinutes(5)));
        curation.pin(tx, Place.COLLECTION, collection, story, null);
        breaking.raise(
            tx, "Storm warning", "/weather", clock.instant().plus(Duration.ofMinutes(5)), "Eda");
      });
      assertThat(curation.showing(clock.instant())).hasSize(2);
      assertThat(breaking.current()).map(BreakingNews::text).hasValue("Storm warning");
      assertThat(curation.expireDue()).isZero();

      clock.advance(Duration.ofMinutes(6));
      assertThat(curation.showing(clock.instant()))
          .extracting(Pin::place)
          .containsExactly(Place.COLLECTION);
      assertThat(breaking.current()).isEmpty();
      long head = newsroom.feed().head();
      assertThat(curation.expireDue()).isEqualTo(1);
      assertThat(breaking.expireDue()).isEqualTo(1);
      // A second sweep (or another node's) announces nothing again.
      assertThat(curation.expireDue()).isZero();
      assertThat(breaking.expireDue()).isZero();
      var changes = newsroom.feed().after(head, 10);
      assertThat(changes).hasSize(2);
      assertThat(changes.get(0).keys())
          .containsExactlyInAnyOrder(SurrogateKey.FRONT, SurrogateKey.CURATION);
      assertThat(changes.get(1).keys()).containsExactly(SurrogateKey.BREAKING);
      assertThat(curation.pins()).extracting(Pin::place).containsExactly(Place.COLLECTION);
    } finally {
      TestDatabases.drop(config);
    }
  }
}
