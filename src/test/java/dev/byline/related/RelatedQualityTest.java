package dev.byline.related;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.Newsroom;
import dev.byline.search.SearchIndex;
import dev.byline.search.SearchIndexAccess;
import dev.byline.search.StoryKeys;
import dev.byline.testing.TestDatabases;
import dev.byline.wire.WireImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Are "READ:" links about the same story? Every ECB+ article goes through the real wire importer
 * (as ninjs, with {@code --publish}), the real store and the real index; the real engine picks
 * three links for each; a link is right when its ECB+ event is the article's. Two baselines run
 * on the same index in the same run: a random pick among articles of the same topic (what
 * category-based plugins do) and Lucene's plain MoreLikeThis.
 */
class RelatedQualityTest {
  static final double REQUIRED_PRECISION_AT_3 = 0.95;
  static final long SEED = 20240301L;

  @TempDir
  Path dir;

  record Score(String name, int links, int right, int nearMiss, int firstRight, int articles) {
    double precision() {
      return links == 0 ? 0 : right / (double) links;
    }

    double nearMissRate() {
      return links == 0 ? 0 : nearMiss / (double) links;
    }

    double precisionAt1() {
      return firstRight / (double) articles;
    }

    double linksPerArticle() {
      return links / (double) articles;
    }

    String line() {
      return String.format(
          "%-34s precision@3 %.3f   precision@1 %.3f   near-miss %.3f   links/article %.2f",
          name, precision(), precisionAt1(), nearMissRate(), linksPerArticle());
    }
  }

  @Test
  void related_links_are_about_the_same_event_for_at_least_95_percent_of_ecb_plus_articles()
      throws Exception {
    var config = TestDatabases.sqlite(dir.resolve("data"), EcbPlusCorpus.settings());
    var files = Files.createDirectories(dir.resolve("ninjs"));
    try (var newsroom = Newsroom.open(config, Clock.systemUTC());
        var index = SearchIndex.open(
                dir.resolve("index"),
                newsroom.articles(),
                newsroom.feed(),
                StoryKeys.NONE,
                Clock.systemUTC())
            .start()) {
      var loaded = EcbPlusCorpus.load(newsroom, config, files, SEED);
      var rows = EcbPlusCorpus.rows().size();
      assertThat(loaded.summary())
          .as(loaded.summary().line())
          .isEqualTo(new WireImport.Summary(rows, 0, 0, 0));
      assertThat(loaded.differences())
          .as("what the import changed of the texts, topics and dates")
          .isEmpty();
      var labelled = loaded.articles();
      assertThat(labelled).hasSize(rows);
      assertThat(index.awaitPosition(newsroom.feed().head(), 120_000))
          .as("index caught up with the feed")
          .isTrue();
      assertThat(index.size()).isEqualTo(labelled.size());
      var choices = new RelatedChoices(newsroom.db(), newsroom.feed(), Clock.systemUTC());
      var engine = new RelatedFinder(index, newsroom.articles(), choices, StoryKeys.NONE, 3, 4);
      var byId = EcbPlusCorpus.byId(labelled);

      var real = score(
          "related engine",
          labelled,
          byId,
          l -> engine.picks(newsroom.articles().byId(l.articleId()).orElseThrow(), 3).stream()
              .map(RelatedFinder.Pick::articleId)
              .toList());
      var random = new Random(SEED);
      var sameTopic = score("random pick among same topic", labelled, byId, l -> {
        var pool = new ArrayList<Long>();
        for (var o : labelled)
          if (o.topic() == l.topic() && o.articleId() != l.articleId()) pool.add(o.articleId());
        java.util.Collections.shuffle(pool, random);
        return pool.subList(0, Math.min(3, pool.size()));
      });
      var mlt = score(
          "plain MoreLikeThis",
          labelled,
          byId,
          l -> SearchIndexAccess.plainMoreLikeThis(index, l.articleId(), 3));

      if (Boolean.getBoolean("related.debug")) {
        var rightSims = new ArrayList<Double>();
        var wrongSims = new ArrayList<Double>();
        for (var l : labelled) {
          var a = newsroom.articles().byId(l.articleId()).orElseThrow();
          for (var p : engine.picks(a, 3)) {
            var o = byId.get(p.articleId());
            (o.event().equals(l.event()) ? rightSims : wrongSims).add(p.similarity());
            if (!o.event().equals(l.event()))
              System.out.printf(
                  "WRONG %s -> %s sim %.3f score %.3f | %s | %s%n",
                  l.event(),
                  o.event(),
                  p.similarity(),
                  p.score(),
                  a.headline(),
                  newsroom.articles().byId(p.articleId()).orElseThrow().headline());
          }
        }
        java.util.Collections.sort(rightSims);
        java.util.Collections.sort(wrongSims);
        System.out.println("right sims " + rightSims.subList(0, 20) + " median "
            + rightSims.get(rightSims.size() / 2));
        System.out.println("wrong sims " + wrongSims);
      }
      System.out.println(
          "Related quality on " + labelled.size() + " ECB+ articles (" + EcbPlusCorpus.FILE + "):");
      for (var s : List.of(real, sameTopic, mlt)) System.out.println("  " + s.line());
      assertThat(real.precision()).as(real.line()).isGreaterThanOrEqualTo(REQUIRED_PRECISION_AT_3);
      assertThat(real.linksPerArticle())
          .as("the engine still links most articles")
          .isGreaterThan(2.5);
    }
  }

  private static Score score(
      String name,
      List<EcbPlusCorpus.Labelled> all,
      Map<Long, EcbPlusCorpus.Labelled> byId,
      Function<EcbPlusCorpus.Labelled, List<Long>> linksFor) {
    int links = 0;
    int right = 0;
    int nearMiss = 0;
    int firstRight = 0;
    for (var l : all) {
      var picked = linksFor.apply(l);
      for (int i = 0; i < picked.size(); i++) {
        var other = byId.get(picked.get(i));
        links++;
        if (other != null && other.event().equals(l.event())) {
          right++;
          if (i == 0) firstRight++;
        } else if (other != null && other.topic() == l.topic()) {
          nearMiss++;
        }
      }
    }
    return new Score(name, links, right, nearMiss, firstRight, all.size());
  }
}
