package dev.byline.content;

import dev.byline.store.Tx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Owns {@code article_topic} and {@code article_author}: which topics an article is filed under
 * and who wrote it, each in the article's order. Topics and authors themselves belong to
 * {@link TopicStore} and {@link AuthorStore}; the two reads that render an article join their
 * tables here, so a page costs one query for each list rather than two.
 */
final class ArticleLinks {
  /** A list condition on {@code a.id}: filed under the topic bound as {@code :topic}. */
  static final String WITH_TOPIC =
      "a.id IN (SELECT article_id FROM article_topic WHERE topic_id = :topic)";

  /** A list condition on {@code a.id}: written by the author bound as {@code :author}. */
  static final String BY_AUTHOR =
      "a.id IN (SELECT article_id FROM article_author WHERE author_id = :author)";

  private ArticleLinks() {}

  /** Replaces the article's topics and authors with the draft's, in its order. */
  static void write(Tx tx, long articleId, ArticleDraft d) {
    tx.update("DELETE FROM article_topic WHERE article_id = :id")
        .bind("id", articleId)
        .execute();
    tx.update("DELETE FROM article_author WHERE article_id = :id")
        .bind("id", articleId)
        .execute();
    int pos = 0;
    for (var t : d.topicIds()) {
      tx.update("INSERT INTO article_topic (article_id, topic_id, position) VALUES (:a, :t, :p)")
          .bind("a", articleId)
          .bind("t", t)
          .bind("p", pos++)
          .execute();
    }
    pos = 0;
    for (var a : d.authorIds()) {
      tx.update("INSERT INTO article_author (article_id, author_id, position) VALUES (:a, :au, :p)")
          .bind("a", articleId)
          .bind("au", a)
          .bind("p", pos++)
          .execute();
    }
  }

  static List<Topic> topics(Tx tx, long articleId) {
    return tx.query("SELECT t.* FROM topic t JOIN article_topic at ON at.topic_id = t.id "
            + "WHERE at.article_id = :id ORDER BY at.position")
        .bind("id", articleId)
        .map(TopicStore::toTopic)
        .list();
  }

  static List<Author> authors(Tx tx, long articleId) {
    return tx.query("SELECT au.* FROM author au JOIN article_author aa ON aa.author_id = au.id "
            + "WHERE aa.article_id = :id ORDER BY aa.position")
        .bind("id", articleId)
        .map(AuthorStore::toAuthor)
        .list();
  }

  /** Topic ids of each article, in the article's order; articles without topics are left out. */
  static Map<Long, List<Long>> topicIds(Tx tx, Collection<Long> articleIds) {
    var out = new HashMap<Long, List<Long>>();
    tx.query("SELECT article_id, topic_id FROM article_topic WHERE article_id IN (<ids>) "
            + "ORDER BY article_id, position")
        .bindList("ids", articleIds)
        .map(rs -> Map.entry(rs.getLong("article_id"), rs.getLong("topic_id")))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return out;
  }

  /** The topics of each article, in the article's order; articles without topics are left out. */
  static Map<Long, List<Topic>> topics(Tx tx, Collection<Long> articleIds) {
    var out = new LinkedHashMap<Long, List<Topic>>();
    tx.query("SELECT at.article_id, t.* FROM article_topic at JOIN topic t ON t.id = at.topic_id "
            + "WHERE at.article_id IN (<ids>) ORDER BY at.article_id, at.position")
        .bindList("ids", articleIds)
        .map(rs -> Map.entry(rs.getLong("article_id"), TopicStore.toTopic(rs)))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return out;
  }

  /** Articles filed under the topic: whose pages show its name. */
  static List<Long> withTopic(Tx tx, long topicId) {
    return tx.query("SELECT article_id FROM article_topic WHERE topic_id = :id")
        .bind("id", topicId)
        .mapTo(Long.class)
        .list();
  }

  /** Articles the author wrote: whose pages show the byline. */
  static List<Long> byAuthor(Tx tx, long authorId) {
    return tx.query("SELECT article_id FROM article_author WHERE author_id = :id")
        .bind("id", authorId)
        .mapTo(Long.class)
        .list();
  }
}
