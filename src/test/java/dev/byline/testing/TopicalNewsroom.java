package dev.byline.testing;

import dev.byline.Newsroom;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.content.Source;
import dev.byline.content.TopicType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small newsroom whose stories fall into clear topic clusters, with no images, so tests of
 * reading and recommending start in a second and know the right answers. Stories are
 * published over the last three days; one old story per cluster is three weeks old.
 *
 * <pre>{@code
 * var stories = TopicalNewsroom.seed(newsroom, clock);
 * stories.get("election-1");  // id of the first Norreland election story
 * }</pre>
 */
public final class TopicalNewsroom {
  /** Cluster key, section, topics (name:type). */
  private static final String[][] CLUSTERS = {
    {"election", "world", "Norreland election:subject", "Norreland:place"},
    {"football", "sport", "Halden Rovers:organisation", "Football:subject"},
    {"cyclone", "world", "Cyclone Imara:subject", "Extreme weather:subject"},
    {"space", "science", "Orbital Harvest:subject", "Aurelian Space Agency:organisation"},
  };

  public static final int PER_CLUSTER = 5;

  private TopicalNewsroom() {}

  /** Seeds the stories; returns their ids by key ("election-1" … "space-5", and "election-old" …). */
  public static Map<String, Long> seed(Newsroom newsroom, Clock clock) {
    var sections = Map.of(
        "world", newsroom.sections().ensure("world", "World", "", 1).id(),
        "sport", newsroom.sections().ensure("sport", "Sport", "", 2).id(),
        "science", newsroom.sections().ensure("science", "Science", "", 3).id());
    var ids = new LinkedHashMap<String, Long>();
    var now = clock.instant();
    int n = 0;
    for (var cluster : CLUSTERS) {
      var topicIds = new ArrayList<Long>();
      for (int t = 2; t < cluster.length; t++) {
        var parts = cluster[t].split(":");
        topicIds.add(
            newsroom.topics().ensure(parts[0], TopicType.parse(parts[1])).id());
      }
      for (int i = 0; i <= PER_CLUSTER; i++) {
        boolean old = i == PER_CLUSTER;
        var key = cluster[0] + "-" + (old ? "old" : Integer.toString(i + 1));
        var headline = cluster[2].split(":")[0] + (old ? ": a look back" : ": report " + (i + 1));
        var draft = new ArticleDraft(
            key + "-story",
            headline,
            "What happened in " + cluster[3].split(":")[0] + ".",
            "",
            Source.NONE,
            sections.get(cluster[1]),
            topicIds,
            List.of(),
            null,
            List.of(Block.Paragraph.ofText("A story about " + headline + ".")),
            "",
            "",
            "");
        long id = newsroom.articles().create(draft);
        var at = old ? now.minus(Duration.ofDays(21)) : now.minus(Duration.ofHours(2 + (n++ * 3L)));
        newsroom.articles().publishAsOf(id, at, null);
        ids.put(key, id);
      }
    }
    return ids;
  }
}
