package dev.byline.wire;

import dev.byline.content.Page;
import dev.byline.store.Database;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Owns the wire tables: every version received, one story row per (source, guid), package members. */
public final class WireStore {
  private final Database db;

  public WireStore(Database db) {
    this.db = db;
  }

  /** A stored version with the image ids its pictures resolved to (null where none). */
  public record StoredItem(
      long id, WireItem item, List<Long> imageIds, String fileName, Instant receivedAt) {}

  /** What the inbox asks for. Empty strings and nulls mean "any". */
  public record Filter(
      String source, StoryState state, Instant since, Instant until, String text) {}

  Optional<Story> story(Tx tx, String source, String guid) {
    return tx.query("SELECT * FROM wire_story WHERE source = :s AND guid = :g")
        .bind("s", source)
        .bind("g", guid)
        .map(rs -> toStory(rs))
        .findOne();
  }

  Optional<Story> story(Tx tx, long id) {
    return tx.query("SELECT * FROM wire_story WHERE id = :id")
        .bind("id", id)
        .map(rs -> toStory(rs))
        .findOne();
  }

  public Optional<Story> story(long id) {
    return db.read(tx -> story(tx, id));
  }

  public Optional<Story> story(String source, String guid) {
    return db.read(tx -> story(tx, source, guid));
  }

  /** Stories whose article is this one (a package and its main text share one). */
  public List<Story> byArticle(long articleId) {
    return db.read(tx -> byArticle(tx, articleId));
  }

  List<Story> byArticle(Tx tx, long articleId) {
    return tx.query("SELECT * FROM wire_story WHERE article_id = :a ORDER BY id")
        .bind("a", articleId)
        .map(rs -> toStory(rs))
        .list();
  }

  /**
   * The {@link Story#key} of the story each of {@code articleIds} was made from, for those made
   * from one; where a package and its text share an article, the first story's.
   */
  Map<Long, String> storyKeys(java.util.Collection<Long> articleIds) {
    var out = new HashMap<Long, String>();
    if (articleIds.isEmpty()) return out;
    db.read(tx -> {
      tx.query("SELECT article_id, source, guid FROM wire_story WHERE article_id IN (<ids>) "
              + "ORDER BY id")
          .bindList("ids", articleIds)
          .map(rs -> Map.entry(
              rs.getLong("article_id"), Story.key(rs.getString("source"), rs.getString("guid"))))
          .forEach(e -> out.putIfAbsent(e.getKey(), e.getValue()));
      return null;
    });
    return out;
  }

  /** True when this exact version (number and time: corrections keep the number) is stored. */
  boolean hasVersion(Tx tx, WireItem item) {
    return tx.query("SELECT COUNT(*) FROM wire_item WHERE source = :s AND guid = :g "
                + "AND version = :v AND version_created = :c")
            .bind("s", item.source())
            .bind("g", item.guid())
            .bind("v", item.version())
            .bind("c", item.versionCreated().toEpochMilli())
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  long insertItem(Tx tx, WireItem item, String fileName, List<Long> imageIds, Instant receivedAt) {
    return tx.query(
            "INSERT INTO wire_item (source, guid, version, version_created, received_at, pub_status, "
                + "embargo_until, kind, format, file_name, item, image_ids) VALUES (:source, :guid, :version, :created, "
                + ":received, :status, :embargo, :kind, :format, :file, :item, :images) RETURNING id")
        .bind("source", item.source())
        .bind("guid", item.guid())
        .bind("version", item.version())
        .bind("created", item.versionCreated().toEpochMilli())
        .bind("received", receivedAt.toEpochMilli())
        .bind("status", item.pubStatus().dbValue())
        .bind("embargo", item.embargo() == null ? null : item.embargo().toEpochMilli())
        .bind("kind", item.kind().dbValue())
        .bind("format", item.format())
        .bind("file", fileName)
        .bind("item", WireItemCodec.toJson(item))
        .bind("images", WireItemCodec.imageIds(imageIds))
        .mapTo(Long.class)
        .one();
  }

  long insertStory(Tx tx, WireItem item, long itemId, StoryState state, Instant now) {
    return tx.query(
            "INSERT INTO wire_story (source, guid, item_id, version, version_created, state, flag, kind, "
                + "headline, search_text, first_received, updated_at) VALUES (:source, :guid, :item, :version, :created, "
                + ":state, '', :kind, :headline, :search, :now, :now) RETURNING id")
        .bind("source", item.source())
        .bind("guid", item.guid())
        .bind("item", itemId)
        .bind("version", item.version())
        .bind("created", item.versionCreated().toEpochMilli())
        .bind("state", state.dbValue())
        .bind("kind", item.kind().dbValue())
        .bind("headline", item.headline())
        .bind("search", searchText(item))
        .bind("now", now.toEpochMilli())
        .mapTo(Long.class)
        .one();
  }

  void newVersion(Tx tx, long storyId, WireItem item, long itemId, Instant now) {
    tx.update(
            "UPDATE wire_story SET item_id = :item, version = :version, version_created = :created, kind = :kind, "
                + "headline = :headline, search_text = :search, updated_at = :now WHERE id = :id")
        .bind("item", itemId)
        .bind("version", item.version())
        .bind("created", item.versionCreated().toEpochMilli())
        .bind("kind", item.kind().dbValue())
        .bind("headline", item.headline())
        .bind("search", searchText(item))
        .bind("now", now.toEpochMilli())
        .bind("id", storyId)
        .execute();
  }

  void setState(Tx tx, long storyId, StoryState state, String flag, Long articleId, Instant now) {
    tx.update(
            "UPDATE wire_story SET state = :state, flag = :flag, article_id = :article, updated_at = :now WHERE id = :id")
        .bind("state", state.dbValue())
        .bind("flag", flag)
        .bind("article", articleId)
        .bind("now", now.toEpochMilli())
        .bind("id", storyId)
        .execute();
  }

  StoredItem item(Tx tx, long itemId) {
    return tx.query(
            "SELECT id, item, image_ids, file_name, received_at FROM wire_item WHERE id = :id")
        .bind("id", itemId)
        .map(rs -> new StoredItem(
            rs.getLong(1),
            WireItemCodec.fromJson(rs.getString(2)),
            WireItemCodec.imageIds(rs.getString(3)),
            rs.getString(4),
            Instant.ofEpochMilli(rs.getLong(5))))
        .one();
  }

  public StoredItem item(long itemId) {
    return db.read(tx -> item(tx, itemId));
  }

  /** Every stored version of a story, newest first. */
  public List<StoredItem> versions(String source, String guid) {
    return db.read(tx -> tx
        .query("SELECT id FROM wire_item WHERE source = :s AND guid = :g "
            + "ORDER BY version DESC, version_created DESC")
        .bind("s", source)
        .bind("g", guid)
        .mapTo(Long.class)
        .list()
        .stream()
        .map(id -> item(tx, id))
        .toList());
  }

  void setMembers(Tx tx, long storyId, List<PackageMember> members) {
    tx.update("DELETE FROM wire_package_member WHERE story_id = :id")
        .bind("id", storyId)
        .execute();
    int pos = 0;
    for (var m : members) {
      tx.update(
              "INSERT INTO wire_package_member (story_id, member_guid, role, position) VALUES (:id, :g, :r, :p)")
          .bind("id", storyId)
          .bind("g", m.guid())
          .bind("r", m.role())
          .bind("p", pos++)
          .execute();
    }
  }

  /** The newest package from this source whose main group names this guid. */
  Optional<Story> packageOf(Tx tx, String source, String memberGuid) {
    // Found by the member's guid alone (its index), then by source here: given the source as
    // well, SQLite walks every story of that source, a cost that grows with the archive.
    return tx
        .query("SELECT * FROM wire_story WHERE id IN (SELECT story_id FROM wire_package_member "
            + "WHERE member_guid = :g AND role = 'main') ORDER BY updated_at DESC, id DESC")
        .bind("g", memberGuid)
        .map(rs -> toStory(rs))
        .list()
        .stream()
        .filter(s -> s.source().equals(source))
        .findFirst();
  }

  /** Newest first, filtered; text matches headline, guid, subjects and bylines, case-insensitively. */
  public Page<Story> list(Filter f, int page, int size) {
    var where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (f.source() != null && !f.source().isBlank()) {
      where.append(" AND source = :source");
      params.put("source", f.source());
    }
    if (f.state() != null) {
      where.append(" AND state = :state");
      params.put("state", f.state().dbValue());
    }
    if (f.since() != null) {
      where.append(" AND updated_at >= :since");
      params.put("since", f.since().toEpochMilli());
    }
    if (f.until() != null) {
      where.append(" AND updated_at < :until");
      params.put("until", f.until().toEpochMilli());
    }
    if (f.text() != null && !f.text().isBlank()) {
      where.append(" AND (LOWER(search_text) LIKE :text ESCAPE '\\')");
      var t = f.text()
          .strip()
          .toLowerCase(java.util.Locale.ROOT)
          .replace("\\", "\\\\")
          .replace("%", "\\%")
          .replace("_", "\\_");
      params.put("text", "%" + t + "%");
    }
    var rows = db.read(tx -> tx.query("SELECT * FROM wire_story" + where
            + " ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset")
        .bindMap(params)
        .bind("limit", size + 1)
        .bind("offset", (long) (page - 1) * size)
        .map(rs -> toStory(rs))
        .list());
    return Page.fromOverfetch(rows, page, size);
  }

  /** How many stories are in each state, for the inbox's counts. */
  public Map<StoryState, Integer> counts() {
    var out = new HashMap<StoryState, Integer>();
    return db.read(tx -> {
      tx.query("SELECT state, COUNT(*) FROM wire_story GROUP BY state")
          .map(rs -> Map.entry(StoryState.fromDb(rs.getString(1)), rs.getInt(2)))
          .forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    });
  }

  public int countItems() {
    return db.read(
        tx -> tx.query("SELECT COUNT(*) FROM wire_item").mapTo(Integer.class).one());
  }

  public int countStories() {
    return db.read(
        tx -> tx.query("SELECT COUNT(*) FROM wire_story").mapTo(Integer.class).one());
  }

  private static String searchText(WireItem i) {
    var sb = new StringBuilder(i.headline())
        .append(' ')
        .append(i.guid())
        .append(' ')
        .append(i.slugline());
    i.bylines().forEach(b -> sb.append(' ').append(b));
    i.subjects().forEach(s -> sb.append(' ').append(s.name()).append(' ').append(s.code()));
    return sb.length() > 4000 ? sb.substring(0, 4000) : sb.toString();
  }

  private static Story toStory(ResultSet rs) throws SQLException {
    long article = rs.getLong("article_id");
    Long articleId = rs.wasNull() ? null : article;
    return new Story(
        rs.getLong("id"),
        rs.getString("source"),
        rs.getString("guid"),
        rs.getLong("item_id"),
        rs.getLong("version"),
        Instant.ofEpochMilli(rs.getLong("version_created")),
        StoryState.fromDb(rs.getString("state")),
        rs.getString("flag"),
        articleId,
        ItemKind.fromDb(rs.getString("kind")),
        rs.getString("headline"),
        Instant.ofEpochMilli(rs.getLong("first_received")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }
}
