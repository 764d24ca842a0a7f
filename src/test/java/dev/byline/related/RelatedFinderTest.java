package dev.byline.related;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.Newsroom;
import dev.byline.content.Article;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.content.InvalidInput;
import dev.byline.search.SearchIndex;
import dev.byline.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The engine's policy on real store and index: exclusions, diversity, pins and blocks, determinism. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelatedFinderTest {
  @TempDir
  static Path dir;

  Newsroom newsroom;
  SearchIndex index;
  RelatedChoices choices;
  final Map<String, Long> ids = new HashMap<>();
  final Map<Long, String> storyKeys = new HashMap<>();

  static final String BRIDGE =
      "The Kestrel Bridge over the Amberlin River was closed on Tuesday after engineers found cracks "
          + "in two of its steel cables. Traffic between Elsmere and Port Averly was diverted through the valley road. "
          + "The transport ministry said inspections of the Kestrel Bridge cables would take at least a week. ";

  @BeforeAll
  void load() throws Exception {
    newsroom = Newsroom.open(TestDatabases.sqlite(dir), Clock.systemUTC());
    index = SearchIndex.open(
            dir.resolve("index"),
            newsroom.published(),
            newsroom.feed(),
            storyKeys::get,
            Clock.systemUTC())
        .start();
    choices = new RelatedChoices(newsroom.db(), newsroom.feed(), Clock.systemUTC());
    newsroom.demo().seed(); // sixty other stories, so that words are weighed as in a real archive
    add(
        "closed",
        "Kestrel Bridge closed after cracks found in cables",
        BRIDGE + "Commuters faced long delays.");
    add(
        "copy",
        "Kestrel Bridge closed after cracks found in cables",
        BRIDGE + "Commuters faced long delays on Tuesday.");
    add(
        "copy2",
        "Cracks in cables close Kestrel Bridge",
        BRIDGE + "Drivers were told to allow an extra hour.");
    add(
        "repairs",
        "Kestrel Bridge cable repairs to take a month, ministry says",
        "Repairs to the cracked cables of the Kestrel Bridge over the Amberlin River will take a month, the transport "
            + "ministry said. Engineers will replace two steel cables. Traffic between Elsmere and Port Averly stays "
            + "on the valley road until the Kestrel Bridge reopens.");
    add(
        "reopens",
        "Kestrel Bridge reopens to traffic after cable replacement",
        "The Kestrel Bridge over the Amberlin River reopened on Friday after engineers replaced two cracked steel cables. "
            + "Traffic between Elsmere and Port Averly returned to the bridge, ending weeks of diversions through the valley.");
    add(
        "inquiry",
        "Inquiry opened into Kestrel Bridge cable cracks",
        "An inquiry will examine how cracks in the Kestrel Bridge cables went unnoticed. The transport ministry said "
            + "inspections of steel cables on the Amberlin River bridges will be doubled. Elsmere councillors welcomed it.");
    add(
        "wire-v1",
        "Kestrel Bridge inspectors blame corrosion for cable cracks",
        "Inspectors said corrosion caused the cracks found in the Kestrel Bridge cables over the Amberlin River. "
            + "The report, published on Monday, urges more frequent checks of steel cables on river crossings.");
    add(
        "wire-v2",
        "Corrosion caused Kestrel Bridge cable cracks, report finds",
        "A report published on Monday said corrosion, not overloading, caused the cracks in two steel cables. "
            + "It calls for checks every six months on the Amberlin River crossings, and new coatings.");
    storyKeys.put(ids.get("wire-v1"), "agency:bridge-report");
    storyKeys.put(ids.get("wire-v2"), "agency:bridge-report");
    add(
        "football",
        "Zoo welcomes white tiger cub",
        "A white tiger cub was born at the Ostmark zoo, keepers said. "
            + "The cub weighs two kilograms and will meet visitors in spring after vaccinations.");
    // Re-index with story keys now known.
    index.rebuildNow();
    assertThat(index.awaitPosition(newsroom.feed().head(), 30_000)).isTrue();
  }

  @AfterAll
  void close() {
    index.close();
    newsroom.close();
  }

  void add(String key, String headline, String text) {
    var section = newsroom.sections().ensure("news", "News", "", 1);
    var body = new ArrayList<Block>();
    for (var sentence : text.split("(?<=\\.) ")) body.add(Block.Paragraph.ofText(sentence));
    long id = newsroom.articles().create(ArticleDraft.of(headline, "", section.id(), body));
    newsroom.articles().publish(id);
    ids.put(key, id);
  }

  Article article(String key) {
    return newsroom.articles().byId(ids.get(key)).orElseThrow();
  }

  RelatedFinder finder() {
    return new RelatedFinder(index, newsroom.published(), choices, storyKeys::get, 3, 4);
  }

  List<Long> picks(String key, int n) {
    return finder().picks(article(key), n).stream()
        .map(RelatedFinder.Pick::articleId)
        .toList();
  }

  @Test
  void picks_are_about_the_same_story_and_never_the_article_itself_or_an_unrelated_one() {
    var picks = picks("repairs", 6);
    assertThat(picks)
        .doesNotContain(ids.get("repairs"), ids.get("football"))
        .contains(ids.get("reopens"));
  }

  @Test
  void
      near_duplicates_of_the_article_are_never_picked_and_picks_are_not_near_duplicates_of_each_other() {
    assertThat(picks("closed", 6)).doesNotContain(ids.get("copy"));
    var fromRepairs = picks("repairs", 6);
    long copies = fromRepairs.stream()
        .filter(id -> id.equals(ids.get("closed")) || id.equals(ids.get("copy")))
        .count();
    assertThat(copies).as("at most one of two near-identical texts").isLessThanOrEqualTo(1);
  }

  @Test
  void other_versions_of_the_same_wire_story_are_never_picked() {
    assertThat(picks("wire-v1", 6)).doesNotContain(ids.get("wire-v2"));
    assertThat(picks("wire-v2", 6)).doesNotContain(ids.get("wire-v1"));
  }

  @Test
  void picks_are_the_same_every_time() {
    assertThat(picks("inquiry", 5)).isEqualTo(picks("inquiry", 5));
  }

  @Test
  void an_unrelated_story_gets_no_links_rather_than_wrong_ones() {
    assertThat(picks("football", 3)).isEmpty();
  }

  @Test
  void editors_pins_come_first_and_blocked_stories_never_appear() {
    var article = article("inquiry");
    var before = finder().planFor(article).related().stream().map(s -> s.id()).toList();
    choices.pin(article.id(), ids.get("football"), "editor@example.org");
    long blocked = finder().picks(article, 1).get(0).articleId();
    choices.block(article.id(), blocked, "editor@example.org");
    try {
      var plan = finder().planFor(article);
      var inline = plan.body().stream()
          .filter(b -> b instanceof Block.RelatedLink)
          .map(b -> ((Block.RelatedLink) b).articleId())
          .toList();
      var all = new ArrayList<Long>(inline);
      plan.related().forEach(s -> all.add(s.id()));
      assertThat(all).startsWith(ids.get("football")).doesNotContain(blocked);
      assertThat(finder().picks(article, 6))
          .extracting(RelatedFinder.Pick::articleId)
          .doesNotContain(blocked);
      assertThat(choices.of(article.id()).pinned()).containsExactly(ids.get("football"));
    } finally {
      choices.clear(article.id(), ids.get("football"));
      choices.clear(article.id(), blocked);
    }
    assertThat(finder().planFor(article).related().stream().map(s -> s.id()).toList())
        .isEqualTo(before);
  }

  @Test
  void an_article_cannot_be_pinned_to_itself_or_to_a_missing_story() {
    long id = ids.get("inquiry");
    assertThatThrownBy(() -> choices.pin(id, id, "e"))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("itself");
    assertThatThrownBy(() -> choices.pin(id, 999_999, "e"))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("does not exist");
  }
}
