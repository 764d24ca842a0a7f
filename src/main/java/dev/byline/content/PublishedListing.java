package dev.byline.content;

import dev.byline.store.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Published articles newest first, read page by page from a position rather than an offset: a
 * story published while a client pages through moves nothing under its feet, and a deep page costs
 * what the first does. Only published articles are ever read here.
 *
 * <pre>{@code
 * var page = listing.after(Filter.ALL, null, 20);
 * var next = listing.after(Filter.ALL, page.next(), 20);
 * }</pre>
 */
public final class PublishedListing {
  /** Where the previous page ended: the last article's first publication and id. */
  public record Position(Instant publishedAt, long id) {}

  /** Narrows the list; null fields do not narrow. {@code updatedSince} is inclusive. */
  public record Filter(Long sectionId, Long topicId, Long authorId, Instant updatedSince) {
    public static final Filter ALL = new Filter(null, null, null, null);
  }

  /** One page of ids, in order, and where the next starts (null on the last page). */
  public record Slice(List<Long> ids, Position next) {
    public Slice {
      ids = List.copyOf(ids);
    }
  }

  private final Database db;

  public PublishedListing(Database db) {
    this.db = db;
  }

  public Slice after(Filter filter, Position after, int limit) {
    if (limit < 1) throw new InvalidInput("limit", "must be 1 or more");
    var sql = new StringBuilder(
        "SELECT a.id, a.first_published_at FROM article a WHERE a.status = 'published'");
    var params = new HashMap<String, Object>();
    if (filter.sectionId() != null) {
      sql.append(" AND a.section_id = :section");
      params.put("section", filter.sectionId());
    }
    if (filter.topicId() != null) {
      sql.append(" AND a.id IN (SELECT article_id FROM article_topic WHERE topic_id = :topic)");
      params.put("topic", filter.topicId());
    }
    if (filter.authorId() != null) {
      sql.append(" AND a.id IN (SELECT article_id FROM article_author WHERE author_id = :author)");
      params.put("author", filter.authorId());
    }
    if (filter.updatedSince() != null) {
      sql.append(" AND COALESCE(a.updated_at, a.first_published_at) >= :since");
      params.put("since", filter.updatedSince().toEpochMilli());
    }
    if (after != null) {
      sql.append(" AND (a.first_published_at < :p OR (a.first_published_at = :p AND a.id < :id))");
      params.put("p", after.publishedAt().toEpochMilli());
      params.put("id", after.id());
    }
    sql.append(" ORDER BY a.first_published_at DESC, a.id DESC LIMIT :limit");
    var rows = db.read(tx -> tx.query(sql.toString())
        .bindMap(params)
        .bind("limit", limit + 1)
        .map(rs -> new Position(Instant.ofEpochMilli(rs.getLong(2)), rs.getLong(1)))
        .list());
    boolean more = rows.size() > limit;
    var page = more ? rows.subList(0, limit) : rows;
    return new Slice(
        page.stream().map(Position::id).toList(), more ? page.get(page.size() - 1) : null);
  }

  /** The bylines of each article, in byline order; articles without one are left out. */
  public Map<Long, List<Author>> authorsOf(Collection<Long> articleIds) {
    if (articleIds.isEmpty()) return Map.of();
    var out = new LinkedHashMap<Long, List<Author>>();
    db.read(tx -> tx.query(
            "SELECT aa.article_id, au.* FROM article_author aa JOIN author au ON au.id ="
                + " aa.author_id WHERE aa.article_id IN (<ids>) ORDER BY aa.article_id,"
                + " aa.position")
        .bindList("ids", List.copyOf(articleIds))
        .map(rs -> {
          long photoId = rs.getLong("photo_image_id");
          Long photo = rs.wasNull() ? null : photoId;
          var author = new Author(
              rs.getLong("id"),
              rs.getString("slug"),
              rs.getString("name"),
              rs.getString("bio"),
              photo);
          out.computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>()).add(author);
          return author;
        })
        .list());
    return out;
  }

  /** Topics at least one published article has, by id, from after {@code afterId}. */
  public List<Topic> topics(long afterId, int limit) {
    return db.read(tx -> tx.query(
            "SELECT t.* FROM topic t WHERE t.id > :after AND EXISTS (SELECT 1 FROM"
                + " article_topic x JOIN article a ON a.id = x.article_id WHERE x.topic_id ="
                + " t.id AND a.status = 'published') ORDER BY t.id LIMIT :limit")
        .bind("after", afterId)
        .bind("limit", limit)
        .map(rs -> new Topic(
            rs.getLong("id"),
            rs.getString("slug"),
            rs.getString("name"),
            TopicType.parse(rs.getString("type"))))
        .list());
  }

  /** Authors with at least one published article, by id, from after {@code afterId}. */
  public List<Author> authors(long afterId, int limit) {
    return db.read(tx -> tx.query(
            "SELECT au.* FROM author au WHERE au.id > :after AND EXISTS (SELECT 1 FROM"
                + " article_author x JOIN article a ON a.id = x.article_id WHERE x.author_id"
                + " = au.id AND a.status = 'published') ORDER BY au.id LIMIT :limit")
        .bind("after", afterId)
        .bind("limit", limit)
        .map(rs -> {
          long photoId = rs.getLong("photo_image_id");
          Long photo = rs.wasNull() ? null : photoId;
          return new Author(
              rs.getLong("id"),
              rs.getString("slug"),
              rs.getString("name"),
              rs.getString("bio"),
              photo);
        })
        .list());
  }
}
