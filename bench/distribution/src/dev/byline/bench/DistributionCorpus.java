package dev.byline.bench;

import dev.byline.Newsroom;
import dev.byline.config.ConfigLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/**
 * Writes a synthetic newsroom straight into a fresh SQLite file with batched inserts: N
 * published articles over ten years (the newest 400 in the last two days), 12 sections, 5,000
 * topics (two per story, a repeated pick is skipped), 500 authors, and a lead image with five variants on every fourth story.
 *
 * <p>Usage: {@code DistributionCorpus DATA_DIR ARTICLES}
 */
public final class DistributionCorpus {
  static final int SECTIONS = 12;
  static final int TOPICS = 5_000;
  static final int AUTHORS = 500;
  static final int COMMIT_EVERY = 20_000;

  public static void main(String[] args) throws Exception {
    var dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    long started = System.nanoTime();
    var config = new ConfigLoader(Map.of()).load(Map.of("data", dir.toString()), null);
    try (var newsroom = Newsroom.open(config, Clock.systemUTC())) {
      // Newsroom.open ran the migrations; the rows go in over a plain connection, fast.
    }
    try (Connection c =
        DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("byline.db").toAbsolutePath())) {
      try (var s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=OFF");
      }
      c.setAutoCommit(false);
      var rnd = new Random(42);
      long now = Instant.now().toEpochMilli();
      try (var ps = c.prepareStatement(
          "INSERT INTO section (id, slug, name, description, position) VALUES (?, ?, ?, '', ?)")) {
        for (int i = 1; i <= SECTIONS; i++) {
          ps.setInt(1, i);
          ps.setString(2, "section-" + i);
          ps.setString(3, "Section " + i);
          ps.setInt(4, i);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (var ps = c.prepareStatement(
          "INSERT INTO topic (id, slug, name, type) VALUES (?, ?, ?, 'subject')")) {
        for (int i = 1; i <= TOPICS; i++) {
          ps.setInt(1, i);
          ps.setString(2, "topic-" + i);
          ps.setString(3, "Topic " + i);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (var ps = c.prepareStatement("INSERT INTO author (id, slug, name) VALUES (?, ?, ?)")) {
        for (int i = 1; i <= AUTHORS; i++) {
          ps.setInt(1, i);
          ps.setString(2, "author-" + i);
          ps.setString(3, "Author " + i);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
      var article = c.prepareStatement(
          "INSERT INTO article (id, slug, status, headline, standfirst, section_id, "
              + "featured_image_id, body, first_published_at, updated_at, created_at, modified_at) "
              + "VALUES (?, ?, 'published', ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      var image = c.prepareStatement(
          "INSERT INTO image (id, storage_key, mime, width, height, byte_size, sha256, "
              + "caption, credit, alt, created_at) VALUES (?, ?, 'image/jpeg', 1600, 900, 200000, ?, ?, 'Wire', 'A photo', ?)");
      var variant = c.prepareStatement(
          "INSERT INTO image_variant (image_id, width, height, mime, storage_key) VALUES (?, ?, ?, 'image/jpeg', ?)");
      var topic = c.prepareStatement(
          "INSERT OR IGNORE INTO article_topic (article_id, topic_id, position) VALUES (?, ?, ?)");
      var author = c.prepareStatement(
          "INSERT INTO article_author (article_id, author_id, position) VALUES (?, ?, 0)");
      long span = Duration.ofDays(3650).toMillis();
      long recent = Duration.ofHours(47).toMillis();
      long imageId = 0;
      for (int i = 1; i <= n; i++) {
        // Oldest first; the last 400 fall in the news window.
        long first = i > n - 400
            ? now - recent + (recent * (i - (n - 400)) / 400) - 60_000
            : now - span + (span - recent) * i / n;
        Long updated = rnd.nextInt(10) == 0 ? first + 3_600_000L : null;
        Long img = null;
        if (i % 4 == 0) {
          img = ++imageId;
          image.setLong(1, img);
          image.setString(2, "bench/" + img + ".jpg");
          image.setString(3, Long.toHexString(img));
          image.setString(4, "Caption of picture " + img);
          image.setLong(5, first);
          image.addBatch();
          for (int w : new int[] {320, 640, 960, 1280, 1600}) {
            variant.setLong(1, img);
            variant.setInt(2, w);
            variant.setInt(3, w * 9 / 16);
            variant.setString(4, "bench/" + img + "-w" + w + ".jpg");
            variant.addBatch();
          }
        }
        article.setLong(1, i);
        article.setString(2, "story-number-" + i + "-about-the-harbour-and-the-city");
        article.setString(3, "Story number " + i + ": council & harbour agree on a plan");
        article.setString(4, "What happened in story " + i + ", in one sentence.");
        article.setInt(5, 1 + i % SECTIONS);
        if (img == null) article.setNull(6, java.sql.Types.BIGINT);
        else article.setLong(6, img);
        article.setString(
            7,
            "[{\"type\":\"paragraph\",\"html\":\"First paragraph of story " + i
                + ", with <a href=\\\"/section-1/story-number-1-about-the-harbour-and-the-city\\\">a link</a>.\"},"
                + "{\"type\":\"paragraph\",\"html\":\"Second paragraph.\"}]");
        article.setLong(8, first);
        if (updated == null) article.setNull(9, java.sql.Types.BIGINT);
        else article.setLong(9, updated);
        article.setLong(10, first);
        article.setLong(11, updated == null ? first : updated);
        article.addBatch();
        topic.setLong(1, i);
        topic.setInt(2, 1 + rnd.nextInt(TOPICS));
        topic.setInt(3, 0);
        topic.addBatch();
        topic.setLong(1, i);
        topic.setInt(2, 1 + (i % TOPICS));
        topic.setInt(3, 1);
        topic.addBatch();
        author.setLong(1, i);
        author.setInt(2, 1 + rnd.nextInt(AUTHORS));
        author.addBatch();
        if (i % COMMIT_EVERY == 0 || i == n) {
          image.executeBatch();
          variant.executeBatch();
          article.executeBatch();
          topic.executeBatch();
          author.executeBatch();
          c.commit();
        }
      }
      c.commit();
    }
    System.out.printf(
        "corpus articles=%d dir=%s seconds=%.1f%n", n, dir, (System.nanoTime() - started) / 1e9);
  }
}
