package dev.byline.content;

import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import dev.byline.store.SurrogateKey;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Owns the topic table. */
public final class TopicStore {
  private final Database db;
  private final ChangeFeed feed;

  public TopicStore(Database db, ChangeFeed feed) {
    this.db = db;
    this.feed = feed;
  }

  public Optional<Topic> bySlug(String slug) {
    return db.read(tx -> tx.query("SELECT * FROM topic WHERE slug = :slug")
        .bind("slug", slug)
        .map(TopicStore::toTopic)
        .findOne());
  }

  public List<Topic> byIds(Collection<Long> ids) {
    if (ids.isEmpty()) return List.of();
    return db.read(tx -> tx.query("SELECT * FROM topic WHERE id IN (<ids>) ORDER BY name")
        .bindList("ids", List.copyOf(ids))
        .map(TopicStore::toTopic)
        .list());
  }

  /** The topic with this name, whatever its type, ignoring case; the oldest when several share it. */
  public Optional<Topic> named(String name) {
    var clean = name == null ? "" : name.strip();
    return db.read(
        tx -> tx.query("SELECT * FROM topic WHERE LOWER(name) = LOWER(:n) ORDER BY id LIMIT 1")
            .bind("n", clean)
            .map(TopicStore::toTopic)
            .findOne());
  }

  /** Every topic by name, for the newsroom's topic list; {@code query} filters by words in the name. */
  public List<Topic> list(String query, int offset, int limit) {
    var op = db.dialect().ilike();
    return db.read(tx -> tx.query("SELECT * FROM topic WHERE name " + op
            + " :q ORDER BY name, id LIMIT :limit OFFSET :offset")
        .bind("q", "%" + escapeLike(query == null ? "" : query.strip()) + "%")
        .bind("limit", limit)
        .bind("offset", offset)
        .map(TopicStore::toTopic)
        .list());
  }

  /** Renames or retypes a topic; its slug, and so its URL, stays. */
  public void update(long id, String name, TopicType type) {
    db.useTransaction(tx -> update(tx, id, name, type));
  }

  /** {@link #update(long, String, TopicType)} inside the caller's unit of work. */
  public void update(Tx tx, long id, String name, TopicType type) {
    var clean = checkedName(name);
    if (type == null) throw new InvalidInput("topic type", "is empty");
    int n = tx.update("UPDATE topic SET name = :n, type = :t WHERE id = :id")
        .bind("n", clean)
        .bind("t", type.dbValue())
        .bind("id", id)
        .execute();
    if (n == 0) throw new InvalidInput("topic", "does not exist");
    var keys = new java.util.LinkedHashSet<String>();
    keys.add(SurrogateKey.topic(id));
    ArticleLinks.withTopic(tx, id).forEach(a -> keys.add(SurrogateKey.article(a)));
    feed.append(tx, "topic", id, "updated", keys);
  }

  /** A topic name as typed, trimmed and checked: what {@link #ensure(Tx, String, TopicType)} takes. */
  public static String checkedName(String name) {
    return Text.required("topic name", name, 120);
  }

  /** True when the topic exists, as seen inside the caller's unit of work. */
  public boolean exists(Tx tx, long id) {
    return tx.query("SELECT COUNT(*) FROM topic WHERE id = :id")
            .bind("id", id)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** Topics whose name starts with the prefix, for the newsroom's autocomplete; case-insensitive. */
  public List<Topic> startingWith(String prefix, int limit) {
    return startingWith(prefix, limit, "");
  }

  /**
   * As {@link #startingWith}, only topics at least one published story has: what readers may be
   * offered. A topic only drafts use names something not yet public.
   */
  public List<Topic> publishedStartingWith(String prefix, int limit) {
    return startingWith(
        prefix,
        limit,
        " AND EXISTS (SELECT 1 FROM article_topic at JOIN article a ON a.id = at.article_id "
            + "WHERE at.topic_id = topic.id AND a.status = 'published')");
  }

  private List<Topic> startingWith(String prefix, int limit, String andWhere) {
    var op = db.dialect().ilike();
    return db.read(tx -> tx.query("SELECT * FROM topic WHERE name " + op + " :p" + andWhere
            + " ORDER BY name LIMIT :limit")
        .bind("p", escapeLike(prefix == null ? "" : prefix.strip()) + "%")
        .bind("limit", limit)
        .map(TopicStore::toTopic)
        .list());
  }

  /** The topic with this name and type, created when new. Slugs stay unique by suffixing. */
  public Topic ensure(String name, TopicType type) {
    var cleanName = checkedName(name);
    return db.inTransaction(tx -> ensure(tx, cleanName, type));
  }

  /**
   * {@link #ensure(String, TopicType)} inside the caller's unit of work, for a name already clean
   * ({@link #checkedName}).
   */
  public Topic ensure(Tx tx, String name, TopicType type) {
    var existing = tx.query("SELECT * FROM topic WHERE name = :name AND type = :type")
        .bind("name", name)
        .bind("type", type.dbValue())
        .map(rs -> new Topic(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), type))
        .findOne();
    if (existing.isPresent()) return existing.get();
    var base = Slugs.from(name);
    if (base.isEmpty()) base = type.dbValue();
    var slug = base;
    for (int i = 2;
        tx.query("SELECT COUNT(*) FROM topic WHERE slug = :s")
                .bind("s", slug)
                .mapTo(Integer.class)
                .one()
            > 0;
        i++) {
      slug = base + "-" + i;
    }
    long id = tx.query(
            "INSERT INTO topic (slug, name, type) VALUES (:slug, :name, :type) RETURNING id")
        .bind("slug", slug)
        .bind("name", name)
        .bind("type", type.dbValue())
        .mapTo(Long.class)
        .one();
    feed.append(tx, "topic", id, "created", Set.of(SurrogateKey.topic(id)));
    return new Topic(id, slug, name, type);
  }

  static Topic toTopic(ResultSet rs) throws SQLException {
    return new Topic(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getString("name"),
        TopicType.parse(rs.getString("type")));
  }

  static String escapeLike(String s) {
    return s.replace("%", "").replace("_", "");
  }
}
