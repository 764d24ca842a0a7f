package dev.byline.related;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.Article;
import dev.byline.content.Block;
import dev.byline.search.SearchIndexAccess;
import dev.byline.search.StoryKeys;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import dev.byline.wire.WireImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Are "READ:" links and the "Related" list about the same story, as readers see them? Every ECB+
 * article of the dev split goes through the real wire importer (as ninjs, with {@code --publish})
 * into the real server; every article's page is then fetched over HTTP and its links read from
 * the HTML. A link is right when its ECB+ event is the article's, a near miss when it is the other
 * event of the same ECB+ topic. Coverage is the share of stories of two or more paragraphs (all of
 * which have other stories of their event in the corpus) that show at least one "READ:" link.
 *
 * <p>Three rankings run on the same index in the same run, for comparison: the engine's own top
 * three (no placement), a random pick among articles of the same topic (what category-based
 * plugins do) and Lucene's plain MoreLikeThis.
 */
class RelatedQualityTest {
  /** The share of "READ:" links that must be about the article's event. */
  static final double REQUIRED_READ_PRECISION = 0.98;
  /** The share of the Related list's first three that must be about the article's event. */
  static final double REQUIRED_LIST_PRECISION = 0.96;
  /** At most this share of "READ:" links may go to the look-alike event of the same topic. */
  static final double MAX_READ_NEAR_MISS = 0.02;
  /**
   * The share of stories of two or more paragraphs that must show a "READ:" link (0.786 before
   * short stories had a slot and links a confidence; 0.978 after).
   */
  static final double REQUIRED_READ_COVERAGE = 0.95;

  static final long SEED = 20240301L;
  static final int LIST_DEPTH = 3;

  @TempDir
  Path dir;

  @Test
  void read_links_and_the_related_list_on_served_pages_are_about_the_same_event() throws Exception {
    var config = TestDatabases.sqlite(dir.resolve("data"), EcbPlusCorpus.settings());
    var files = Files.createDirectories(dir.resolve("ninjs"));
    try (var site = TestSite.start(config)) {
      var newsroom = site.newsroom();
      var loaded = EcbPlusCorpus.load(newsroom, site.byline().config(), files, SEED);
      var rows = EcbPlusCorpus.rows().size();
      assertThat(loaded.summary())
          .as(loaded.summary().line())
          .isEqualTo(new WireImport.Summary(rows, 0, 0, 0));
      assertThat(loaded.differences())
          .as("what the import changed of the texts, topics and dates")
          .isEmpty();
      var labelled = loaded.articles();
      assertThat(labelled).hasSize(rows);
      var index = site.byline().searchIndex();
      assertThat(index.awaitPosition(newsroom.feed().head(), 120_000))
          .as("index caught up with the feed")
          .isTrue();
      assertThat(index.size()).isEqualTo(labelled.size());
      var byId = EcbPlusCorpus.byId(labelled);
      var articles = new HashMap<Long, Article>();
      var idByPath = new HashMap<String, Long>();
      for (var l : labelled) {
        var a = newsroom.articles().byId(l.articleId()).orElseThrow();
        articles.put(a.id(), a);
        idByPath.put(a.path(), a.id());
      }

      var read = LinkTally.EMPTY;
      var readOnLongerStories = LinkTally.EMPTY;
      var list = LinkTally.EMPTY;
      for (var l : labelled) {
        var article = articles.get(l.articleId());
        var page = site.get(article.path());
        assertThat(page.statusCode()).as(article.path()).isEqualTo(200);
        var served = ServedLinks.of(page.body());
        var readIds = ids(served.read(), idByPath);
        var tally = LinkTally.of("READ: links", l, readIds, byId, Integer.MAX_VALUE);
        read = read.plus(tally);
        if (paragraphs(article) >= 2 && sameEventElsewhere(l, labelled))
          readOnLongerStories = readOnLongerStories.plus(
              LinkTally.of("READ: links, 2+ paragraphs", l, readIds, byId, Integer.MAX_VALUE));
        list = list.plus(LinkTally.of(
            "Related list, first three", l, ids(served.related(), idByPath), byId, LIST_DEPTH));
      }

      var choices = new RelatedChoices(newsroom.db(), newsroom.feed(), Clock.systemUTC());
      var engine = new RelatedFinder(index, newsroom.published(), choices, StoryKeys.NONE, 3, 4);
      var engineTop3 = rank(
          "engine's own top three",
          labelled,
          byId,
          l -> engine.picks(articles.get(l.articleId()), 3).stream()
              .map(RelatedFinder.Pick::articleId)
              .toList());
      var random = new Random(SEED);
      var sameTopic = rank("random pick among same topic", labelled, byId, l -> {
        var pool = new ArrayList<Long>();
        for (var o : labelled)
          if (o.topic() == l.topic() && o.articleId() != l.articleId()) pool.add(o.articleId());
        Collections.shuffle(pool, random);
        return pool.subList(0, Math.min(3, pool.size()));
      });
      var mlt = rank(
          "plain MoreLikeThis, top three",
          labelled,
          byId,
          l -> SearchIndexAccess.plainMoreLikeThis(index, l.articleId(), 3));

      System.out.println("Related quality on " + labelled.size() + " ECB+ articles ("
          + EcbPlusCorpus.FILE + "), links read from the served pages:");
      for (var s : List.of(read, readOnLongerStories, list)) System.out.println("  " + s.line());
      System.out.println("Rankings on the same index, top three, no placement:");
      for (var s : List.of(engineTop3, sameTopic, mlt)) System.out.println("  " + s.line());

      assertThat(read.precision()).as(read.line()).isGreaterThanOrEqualTo(REQUIRED_READ_PRECISION);
      assertThat(read.nearMissRate()).as(read.line()).isLessThanOrEqualTo(MAX_READ_NEAR_MISS);
      assertThat(readOnLongerStories.coverage())
          .as(readOnLongerStories.line())
          .isGreaterThanOrEqualTo(REQUIRED_READ_COVERAGE);
      assertThat(list.precision()).as(list.line()).isGreaterThanOrEqualTo(REQUIRED_LIST_PRECISION);
      assertThat(list.coverage())
          .as("the Related list is still shown under most stories: " + list.line())
          .isGreaterThan(0.9);
    }
  }

  private static List<Long> ids(List<String> paths, Map<String, Long> idByPath) {
    var out = new ArrayList<Long>();
    for (var p : paths) {
      assertThat(idByPath).as("a link to a story of the corpus").containsKey(p);
      out.add(idByPath.get(p));
    }
    return out;
  }

  private static long paragraphs(Article a) {
    return a.body().stream().filter(b -> b instanceof Block.Paragraph).count();
  }

  private static boolean sameEventElsewhere(
      EcbPlusCorpus.Labelled l, List<EcbPlusCorpus.Labelled> all) {
    return all.stream()
        .anyMatch(o -> o.articleId() != l.articleId() && o.event().equals(l.event()));
  }

  private static LinkTally rank(
      String name,
      List<EcbPlusCorpus.Labelled> all,
      Map<Long, EcbPlusCorpus.Labelled> byId,
      Function<EcbPlusCorpus.Labelled, List<Long>> linksFor) {
    var total = LinkTally.EMPTY;
    for (var l : all) total = total.plus(LinkTally.of(name, l, linksFor.apply(l), byId, 3));
    return total;
  }
}
