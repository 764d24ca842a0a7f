package dev.byline.content;

import dev.byline.media.ImageStore;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

/**
 * Rows of the {@code article} table as stored, and the whole {@link Article} they resolve to: the
 * one reading of that table's columns, shared by {@link ArticleStore} (which writes the table) and
 * {@link PublishedArticles}.
 */
final class ArticleRows {
  /** One {@code article} row, references unresolved. Times are null where the column is. */
  record Row(
      long id,
      String slug,
      ArticleStatus status,
      String headline,
      String standfirst,
      String dateline,
      String sourceName,
      String creditLine,
      Long sectionId,
      Long featuredImageId,
      String body,
      String seoTitle,
      String seoDescription,
      String updateNote,
      String language,
      Instant firstPublishedAt,
      Instant updatedAt,
      Instant scheduledAt,
      Instant embargoUntil,
      Instant createdAt,
      Instant modifiedAt,
      int version) {}

  private final SectionStore sections;
  private final ImageStore images;

  ArticleRows(SectionStore sections, ImageStore images) {
    this.sections = sections;
    this.images = images;
  }

  static Optional<Row> byId(Tx tx, long id) {
    return tx.query("SELECT * FROM article WHERE id = :id")
        .bind("id", id)
        .map(ArticleRows::read)
        .findOne();
  }

  /** The row with its section, topics, authors and every image it uses. */
  Article resolve(Tx tx, Row r) {
    var topics = ArticleLinks.topics(tx, r.id());
    var authors = ArticleLinks.authors(tx, r.id());
    var body = BlockCodec.fromJson(r.body());
    var imageIds = new LinkedHashSet<Long>();
    if (r.featuredImageId() != null) imageIds.add(r.featuredImageId());
    for (var b : body) if (b instanceof Block.ImageBlock ib) imageIds.add(ib.imageId());
    var imageMap = images.byIds(tx, imageIds);
    var section = r.sectionId() == null ? null : sections.byId(r.sectionId()).orElse(null);
    return new Article(
        r.id(),
        r.slug(),
        r.status(),
        r.headline(),
        r.standfirst(),
        r.dateline(),
        new Source(r.sourceName(), r.creditLine()),
        section,
        topics,
        authors,
        r.featuredImageId(),
        body,
        imageMap,
        r.seoTitle(),
        r.seoDescription(),
        r.updateNote(),
        r.language(),
        r.firstPublishedAt(),
        r.updatedAt(),
        r.scheduledAt(),
        r.embargoUntil(),
        r.createdAt(),
        r.modifiedAt(),
        r.version());
  }

  static Row read(ResultSet rs) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getString("slug"),
        ArticleStatus.fromDb(rs.getString("status")),
        rs.getString("headline"),
        rs.getString("standfirst"),
        rs.getString("dateline"),
        rs.getString("source_name"),
        rs.getString("credit_line"),
        longOrNull(rs, "section_id"),
        longOrNull(rs, "featured_image_id"),
        rs.getString("body"),
        rs.getString("seo_title"),
        rs.getString("seo_description"),
        rs.getString("update_note"),
        rs.getString("language"),
        instant(rs, "first_published_at"),
        instant(rs, "updated_at"),
        instant(rs, "scheduled_at"),
        instant(rs, "embargo_until"),
        instant(rs, "created_at"),
        instant(rs, "modified_at"),
        rs.getInt("version"));
  }

  /** A draft's values by the parameter names the article statements use. */
  static Map<String, Object> fields(ArticleDraft d) {
    var m = new LinkedHashMap<String, Object>();
    m.put("headline", d.headline());
    m.put("standfirst", d.standfirst());
    m.put("dateline", d.dateline());
    m.put("source", d.source().name());
    m.put("credit", d.source().creditLine());
    m.put("section", d.sectionId());
    m.put("image", d.featuredImageId());
    m.put("body", BlockCodec.toJson(d.body()));
    m.put("seoTitle", d.seoTitle());
    m.put("seoDescription", d.seoDescription());
    m.put("note", d.updateNote());
    m.put("language", d.language());
    return m;
  }

  static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }
}
