package dev.byline.content;

import dev.byline.media.ImageStore;
import dev.byline.store.Database;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What readers get of the articles: an article at its address (or its old one), the lists of
 * published stories (latest, by section, topic and author), summaries for links and teasers,
 * and the published text the search index and other derived indexes read. Reads only; the
 * {@code article} table is {@link ArticleStore}'s.
 *
 * <pre>{@code
 * published.bySlug("headline").filter(Article::isPublished).ifPresent(page::show);
 * var front = published.latest(1, 20);
 * }</pre>
 */
public final class PublishedArticles {
  private static final String SUMMARY_COLUMNS =
      "a.id, a.slug, a.headline, a.standfirst, a.section_id, a.featured_image_id, a.first_published_at, a.updated_at, a.source_name, a.language";

  private final Database db;
  private final SectionStore sections;
  private final ImageStore images;
  private final ArticleRows rows;
  private final PublishedArchive archive;

  public PublishedArticles(Database db, SectionStore sections, ImageStore images) {
    this.db = db;
    this.sections = sections;
    this.images = images;
    this.rows = new ArticleRows(sections, images);
    this.archive = new PublishedArchive(db, sections, images);
  }

  /** Whole-site walks over what is published (by month, keyset-paginated), for sitemaps. */
  public PublishedArchive archive() {
    return archive;
  }

  /** The article at this slug, whatever its status: the caller decides 404, 410 or show. */
  public Optional<Article> bySlug(String slug) {
    if (!Slugs.isValid(slug)) return Optional.empty();
    return db.read(tx -> tx.query("SELECT * FROM article WHERE slug = :slug")
        .bind("slug", slug)
        .map(ArticleRows::read)
        .findOne()
        .map(r -> rows.resolve(tx, r)));
  }

  /** The article with this id if it is published, whole: what a feed carries in full. */
  public Optional<Article> article(long id) {
    return db.read(tx -> ArticleRows.byId(tx, id)
        .filter(r -> r.status() == ArticleStatus.PUBLISHED)
        .map(r -> rows.resolve(tx, r)));
  }

  /** The article that used to live at {@code oldSlug}, at its current address. */
  public Optional<Article> redirectedFrom(String oldSlug) {
    if (!Slugs.isValid(oldSlug)) return Optional.empty();
    return db.read(tx -> SlugRedirects.target(tx, oldSlug)
        .flatMap(id -> ArticleRows.byId(tx, id))
        .map(r -> rows.resolve(tx, r)));
  }

  public Page<ArticleSummary> latest(int page, int size) {
    return list("", Map.of(), page, size);
  }

  public Page<ArticleSummary> inSection(long sectionId, int page, int size) {
    return list("AND a.section_id = :section", Map.of("section", sectionId), page, size);
  }

  public Page<ArticleSummary> withTopic(long topicId, int page, int size) {
    return list("AND " + ArticleLinks.WITH_TOPIC, Map.of("topic", topicId), page, size);
  }

  public Page<ArticleSummary> byAuthor(long authorId, int page, int size) {
    return list("AND " + ArticleLinks.BY_AUTHOR, Map.of("author", authorId), page, size);
  }

  public int countPublished() {
    return db.read(tx -> tx.query("SELECT COUNT(*) FROM article WHERE status = 'published'")
        .mapTo(Integer.class)
        .one());
  }

  /** Summaries of published articles by id, in the order asked; missing or unpublished ids are left out. */
  public List<ArticleSummary> summaries(Collection<Long> ids) {
    if (ids.isEmpty()) return List.of();
    var found = db.read(tx -> {
      // Looked up by id and filtered on status here: given "status = 'published'" as well, SQLite
      // (which keeps no statistics) takes the status index for selective and scans every
      // published article, about 10 ms at 100,000 of them.
      var rows = tx
          .query("SELECT " + SUMMARY_COLUMNS + ", a.status FROM article a WHERE a.id IN (<ids>)")
          .bindList("ids", ids)
          .map(rs -> "published".equals(rs.getString("status")) ? summaryRow(rs) : null)
          .stream()
          .filter(r -> r != null)
          .toList();
      return toSummaries(tx, rows);
    });
    var byId = new HashMap<Long, ArticleSummary>();
    found.forEach(s -> byId.put(s.id(), s));
    return ids.stream().map(byId::get).filter(s -> s != null).toList();
  }

  /**
   * The words and filing of those of {@code ids} that are published, in the order asked, in two
   * queries however many there are: what the search index reads for every change.
   */
  public List<PublishedText> publishedTexts(Collection<Long> ids) {
    if (ids.isEmpty()) return List.of();
    return db.read(tx -> {
      var list = List.copyOf(ids);
      var found = new HashMap<Long, ArticleRows.Row>();
      // By id, with status checked here, for the reason given in summaries().
      tx.query("SELECT * FROM article WHERE id IN (<ids>)")
          .bindList("ids", list)
          .map(ArticleRows::read)
          .forEach(r -> {
            if (r.status() == ArticleStatus.PUBLISHED) found.put(r.id(), r);
          });
      if (found.isEmpty()) return List.<PublishedText>of();
      var topics = ArticleLinks.topicIds(tx, found.keySet());
      var out = new ArrayList<PublishedText>(found.size());
      for (long id : list) {
        var r = found.get(id);
        if (r == null) continue;
        out.add(new PublishedText(
            id,
            r.slug(),
            r.headline(),
            r.standfirst(),
            Article.bodyText(BlockCodec.fromJson(r.body())),
            r.sectionId(),
            topics.getOrDefault(id, List.of()),
            r.firstPublishedAt()));
      }
      return out;
    });
  }

  /** The topics of each article, in the article's order, for derived indexes; articles without topics are left out. */
  public Map<Long, List<Topic>> topicsOf(Collection<Long> articleIds) {
    if (articleIds.isEmpty()) return Map.of();
    return db.read(tx -> ArticleLinks.topics(tx, articleIds));
  }

  /** Ids of published articles after {@code afterId}, ascending: for rebuilding derived indexes in batches. */
  public List<Long> publishedIdsAfter(long afterId, int limit) {
    return db.read(
        tx -> tx.query("SELECT id FROM article WHERE status = 'published' AND id > :after "
                + "ORDER BY id LIMIT :limit")
            .bind("after", afterId)
            .bind("limit", limit)
            .mapTo(Long.class)
            .list());
  }

  /**
   * Headlines of the articles that readers see, or will see without another editor's step
   * (published or scheduled), showing this image as their featured picture or in their body,
   * as seen inside the caller's unit of work. Who may change a picture's words depends on it.
   */
  public List<String> headlinesShowing(Tx tx, long imageId) {
    // The body is JSON: LIKE finds the candidates (image 12 also matches 123), decoding decides.
    return tx
        .query("SELECT featured_image_id, headline, body FROM article "
            + "WHERE status IN ('published', 'scheduled') "
            + "AND (featured_image_id = :id OR body LIKE :like) ORDER BY id")
        .bind("id", imageId)
        .bind("like", "%\"imageId\":" + imageId + "%")
        .map(rs -> {
          long featured = rs.getLong("featured_image_id");
          boolean shows = featured == imageId
              || BlockCodec.fromJson(rs.getString("body")).stream()
                  .anyMatch(b -> b instanceof Block.ImageBlock ib && ib.imageId() == imageId);
          return shows ? rs.getString("headline") : null;
        })
        .stream()
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  private Page<ArticleSummary> list(String where, Map<String, Object> params, int page, int size) {
    if (page < 1) throw new InvalidInput("page", "must be 1 or more");
    var items = db.read(tx -> {
      var found = tx.query(
              "SELECT " + SUMMARY_COLUMNS + " FROM article a WHERE a.status = 'published' " + where
                  + " ORDER BY a.first_published_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
          .bindMap(params)
          .bind("limit", size + 1)
          .bind("offset", (long) (page - 1) * size)
          .map(PublishedArticles::summaryRow)
          .list();
      return toSummaries(tx, found);
    });
    return Page.fromOverfetch(items, page, size);
  }

  private record SummaryRow(
      long id,
      String slug,
      String headline,
      String standfirst,
      Long sectionId,
      Long imageId,
      Instant firstPublishedAt,
      Instant updatedAt,
      String sourceName,
      String language) {}

  private static SummaryRow summaryRow(ResultSet rs) throws SQLException {
    return new SummaryRow(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getString("headline"),
        rs.getString("standfirst"),
        ArticleRows.longOrNull(rs, "section_id"),
        ArticleRows.longOrNull(rs, "featured_image_id"),
        ArticleRows.instant(rs, "first_published_at"),
        ArticleRows.instant(rs, "updated_at"),
        rs.getString("source_name"),
        rs.getString("language"));
  }

  private List<ArticleSummary> toSummaries(Tx tx, List<SummaryRow> found) {
    var imageIds = new HashSet<Long>();
    found.forEach(r -> {
      if (r.imageId() != null) imageIds.add(r.imageId());
    });
    var imageMap = images.byIds(tx, imageIds);
    var sectionMap = new HashMap<Long, Section>();
    sections.all().forEach(s -> sectionMap.put(s.id(), s));
    var out = new ArrayList<ArticleSummary>(found.size());
    for (var r : found) {
      out.add(new ArticleSummary(
          r.id(),
          r.slug(),
          r.headline(),
          r.standfirst(),
          r.sectionId() == null ? null : sectionMap.get(r.sectionId()),
          r.imageId() == null ? null : imageMap.get(r.imageId()),
          r.firstPublishedAt(),
          r.updatedAt(),
          r.sourceName(),
          r.language()));
    }
    return out;
  }
}
