package dev.byline.content;

import dev.byline.store.Database;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The desk: the newsroom's list of articles in every status, most recently changed first, and how
 * many there are of each. Reads only; the {@code article} table is {@link ArticleStore}'s.
 *
 * <pre>{@code
 * var mine = desk.list(ArticleStatus.DRAFT, "", user.id(), 1, 25);
 * int inReview = desk.countByStatus().get(ArticleStatus.IN_REVIEW);
 * }</pre>
 */
public final class Desk {
  private final Database db;
  private final SectionStore sections;

  public Desk(Database db, SectionStore sections) {
    this.db = db;
    this.sections = sections;
  }

  /** How many articles are in each status, for the newsroom's dashboard. */
  public Map<ArticleStatus, Integer> countByStatus() {
    var out = new EnumMap<ArticleStatus, Integer>(ArticleStatus.class);
    for (var st : ArticleStatus.values()) out.put(st, 0);
    return db.read(tx -> {
      tx.query("SELECT status, COUNT(*) AS n FROM article GROUP BY status")
          .map(rs -> Map.entry(ArticleStatus.fromDb(rs.getString("status")), rs.getInt("n")))
          .forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    });
  }

  /**
   * Articles in any status for the newsroom's list, most recently changed first.
   *
   * @param status only this status, or null for all
   * @param query words the headline contains, or blank
   * @param createdBy only articles first saved by this user in the editor, or null for all
   */
  public Page<DeskItem> list(
      ArticleStatus status, String query, Long createdBy, int page, int size) {
    if (page < 1) throw new InvalidInput("page", "must be 1 or more");
    var where = new StringBuilder("WHERE 1 = 1");
    var params = new HashMap<String, Object>();
    if (status != null) {
      where.append(" AND status = :status");
      params.put("status", status.dbValue());
    }
    if (query != null && !query.isBlank()) {
      where.append(" AND headline ").append(db.dialect().ilike()).append(" :q");
      params.put("q", "%" + TopicStore.escapeLike(query.strip()) + "%");
    }
    if (createdBy != null) {
      where.append(" AND ").append(ArticleRevisions.CREATED_BY);
      params.put("by", createdBy);
    }
    var sectionMap = new HashMap<Long, Section>();
    sections.all().forEach(s -> sectionMap.put(s.id(), s));
    var items =
        db.read(tx -> tx.query("SELECT id, slug, headline, status, section_id, modified_at, "
                + "scheduled_at, first_published_at, version FROM article " + where
                + " ORDER BY modified_at DESC, id DESC LIMIT :limit OFFSET :offset")
            .bindMap(params)
            .bind("limit", size + 1)
            .bind("offset", (long) (page - 1) * size)
            .map(rs -> {
              var sectionId = ArticleRows.longOrNull(rs, "section_id");
              return new DeskItem(
                  rs.getLong("id"),
                  rs.getString("slug"),
                  rs.getString("headline"),
                  ArticleStatus.fromDb(rs.getString("status")),
                  sectionId == null ? null : sectionMap.get(sectionId),
                  ArticleRows.instant(rs, "modified_at"),
                  ArticleRows.instant(rs, "scheduled_at"),
                  ArticleRows.instant(rs, "first_published_at"),
                  rs.getInt("version"));
            })
            .list());
    return Page.fromOverfetch(items, page, size);
  }
}
