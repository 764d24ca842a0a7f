package dev.byline.content;

import dev.byline.store.SurrogateKey;
import dev.byline.store.Tx;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The surrogate keys of every page that shows an article: its own, the lists every published
 * story is on, its section, topics and authors, and the month it was first published in
 * ({@link PublishedArchive#monthKey}). A change names them as they were and as they are, so
 * caches purge the old section page as well as the new one.
 */
final class PurgeKeys {
  /** Keys every published-list depends on: the front page, and feeds and sitemaps. */
  static final Set<String> LISTS = Set.of(SurrogateKey.FRONT, SurrogateKey.LISTS);

  private PurgeKeys() {}

  /** Keys of every page that shows the article as it is now in the database. */
  static Set<String> of(Tx tx, long id) {
    var keys = new LinkedHashSet<String>();
    keys.add(SurrogateKey.article(id));
    keys.addAll(LISTS);
    // One round trip over the article and its links: this runs before and after every change,
    // several times per imported story.
    tx.query(
            "SELECT 'month' AS kind, first_published_at AS value FROM article WHERE id = :id AND first_published_at IS NOT NULL "
                + "UNION ALL SELECT 'section', section_id FROM article WHERE id = :id AND section_id IS NOT NULL "
                + "UNION ALL SELECT 'topic', topic_id FROM article_topic WHERE article_id = :id "
                + "UNION ALL SELECT 'author', author_id FROM article_author WHERE article_id = :id")
        .bind("id", id)
        .map(rs -> Map.entry(rs.getString("kind"), rs.getLong("value")))
        .forEach(e -> keys.add(
            e.getKey().equals("month")
                ? PublishedArchive.monthKey(
                    PublishedArchive.monthOf(Instant.ofEpochMilli(e.getValue())))
                : e.getKey().equals("section")
                    ? SurrogateKey.section(e.getValue())
                    : e.getKey().equals("topic")
                        ? SurrogateKey.topic(e.getValue())
                        : SurrogateKey.author(e.getValue())));
    return keys;
  }
}
