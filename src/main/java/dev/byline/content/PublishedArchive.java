package dev.byline.content;

import dev.byline.media.Image;
import dev.byline.media.ImageStore;
import dev.byline.store.Database;
import dev.byline.store.SurrogateKey;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Read-only walks over everything published, for sitemaps and other whole-site listings. Each
 * walk is keyset-paginated (a batch never holds more than the caller's limit), so a site of a
 * million articles is listed in bounded memory. Months are calendar months in UTC of first
 * publication; pages that list them use the surrogate key {@link #monthKey(YearMonth)}.
 *
 * <pre>{@code
 * var archive = articles.archive();
 * for (var m : archive.months()) {
 *   PublishedArchive.Cursor after = archive.start(m.month(), 0);
 *   List<PublishedEntry> batch;
 *   while (!(batch = archive.inMonth(m.month(), after, 1000)).isEmpty()) {
 *     batch.forEach(sitemap::add);
 *     after = PublishedArchive.Cursor.after(batch.get(batch.size() - 1));
 *   }
 * }
 * }</pre>
 */
public final class PublishedArchive {
  private final Database db;
  private final SectionStore sections;
  private final ImageStore images;

  PublishedArchive(Database db, SectionStore sections, ImageStore images) {
    this.db = db;
    this.sections = sections;
    this.images = images;
  }

  /** A published article as a sitemap lists it; {@code image} (the lead image) may be null. */
  public record PublishedEntry(
      long id,
      String slug,
      Section section,
      Instant firstPublishedAt,
      Instant updatedAt,
      Image image) {
    public String path() {
      return ArticlePath.of(section, slug);
    }

    /** The update time when it is later than first publication, else first publication. */
    public Instant lastModified() {
      return updatedAt != null && updatedAt.isAfter(firstPublishedAt)
          ? updatedAt
          : firstPublishedAt;
    }
  }

  /**
   * A month of first publications.
   *
   * @param published how many of them are published now
   * @param lastChanged the newest change to any article first published that month, including
   *     ones taken down since: when a listing of the month last changed
   */
  public record PublishedMonth(YearMonth month, int published, Instant lastChanged) {}

  /** A position in a walk: the last (first publication, id) seen. */
  public record Cursor(long atMillis, long id) {
    public static final Cursor START = new Cursor(Long.MIN_VALUE, Long.MIN_VALUE);

    public static Cursor after(PublishedEntry e) {
      return new Cursor(e.firstPublishedAt().toEpochMilli(), e.id());
    }
  }

  /**
   * A section, topic or author page with when its newest story was published or updated.
   * {@code newest} is null for a section with no published story.
   */
  public record ListPage(long id, String slug, Instant newest) {}

  /** One batch of a walk over topics or authors: the active ones, and where the batch ended. */
  public record ListBatch(List<ListPage> active, long lastId, int scanned) {}

  /** The surrogate key of pages that list articles first published in {@code month}. */
  public static String monthKey(YearMonth month) {
    return SurrogateKey.month(month);
  }

  public static YearMonth monthOf(Instant t) {
    return YearMonth.from(t.atOffset(ZoneOffset.UTC));
  }

  /** Every month with at least one published article, oldest first. */
  public List<PublishedMonth> months() {
    return db.read(tx -> {
      var range = tx.query(
              "SELECT MIN(first_published_at) AS lo, MAX(first_published_at) AS hi FROM article "
                  + "WHERE first_published_at IS NOT NULL")
          .map(rs ->
              rs.getObject("lo") == null ? null : new long[] {rs.getLong("lo"), rs.getLong("hi")})
          .findOne()
          .orElse(null);
      var out = new ArrayList<PublishedMonth>();
      if (range == null) return out;
      var last = monthOf(Instant.ofEpochMilli(range[1]));
      for (var m = monthOf(Instant.ofEpochMilli(range[0])); !m.isAfter(last); m = m.plusMonths(1)) {
        month(tx, m).ifPresent(out::add);
      }
      return out;
    });
  }

  /** The month, if any article first published in it is published now. */
  public Optional<PublishedMonth> month(YearMonth month) {
    return db.read(tx -> month(tx, month));
  }

  private static Optional<PublishedMonth> month(Tx tx, YearMonth month) {
    return tx.query(
            "SELECT SUM(CASE WHEN status = 'published' THEN 1 ELSE 0 END) AS n, MAX(modified_at) AS changed "
                + "FROM article WHERE first_published_at >= :from AND first_published_at < :to")
        .bind("from", startOf(month))
        .bind("to", startOf(month.plusMonths(1)))
        .map(rs ->
            new PublishedMonth(month, rs.getInt("n"), Instant.ofEpochMilli(rs.getLong("changed"))))
        .findOne()
        .filter(pm -> pm.published() > 0);
  }

  /** The cursor just before the {@code offset}-th published article of the month (0 = start). */
  public Cursor start(YearMonth month, long offset) {
    if (offset <= 0) return Cursor.START;
    return db.read(
        tx -> tx.query("SELECT first_published_at, id FROM article WHERE status = 'published' "
                + "AND first_published_at >= :from AND first_published_at < :to ORDER BY first_published_at, id "
                + "LIMIT 1 OFFSET :skip")
            .bind("from", startOf(month))
            .bind("to", startOf(month.plusMonths(1)))
            .bind("skip", offset - 1)
            .map(rs -> new Cursor(rs.getLong(1), rs.getLong(2)))
            .findOne()
            .orElse(new Cursor(Long.MAX_VALUE, Long.MAX_VALUE)));
  }

  /** The next published articles of the month after {@code after}, oldest first. */
  public List<PublishedEntry> inMonth(YearMonth month, Cursor after, int limit) {
    return between(startOf(month), startOf(month.plusMonths(1)), after, limit);
  }

  /** Published articles first published in [from, to), after the cursor, oldest first. */
  public List<PublishedEntry> between(long fromMillis, long toMillis, Cursor after, int limit) {
    return db.read(tx -> {
      var rows = tx.query(
              "SELECT id, slug, section_id, featured_image_id, first_published_at, updated_at "
                  + "FROM article WHERE status = 'published' AND first_published_at >= :from AND first_published_at < :to "
                  + "AND (first_published_at > :at OR (first_published_at = :at AND id > :id)) "
                  + "ORDER BY first_published_at, id LIMIT :limit")
          .bind("from", fromMillis)
          .bind("to", toMillis)
          .bind("at", after.atMillis())
          .bind("id", after.id())
          .bind("limit", limit)
          .map(rs -> toRow(rs))
          .list();
      return resolve(tx, rows);
    });
  }

  /** Every section with when its newest story was published or updated. */
  public List<ListPage> sections() {
    var newest = new HashMap<Long, Instant>();
    db.read(tx -> tx.query(
            "SELECT section_id, MAX(first_published_at) AS p, MAX(updated_at) AS u "
                + "FROM article WHERE status = 'published' AND section_id IS NOT NULL GROUP BY section_id")
        .map(rs -> {
          newest.put(rs.getLong("section_id"), later(rs, "p", "u"));
          return 0;
        })
        .list());
    return sections.all().stream()
        .map(s -> new ListPage(s.id(), s.slug(), newest.get(s.id())))
        .toList();
  }

  /** The newest publication or update time of any published story, if there is one. */
  public Optional<Instant> newest() {
    return db.read(tx -> tx.query("SELECT MAX(first_published_at) AS p, MAX(updated_at) AS u "
            + "FROM article WHERE status = 'published'")
        .map(rs -> Optional.ofNullable(later(rs, "p", "u")))
        .one());
  }

  public long countTopics() {
    return db.read(
        tx -> tx.query("SELECT COUNT(*) FROM topic").mapTo(Long.class).one());
  }

  public long countAuthors() {
    return db.read(
        tx -> tx.query("SELECT COUNT(*) FROM author").mapTo(Long.class).one());
  }

  /** The id just before the {@code offset}-th topic by id (0 = start). */
  public long topicIdBefore(long offset) {
    return idBefore("topic", offset);
  }

  public long authorIdBefore(long offset) {
    return idBefore("author", offset);
  }

  /** The next {@code limit} topics by id after {@code afterId}; those with a published story come back. */
  public ListBatch topics(long afterId, int limit) {
    return activity("topic", "article_topic", "topic_id", afterId, limit);
  }

  public ListBatch authors(long afterId, int limit) {
    return activity("author", "article_author", "author_id", afterId, limit);
  }

  // The table and column names below are constants of this class, never input.
  private ListBatch activity(String table, String link, String column, long afterId, int limit) {
    return db.read(tx -> {
      var ids = tx.query("SELECT id FROM " + table + " WHERE id > :after ORDER BY id LIMIT :limit")
          .bind("after", afterId)
          .bind("limit", limit)
          .mapTo(Long.class)
          .list();
      if (ids.isEmpty()) return new ListBatch(List.of(), afterId, 0);
      long lastId = ids.get(ids.size() - 1);
      var active = tx.query(
              "SELECT t.id, t.slug, MAX(a.first_published_at) AS p, MAX(a.updated_at) AS u FROM "
                  + table + " t JOIN " + link + " l ON l." + column
                  + " = t.id JOIN article a ON a.id = l.article_id "
                  + "WHERE t.id > :after AND t.id <= :last AND a.status = 'published' GROUP BY t.id, t.slug ORDER BY t.id")
          .bind("after", afterId)
          .bind("last", lastId)
          .map(rs -> new ListPage(rs.getLong("id"), rs.getString("slug"), later(rs, "p", "u")))
          .list();
      return new ListBatch(active, lastId, ids.size());
    });
  }

  private long idBefore(String table, long offset) {
    if (offset <= 0) return 0;
    return db.read(tx -> tx.query("SELECT id FROM " + table + " ORDER BY id LIMIT 1 OFFSET :skip")
        .bind("skip", offset - 1)
        .mapTo(Long.class)
        .findOne()
        .orElse(Long.MAX_VALUE));
  }

  private record Row(
      long id, String slug, Long sectionId, Long imageId, long first, Long updated) {}

  private static Row toRow(ResultSet rs) throws SQLException {
    long section = rs.getLong("section_id");
    Long sectionId = rs.wasNull() ? null : section;
    long image = rs.getLong("featured_image_id");
    Long imageId = rs.wasNull() ? null : image;
    long updated = rs.getLong("updated_at");
    Long updatedAt = rs.wasNull() ? null : updated;
    return new Row(
        rs.getLong("id"),
        rs.getString("slug"),
        sectionId,
        imageId,
        rs.getLong("first_published_at"),
        updatedAt);
  }

  private List<PublishedEntry> resolve(Tx tx, List<Row> rows) {
    var imageIds = new HashSet<Long>();
    rows.forEach(r -> {
      if (r.imageId() != null) imageIds.add(r.imageId());
    });
    var imageMap =
        imageIds.isEmpty() ? java.util.Map.<Long, Image>of() : images.byIds(tx, imageIds);
    var sectionMap = new HashMap<Long, Section>();
    sections.all().forEach(s -> sectionMap.put(s.id(), s));
    var out = new ArrayList<PublishedEntry>(rows.size());
    for (var r : rows) {
      out.add(new PublishedEntry(
          r.id(),
          r.slug(),
          r.sectionId() == null ? null : sectionMap.get(r.sectionId()),
          Instant.ofEpochMilli(r.first()),
          r.updated() == null ? null : Instant.ofEpochMilli(r.updated()),
          r.imageId() == null ? null : imageMap.get(r.imageId())));
    }
    return out;
  }

  private static Instant later(ResultSet rs, String a, String b) throws SQLException {
    long x = rs.getLong(a);
    boolean noX = rs.wasNull();
    long y = rs.getLong(b);
    boolean noY = rs.wasNull();
    if (noX && noY) return null;
    if (noX) return Instant.ofEpochMilli(y);
    if (noY) return Instant.ofEpochMilli(x);
    return Instant.ofEpochMilli(Math.max(x, y));
  }

  private static long startOf(YearMonth m) {
    return m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }
}
