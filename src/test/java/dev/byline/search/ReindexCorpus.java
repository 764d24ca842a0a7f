package dev.byline.search;

import dev.byline.Newsroom;
import dev.byline.bench.NewsCorpus;
import dev.byline.config.ConfigLoader;
import dev.byline.content.Html;
import dev.byline.testing.Fixtures;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Map;

/**
 * Writes the benchmark archive ({@link GeneratedArchive}) into a fresh SQLite newsroom with batched
 * inserts, so that {@code byline reindex --data DIR} can be timed on it: the real rebuild path
 * (keyset walk, article reads, block decoding with the HTML policies, indexing).
 *
 * <pre>
 * java -cp ... dev.byline.search.ReindexCorpus target/bench-reindex-100000 100000
 * java -Xmx2g -cp ... dev.byline.Main reindex --data target/bench-reindex-100000
 * </pre>
 */
public final class ReindexCorpus {
  static final int COMMIT_EVERY = 10_000;

  public static void main(String[] args) throws Exception {
    var dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    long started = System.nanoTime();
    var archive = new GeneratedArchive(
        NewsCorpus.fromWikinews(Fixtures.dir().resolve("corpus").resolve("wikinews")));
    var config = new ConfigLoader(Map.of()).load(Map.of("data", dir.toString()), null);
    try (var newsroom = Newsroom.open(config, Clock.systemUTC())) {
      // Opening ran the migrations; the rows go in over a plain connection, fast.
    }
    try (var c =
        DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("byline.db").toAbsolutePath())) {
      try (var s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=OFF");
      }
      c.setAutoCommit(false);
      try (var section = c.prepareStatement(
              "INSERT INTO section (id, slug, name, description, position) VALUES (?, ?, ?, '', ?)");
          var topic = c.prepareStatement(
              "INSERT INTO topic (id, slug, name, type) VALUES (?, ?, ?, 'subject')")) {
        for (int i = 1; i <= GeneratedArchive.SECTIONS; i++) {
          section.setInt(1, i);
          section.setString(2, "section-" + i);
          section.setString(3, "Section " + i);
          section.setInt(4, i);
          section.addBatch();
        }
        section.executeBatch();
        for (int i = 1; i <= GeneratedArchive.TOPICS; i++) {
          topic.setInt(1, i);
          topic.setString(2, "topic-" + i);
          topic.setString(3, "Topic " + i);
          topic.addBatch();
        }
        topic.executeBatch();
      }
      c.commit();
      try (var article = c.prepareStatement(
              "INSERT INTO article (id, slug, status, headline, standfirst, section_id, body, "
                  + "first_published_at, created_at, modified_at) VALUES (?, ?, 'published', ?, ?, ?, ?, ?, ?, ?)");
          var topics = c.prepareStatement(
              "INSERT OR IGNORE INTO article_topic (article_id, topic_id, position) VALUES (?, ?, ?)")) {
        for (int i = 0; i < n; i++) {
          var a = archive.article(i);
          article.setLong(1, a.id());
          article.setString(2, a.slug());
          article.setString(3, a.headline());
          article.setString(4, a.standfirst());
          article.setLong(5, a.sectionId());
          article.setString(6, blocks(a));
          article.setLong(7, a.publishedMillis());
          article.setLong(8, a.publishedMillis());
          article.setLong(9, a.publishedMillis());
          article.addBatch();
          for (int t = 0; t < a.topicIds().size(); t++) {
            topics.setLong(1, a.id());
            topics.setLong(2, a.topicIds().get(t));
            topics.setInt(3, t);
            topics.addBatch();
          }
          if ((i + 1) % COMMIT_EVERY == 0 || i == n - 1) {
            article.executeBatch();
            topics.executeBatch();
            c.commit();
          }
        }
      }
    }
    System.out.printf(
        "reindex corpus: %,d published articles in %s, written in %.1f s%n",
        n, dir, (System.nanoTime() - started) / 1e9);
  }

  /** The body as the store keeps it: paragraph blocks of escaped text, in JSON. */
  static String blocks(GeneratedArchive.Generated a) {
    var sb = new StringBuilder("[");
    for (var p : a.paragraphs()) {
      if (sb.length() > 1) sb.append(',');
      sb.append("{\"type\":\"paragraph\",\"html\":\"")
          .append(json(Html.escape(p)))
          .append("\"}");
    }
    return sb.append(']').toString();
  }

  private static String json(String s) {
    var sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\') sb.append('\\').append(ch);
      else if (ch < 0x20) sb.append(String.format("\\u%04x", (int) ch));
      else sb.append(ch);
    }
    return sb.toString();
  }
}
