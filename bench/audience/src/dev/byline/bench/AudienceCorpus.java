package dev.byline.bench;

import dev.byline.Newsroom;
import dev.byline.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Makes a benchmark newsroom of N published articles in a data directory: 6 sections, 3,000
 * topics (a few popular, most rare), 2 to 4 topics per article, N / 200 articles a day over the
 * last 200 days, so the 14-day "For you" window holds 7% of them. Writes rows in bulk for speed:
 * a benchmark shortcut, never how the site writes articles. Prints the id ranges the load
 * scripts need.
 *
 * <pre>{@code
 * bench/audience/run.sh for-you     # compiles this and runs it into a temporary folder
 * }</pre>
 */
public final class AudienceCorpus {
  static final int SECTIONS = 6;
  static final int TOPICS = 3_000;
  static final int DAYS = 200;

  private AudienceCorpus() {}

  public static void main(String[] args) {
    var dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    var config =
        new ConfigLoader(Map.of()).load(new HashMap<>(Map.of("data", dir.toString())), null);
    var clock = Clock.systemUTC();
    var random = new Random(42);
    try (var newsroom = Newsroom.open(config, clock)) {
      var names = new String[] {"World", "Politics", "Business", "Sport", "Science", "Culture"};
      var sectionIds = new long[SECTIONS];
      for (int i = 0; i < SECTIONS; i++) {
        sectionIds[i] =
            newsroom.sections().ensure(names[i].toLowerCase(), names[i], "", i).id();
      }
      long now = clock.millis();
      long span = Duration.ofDays(DAYS).toMillis();
      newsroom.db().jdbi().useTransaction(h -> {
        var topics =
            h.prepareBatch("INSERT INTO topic (slug, name, type) VALUES (:slug, :name, 'subject')");
        for (int t = 1; t <= TOPICS; t++)
          topics.bind("slug", "topic-" + t).bind("name", "Topic " + t).add();
        topics.execute();
      });
      long firstTopic = newsroom
          .db()
          .jdbi()
          .withHandle(h -> h.createQuery("SELECT MIN(id) FROM topic WHERE slug LIKE 'topic-%'")
              .mapTo(Long.class)
              .one());
      int batch = 5_000;
      for (int from = 0; from < n; from += batch) {
        int start = from;
        int end = Math.min(n, from + batch);
        newsroom.db().jdbi().useTransaction(h -> {
          var articles = h.prepareBatch(
              "INSERT INTO article (slug, status, headline, standfirst, section_id, body, "
                  + "first_published_at, created_at, modified_at, version) VALUES (:slug, 'published', :headline, :standfirst, "
                  + ":section, '[]', :at, :at, :at, 1)");
          for (int i = start; i < end; i++) {
            long at = now - span + (span * i) / n;
            articles
                .bind("slug", "story-" + i)
                .bind("headline", "Story number " + i)
                .bind("standfirst", "What happened in story " + i + ".")
                .bind("section", sectionIds[i % SECTIONS])
                .bind("at", at)
                .add();
          }
          articles.execute();
          long firstId = h.createQuery("SELECT id FROM article WHERE slug = :s")
              .bind("s", "story-" + start)
              .mapTo(Long.class)
              .one();
          var links = h.prepareBatch(
              "INSERT INTO article_topic (article_id, topic_id, position) VALUES (:a, :t, :p)");
          for (int i = start; i < end; i++) {
            var chosen = new java.util.LinkedHashSet<Long>();
            int k = 2 + random.nextInt(3);
            while (chosen.size() < k) chosen.add(firstTopic + skewed(random));
            int p = 0;
            for (long t : chosen)
              links.bind("a", firstId + (i - start)).bind("t", t).bind("p", p++).add();
          }
          links.execute();
        });
      }
      var range = newsroom
          .db()
          .jdbi()
          .withHandle(h -> h.createQuery("SELECT MIN(id) AS lo, MAX(id) AS hi FROM article "
                  + "WHERE first_published_at >= :since")
              .bind("since", now - Duration.ofDays(14).toMillis())
              .map((rs, ctx) -> new long[] {rs.getLong("lo"), rs.getLong("hi")})
              .one());
      System.out.println("articles=" + newsroom.published().countPublished() + " topics=" + TOPICS
          + " fresh_first_id=" + range[0] + " last_id=" + range[1]);
    }
  }

  /** Topic index 0..TOPICS-1, popular ones far more often (roughly Zipf). */
  static int skewed(Random random) {
    double u = random.nextDouble();
    return (int) Math.min(TOPICS - 1, Math.floor(Math.pow(TOPICS, u)) - 1);
  }
}
