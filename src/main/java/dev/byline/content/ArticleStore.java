package dev.byline.content;

import dev.byline.media.Image;
import dev.byline.media.ImageStore;
import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Owns the article tables. Every write appends to the change feed in the same transaction,
 * naming the surrogate keys of everything the article was and is shown on, so caches can purge
 * the old section page as well as the new one.
 *
 * <pre>{@code
 * long id = articles.create(ArticleDraft.of("Headline", "Standfirst.", sectionId, blocks));
 * articles.publish(id);
 * articles.bySlug("headline").filter(Article::isPublished).ifPresent(page::show);
 * }</pre>
 */
public final class ArticleStore {
  /**
   * Keys every published-list depends on: the front page, and feeds and sitemaps. A change also
   * names the article, its section, topics and authors, and the month it was first published in
   * ({@link PublishedArchive#monthKey}).
   */
  public static final Set<String> LIST_KEYS = Set.of("front", "lists");

  private static final String SUMMARY_COLUMNS =
      "a.id, a.slug, a.headline, a.standfirst, a.section_id, a.featured_image_id, a.first_published_at, a.updated_at, a.source_name";

  private final Database db;
  private final ChangeFeed feed;
  private final SectionStore sections;
  private final ImageStore images;
  private final Clock clock;
  private final PublishedArchive archive;

  public ArticleStore(
      Database db, ChangeFeed feed, SectionStore sections, ImageStore images, Clock clock) {
    this.db = db;
    this.feed = feed;
    this.sections = sections;
    this.images = images;
    this.clock = clock;
    this.archive = new PublishedArchive(db, sections, images);
  }

  /** Whole-site walks over what is published (by month, keyset-paginated), for sitemaps. */
  public PublishedArchive archive() {
    return archive;
  }

  // ---- writes -------------------------------------------------------------------------------

  /**
   * Something written in the same transaction as an article save (a revision, say), so both
   * are stored or neither is.
   */
  @FunctionalInterface
  public interface AlsoWrite {
    void write(Tx tx, long articleId, int version);

    AlsoWrite NOTHING = (tx, id, v) -> {};
  }

  /** Stores a new draft; a taken slug gets a numeric suffix. Returns the id. */
  public long create(ArticleDraft draft) {
    return create(draft, AlsoWrite.NOTHING);
  }

  /** Stores a new draft and, in the same transaction, whatever {@code also} writes. */
  public long create(ArticleDraft draft, AlsoWrite also) {
    long id = db.inTransaction(tx -> create(tx, draft, also));
    return id;
  }

  /**
   * {@link #create(ArticleDraft)} inside the caller's transaction, for writers that must store
   * something of their own atomically with the article (the wire desk links an item to the
   * article it produced). The caller calls {@link ChangeFeed#committed()} after commit.
   */
  public long create(Tx tx, ArticleDraft draft) {
    return create(tx, draft, AlsoWrite.NOTHING);
  }

  private long create(Tx tx, ArticleDraft draft, AlsoWrite also) {
    long newId = insert(tx, draft, null, null);
    also.write(tx, newId, 1);
    feed.append(tx, "article", newId, "created", keysOf(tx, newId));
    return newId;
  }

  /**
   * Stores a new article already published, with the given times, inside the caller's
   * transaction: what the wire desk does with a story it publishes on arrival. Equivalent to
   * {@link #create(Tx, ArticleDraft)} then {@link #publishAsOf(Tx, long, Instant, Instant)},
   * but the row is written once and the feed carries one change, which a bulk import of an
   * archive feels.
   */
  public long createPublished(
      Tx tx, ArticleDraft draft, Instant firstPublishedAt, Instant updatedAt) {
    long newId = insert(tx, draft, firstPublishedAt, updatedAt);
    feed.append(tx, "article", newId, "published", keysOf(tx, newId));
    return newId;
  }

  /** A draft when {@code firstPublishedAt} is null, else published as of then. */
  private long insert(Tx tx, ArticleDraft draft, Instant firstPublishedAt, Instant updatedAt) {
    var now = clock.millis();
    checkReferences(tx, draft);
    var slug = freeSlug(tx, draft.slug(), -1);
    long newId = tx.query(
            "INSERT INTO article (slug, status, headline, standfirst, dateline, source_name, "
                + "credit_line, section_id, featured_image_id, body, seo_title, seo_description, update_note, "
                + "first_published_at, updated_at, created_at, modified_at, version) VALUES (:slug, :status, :headline, "
                + ":standfirst, :dateline, :source, :credit, :section, :image, :body, :seoTitle, :seoDescription, :note, "
                + ":first, :updated, :now, :now, 1) RETURNING id")
        .bind("slug", slug)
        .bindMap(fields(draft))
        .bind("status", firstPublishedAt == null ? "draft" : "published")
        .bind("first", firstPublishedAt == null ? null : firstPublishedAt.toEpochMilli())
        .bind("updated", updatedAt == null ? null : updatedAt.toEpochMilli())
        .bind("now", now)
        .mapTo(Long.class)
        .one();
    writeLinks(tx, newId, draft);
    return newId;
  }

  /**
   * Saves a new version of an article. {@code expectedVersion} is the version the editor
   * started from; if someone saved since, nothing is written and {@link StaleEdit} says so.
   * A published article gets a new "Updated" time; a changed slug after publication leaves a
   * redirect from the old one.
   *
   * @return the new version number
   */
  public int update(long id, int expectedVersion, ArticleDraft draft) {
    return update(id, expectedVersion, draft, AlsoWrite.NOTHING);
  }

  /** As {@link #update(long, int, ArticleDraft)}, writing {@code also} in the same transaction. */
  public int update(long id, int expectedVersion, ArticleDraft draft, AlsoWrite also) {
    int version = db.inTransaction(tx -> update(tx, id, expectedVersion, draft, also));
    return version;
  }

  /** {@link #update(long, int, ArticleDraft)} inside the caller's transaction. */
  public int update(Tx tx, long id, int expectedVersion, ArticleDraft draft) {
    return update(tx, id, expectedVersion, draft, AlsoWrite.NOTHING);
  }

  private int update(Tx tx, long id, int expectedVersion, ArticleDraft draft, AlsoWrite also) {
    var now = clock.millis();
    var current = row(tx, id).orElseThrow(() -> new InvalidInput("article", "does not exist"));
    if (current.version() != expectedVersion)
      throw new StaleEdit(id, expectedVersion, current.version());
    checkReferences(tx, draft);
    var before = keysOf(tx, id);
    var slug = current.slug();
    if (!draft.slug().equals(current.slug())) {
      if (slugTaken(tx, draft.slug(), id))
        throw new InvalidInput(
            "slug", "\"" + draft.slug() + "\" is already used by another article");
      if (current.firstPublishedAt() != null) {
        tx.update("DELETE FROM slug_redirect WHERE old_slug = :new")
            .bind("new", draft.slug())
            .execute();
        tx.update("INSERT INTO slug_redirect (old_slug, article_id) VALUES (:old, :id) "
                + "ON CONFLICT (old_slug) DO UPDATE SET article_id = excluded.article_id")
            .bind("old", current.slug())
            .bind("id", id)
            .execute();
      }
      slug = draft.slug();
    }
    boolean published = current.status() == ArticleStatus.PUBLISHED;
    int n = tx.update(
            "UPDATE article SET slug = :slug, headline = :headline, standfirst = :standfirst, "
                + "dateline = :dateline, source_name = :source, credit_line = :credit, section_id = :section, "
                + "featured_image_id = :image, body = :body, seo_title = :seoTitle, seo_description = :seoDescription, "
                + "update_note = :note, modified_at = :now, version = version + 1"
                + (published ? ", updated_at = :now" : "")
                + " WHERE id = :id AND version = :expected")
        .bind("slug", slug)
        .bindMap(fields(draft))
        .bind("now", now)
        .bind("id", id)
        .bind("expected", expectedVersion)
        .execute();
    if (n == 0)
      throw new StaleEdit(id, expectedVersion, row(tx, id).map(Row::version).orElse(-1));
    writeLinks(tx, id, draft);
    also.write(tx, id, expectedVersion + 1);
    var keys = new LinkedHashSet<>(before);
    keys.addAll(keysOf(tx, id));
    feed.append(tx, "article", id, published ? "updated" : "saved", keys);
    return expectedVersion + 1;
  }

  /** The stored version of an article, for writers that update inside their own transaction. */
  public Optional<Integer> versionOf(Tx tx, long id) {
    return row(tx, id).map(Row::version);
  }

  /** The status of an article, read inside the caller's transaction. */
  public Optional<ArticleStatus> statusOf(Tx tx, long id) {
    return row(tx, id).map(Row::status);
  }

  /** Publishes now. The first time sets the publication time; later times count as updates. */
  public void publish(long id) {
    transition(id, "published", tx -> publishStatement(tx, id));
  }

  /** {@link #publish(long)} inside the caller's transaction. */
  public void publish(Tx tx, long id) {
    transition(tx, id, "published", txx -> publishStatement(txx, id));
  }

  private int publishStatement(Tx tx, long id) {
    var now = clock.millis();
    return tx.update("UPDATE article SET status = 'published', "
            + "first_published_at = COALESCE(first_published_at, :now), "
            + "updated_at = CASE WHEN first_published_at IS NULL THEN NULL ELSE :now END, "
            + "scheduled_at = NULL, modified_at = :now, version = version + 1 WHERE id = :id")
        .bind("now", now)
        .bind("id", id)
        .execute();
  }

  /**
   * Publishes with times from elsewhere (an archive migration, a wire item's own dates, the demo
   * newsroom) instead of now. {@code updatedAt} may be null.
   */
  public void publishAsOf(long id, Instant firstPublishedAt, Instant updatedAt) {
    transition(id, "published", tx -> publishAsOfStatement(tx, id, firstPublishedAt, updatedAt));
  }

  /** {@link #publishAsOf(long, Instant, Instant)} inside the caller's transaction. */
  public void publishAsOf(Tx tx, long id, Instant firstPublishedAt, Instant updatedAt) {
    transition(
        tx, id, "published", txx -> publishAsOfStatement(txx, id, firstPublishedAt, updatedAt));
  }

  private int publishAsOfStatement(Tx tx, long id, Instant firstPublishedAt, Instant updatedAt) {
    var now = clock.millis();
    return tx.update("UPDATE article SET status = 'published', "
            + "first_published_at = :first, updated_at = :updated, scheduled_at = NULL, modified_at = :now, "
            + "version = version + 1 WHERE id = :id")
        .bind("first", firstPublishedAt.toEpochMilli())
        .bind("updated", updatedAt == null ? null : updatedAt.toEpochMilli())
        .bind("now", now)
        .bind("id", id)
        .execute();
  }

  /** Takes the article off the site; its URL answers 410 Gone. */
  public void unpublish(long id) {
    transition(id, "unpublished", tx -> unpublishStatement(tx, id));
  }

  /** {@link #unpublish(long)} inside the caller's transaction. */
  public void unpublish(Tx tx, long id) {
    transition(tx, id, "unpublished", txx -> unpublishStatement(txx, id));
  }

  private int unpublishStatement(Tx tx, long id) {
    return tx.update("UPDATE article SET status = 'unpublished', "
            + "modified_at = :now, version = version + 1 WHERE id = :id")
        .bind("now", clock.millis())
        .bind("id", id)
        .execute();
  }

  /** Sets a status that has no side effects on dates: draft or in review. */
  public void setStatus(long id, ArticleStatus status) {
    db.useTransaction(tx -> setStatus(tx, id, status));
  }

  /** {@link #setStatus(long, ArticleStatus)} inside the caller's transaction. */
  public void setStatus(Tx tx, long id, ArticleStatus status) {
    if (status != ArticleStatus.DRAFT && status != ArticleStatus.IN_REVIEW) {
      throw new IllegalArgumentException("use publish, unpublish or schedule for " + status);
    }
    var now = clock.millis();
    transition(
        tx,
        id,
        status.dbValue(),
        txx -> txx.update("UPDATE article SET status = :status, modified_at = :now, "
                + "version = version + 1 WHERE id = :id")
            .bind("status", status.dbValue())
            .bind("now", now)
            .bind("id", id)
            .execute());
  }

  /**
   * Schedules publication at {@code at}, or at the embargo when that is later. Schedules live
   * in the database, so they survive restarts; {@link #publishDue()} publishes what is due.
   */
  public void schedule(long id, Instant at, Instant embargoUntil) {
    transition(id, "scheduled", tx -> scheduleStatement(tx, id, at, embargoUntil));
  }

  /** {@link #schedule(long, Instant, Instant)} inside the caller's transaction. */
  public void schedule(Tx tx, long id, Instant at, Instant embargoUntil) {
    transition(tx, id, "scheduled", txx -> scheduleStatement(txx, id, at, embargoUntil));
  }

  private int scheduleStatement(Tx tx, long id, Instant at, Instant embargoUntil) {
    var now = clock.millis();
    return tx.update("UPDATE article SET status = 'scheduled', scheduled_at = :at, "
            + "embargo_until = :embargo, modified_at = :now, version = version + 1 WHERE id = :id")
        .bind("at", at.toEpochMilli())
        .bind("embargo", embargoUntil == null ? null : embargoUntil.toEpochMilli())
        .bind("now", now)
        .bind("id", id)
        .execute();
  }

  /** Publishes every scheduled article whose time and embargo have passed; returns their ids. */
  public List<Long> publishDue() {
    var due = due();
    due.forEach(this::publish);
    return due;
  }

  /** Scheduled articles whose time and embargo have passed, the longest due first. */
  public List<Long> due() {
    var now = clock.millis();
    return db.read(tx -> tx.query(
            "SELECT id FROM article WHERE status = 'scheduled' "
                + "AND scheduled_at <= :now AND (embargo_until IS NULL OR embargo_until <= :now) ORDER BY scheduled_at")
        .bind("now", now)
        .mapTo(Long.class)
        .list());
  }

  private interface Statement {
    int run(Tx tx);
  }

  private void transition(long id, String action, Statement statement) {
    db.useTransaction(tx -> transition(tx, id, action, statement));
  }

  private void transition(Tx tx, long id, String action, Statement statement) {
    var keys = keysOf(tx, id);
    if (statement.run(tx) == 0) throw new InvalidInput("article", "does not exist");
    // A first publication (or a re-dated one) adds the month it now lists under.
    keys.addAll(keysOf(tx, id));
    feed.append(tx, "article", id, action, keys);
  }

  // ---- reads --------------------------------------------------------------------------------

  public Optional<Article> byId(long id) {
    return db.read(tx -> byId(tx, id));
  }

  /** {@link #byId(long)} inside the caller's transaction, seeing its uncommitted writes. */
  public Optional<Article> byId(Tx tx, long id) {
    return row(tx, id).map(r -> resolve(tx, r));
  }

  /** The article at this slug, whatever its status: the caller decides 404, 410 or show. */
  public Optional<Article> bySlug(String slug) {
    if (!Slugs.isValid(slug)) return Optional.empty();
    return db.read(tx -> tx.query("SELECT * FROM article WHERE slug = :slug")
        .bind("slug", slug)
        .map(rs -> toRow(rs))
        .findOne()
        .map(r -> resolve(tx, r)));
  }

  /** The current slug of an article that used to live at {@code oldSlug}. */
  public Optional<Article> redirectedFrom(String oldSlug) {
    if (!Slugs.isValid(oldSlug)) return Optional.empty();
    return db.read(tx -> tx.query("SELECT article_id FROM slug_redirect WHERE old_slug = :s")
            .bind("s", oldSlug)
            .mapTo(Long.class)
            .findOne())
        .flatMap(this::byId);
  }

  public Page<ArticleSummary> latest(int page, int size) {
    return list("", Map.of(), page, size);
  }

  public Page<ArticleSummary> inSection(long sectionId, int page, int size) {
    return list("AND a.section_id = :section", Map.of("section", sectionId), page, size);
  }

  public Page<ArticleSummary> withTopic(long topicId, int page, int size) {
    return list(
        "AND a.id IN (SELECT article_id FROM article_topic WHERE topic_id = :topic)",
        Map.of("topic", topicId),
        page,
        size);
  }

  public Page<ArticleSummary> byAuthor(long authorId, int page, int size) {
    return list(
        "AND a.id IN (SELECT article_id FROM article_author WHERE author_id = :author)",
        Map.of("author", authorId),
        page,
        size);
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
          .bindList("ids", List.copyOf(ids))
          .map(rs -> "published".equals(rs.getString("status")) ? toSummaryRow(rs) : null)
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
      var rows = new HashMap<Long, Row>();
      // By id, with status checked here, for the reason given in summaries().
      tx.query("SELECT * FROM article WHERE id IN (<ids>)")
          .bindList("ids", list)
          .map(rs -> toRow(rs))
          .forEach(r -> {
            if (r.status() == ArticleStatus.PUBLISHED) rows.put(r.id(), r);
          });
      if (rows.isEmpty()) return List.<PublishedText>of();
      var topics = new HashMap<Long, List<Long>>();
      tx.query(
              "SELECT article_id, topic_id FROM article_topic WHERE article_id IN (<ids>) ORDER BY article_id, position")
          .bindList("ids", List.copyOf(rows.keySet()))
          .map(rs -> Map.entry(rs.getLong("article_id"), rs.getLong("topic_id")))
          .forEach(
              e -> topics.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
      var out = new ArrayList<PublishedText>(rows.size());
      for (long id : list) {
        var r = rows.get(id);
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
    var out = new LinkedHashMap<Long, List<Topic>>();
    return db.read(tx -> {
      tx.query("SELECT at.article_id, t.* FROM article_topic at JOIN topic t ON t.id = at.topic_id "
              + "WHERE at.article_id IN (<ids>) ORDER BY at.article_id, at.position")
          .bindList("ids", List.copyOf(articleIds))
          .map(rs -> Map.entry(
              rs.getLong("article_id"),
              new Topic(
                  rs.getLong("id"),
                  rs.getString("slug"),
                  rs.getString("name"),
                  TopicType.parse(rs.getString("type")))))
          .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
      return out;
    });
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

  /** How many articles are in each status, for the newsroom's dashboard. */
  public Map<ArticleStatus, Integer> countByStatus() {
    var out = new java.util.EnumMap<ArticleStatus, Integer>(ArticleStatus.class);
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
  public Page<DeskItem> desk(
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
      where.append(
          " AND id IN (SELECT article_id FROM article_revision WHERE kind = 'create' AND saved_by = :by)");
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
              var sectionId = longOrNull(rs, "section_id");
              return new DeskItem(
                  rs.getLong("id"),
                  rs.getString("slug"),
                  rs.getString("headline"),
                  ArticleStatus.fromDb(rs.getString("status")),
                  sectionId == null ? null : sectionMap.get(sectionId),
                  instant(rs, "modified_at"),
                  instant(rs, "scheduled_at"),
                  instant(rs, "first_published_at"),
                  rs.getInt("version"));
            })
            .list());
    return Page.fromOverfetch(items, page, size);
  }

  public int countPublished() {
    return db.read(tx -> tx.query("SELECT COUNT(*) FROM article WHERE status = 'published'")
        .mapTo(Integer.class)
        .one());
  }

  private Page<ArticleSummary> list(String where, Map<String, Object> params, int page, int size) {
    if (page < 1) throw new InvalidInput("page", "must be 1 or more");
    var items = db.read(tx -> {
      var rows = tx.query(
              "SELECT " + SUMMARY_COLUMNS + " FROM article a WHERE a.status = 'published' " + where
                  + " ORDER BY a.first_published_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
          .bindMap(params)
          .bind("limit", size + 1)
          .bind("offset", (long) (page - 1) * size)
          .map(rs -> toSummaryRow(rs))
          .list();
      return toSummaries(tx, rows);
    });
    return Page.fromOverfetch(items, page, size);
  }

  // ---- mapping ------------------------------------------------------------------------------

  private record Row(
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
      Instant firstPublishedAt,
      Instant updatedAt,
      Instant scheduledAt,
      Instant embargoUntil,
      Instant createdAt,
      Instant modifiedAt,
      int version) {}

  private record SummaryRow(
      long id,
      String slug,
      String headline,
      String standfirst,
      Long sectionId,
      Long imageId,
      Instant firstPublishedAt,
      Instant updatedAt,
      String sourceName) {}

  private Optional<Row> row(Tx tx, long id) {
    return tx.query("SELECT * FROM article WHERE id = :id")
        .bind("id", id)
        .map(rs -> toRow(rs))
        .findOne();
  }

  private Article resolve(Tx tx, Row r) {
    var topics = tx.query("SELECT t.* FROM topic t JOIN article_topic at ON at.topic_id = t.id "
            + "WHERE at.article_id = :id ORDER BY at.position")
        .bind("id", r.id())
        .map(rs -> new Topic(
            rs.getLong("id"),
            rs.getString("slug"),
            rs.getString("name"),
            TopicType.parse(rs.getString("type"))))
        .list();
    var authors = tx.query(
            "SELECT au.* FROM author au JOIN article_author aa ON aa.author_id = au.id "
                + "WHERE aa.article_id = :id ORDER BY aa.position")
        .bind("id", r.id())
        .map(rs -> AuthorStore.toAuthor(rs))
        .list();
    var body = BlockCodec.fromJson(r.body());
    var imageIds = new LinkedHashSet<Long>();
    if (r.featuredImageId() != null) imageIds.add(r.featuredImageId());
    for (var b : body) if (b instanceof Block.ImageBlock ib) imageIds.add(ib.imageId());
    Map<Long, Image> imageMap = images.byIds(tx, imageIds);
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
        r.firstPublishedAt(),
        r.updatedAt(),
        r.scheduledAt(),
        r.embargoUntil(),
        r.createdAt(),
        r.modifiedAt(),
        r.version());
  }

  private List<ArticleSummary> toSummaries(Tx tx, List<SummaryRow> rows) {
    var imageIds = new HashSet<Long>();
    rows.forEach(r -> {
      if (r.imageId() != null) imageIds.add(r.imageId());
    });
    var imageMap = images.byIds(tx, imageIds);
    var sectionMap = new HashMap<Long, Section>();
    sections.all().forEach(s -> sectionMap.put(s.id(), s));
    var out = new ArrayList<ArticleSummary>(rows.size());
    for (var r : rows) {
      out.add(new ArticleSummary(
          r.id(),
          r.slug(),
          r.headline(),
          r.standfirst(),
          r.sectionId() == null ? null : sectionMap.get(r.sectionId()),
          r.imageId() == null ? null : imageMap.get(r.imageId()),
          r.firstPublishedAt(),
          r.updatedAt(),
          r.sourceName()));
    }
    return out;
  }

  private static Row toRow(ResultSet rs) throws SQLException {
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
        instant(rs, "first_published_at"),
        instant(rs, "updated_at"),
        instant(rs, "scheduled_at"),
        instant(rs, "embargo_until"),
        instant(rs, "created_at"),
        instant(rs, "modified_at"),
        rs.getInt("version"));
  }

  private static SummaryRow toSummaryRow(ResultSet rs) throws SQLException {
    return new SummaryRow(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getString("headline"),
        rs.getString("standfirst"),
        longOrNull(rs, "section_id"),
        longOrNull(rs, "featured_image_id"),
        instant(rs, "first_published_at"),
        instant(rs, "updated_at"),
        rs.getString("source_name"));
  }

  private static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static Map<String, Object> fields(ArticleDraft d) {
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
    return m;
  }

  private void checkReferences(Tx tx, ArticleDraft d) {
    if (d.sectionId() != null
        && count(tx, "SELECT COUNT(*) FROM section WHERE id = :id", d.sectionId()) == 0) {
      throw new InvalidInput("section", "does not exist");
    }
    if (d.featuredImageId() != null
        && count(tx, "SELECT COUNT(*) FROM image WHERE id = :id", d.featuredImageId()) == 0) {
      throw new InvalidInput("featured image", "does not exist");
    }
    for (var b : d.body()) {
      if (b instanceof Block.ImageBlock ib
          && count(tx, "SELECT COUNT(*) FROM image WHERE id = :id", ib.imageId()) == 0) {
        throw new InvalidInput("body image", "image " + ib.imageId() + " does not exist");
      }
    }
    for (var t : d.topicIds()) {
      if (count(tx, "SELECT COUNT(*) FROM topic WHERE id = :id", t) == 0)
        throw new InvalidInput("topics", "topic " + t + " does not exist");
    }
    for (var a : d.authorIds()) {
      if (count(tx, "SELECT COUNT(*) FROM author WHERE id = :id", a) == 0)
        throw new InvalidInput("bylines", "author " + a + " does not exist");
    }
  }

  private static int count(Tx tx, String sql, long id) {
    return tx.query(sql).bind("id", id).mapTo(Integer.class).one();
  }

  private static void writeLinks(Tx tx, long id, ArticleDraft d) {
    tx.update("DELETE FROM article_topic WHERE article_id = :id").bind("id", id).execute();
    tx.update("DELETE FROM article_author WHERE article_id = :id")
        .bind("id", id)
        .execute();
    int pos = 0;
    for (var t : d.topicIds()) {
      tx.update("INSERT INTO article_topic (article_id, topic_id, position) VALUES (:a, :t, :p)")
          .bind("a", id)
          .bind("t", t)
          .bind("p", pos++)
          .execute();
    }
    pos = 0;
    for (var a : d.authorIds()) {
      tx.update("INSERT INTO article_author (article_id, author_id, position) VALUES (:a, :au, :p)")
          .bind("a", id)
          .bind("au", a)
          .bind("p", pos++)
          .execute();
    }
  }

  private static boolean slugTaken(Tx tx, String slug, long exceptId) {
    return tx.query("SELECT COUNT(*) FROM article WHERE slug = :s AND id <> :id")
                .bind("s", slug)
                .bind("id", exceptId)
                .mapTo(Integer.class)
                .one()
            > 0
        || tx.query("SELECT COUNT(*) FROM slug_redirect WHERE old_slug = :s AND article_id <> :id")
                .bind("s", slug)
                .bind("id", exceptId)
                .mapTo(Integer.class)
                .one()
            > 0;
  }

  private static String freeSlug(Tx tx, String wanted, long exceptId) {
    if (!slugTaken(tx, wanted, exceptId)) return wanted;
    // Copies are numbered -2, -3, ... Rather than trying each number in turn (a headline the wire
    // repeats every hour would cost a query per earlier copy), gallop to a free number, then
    // halve back to the first free one after the last taken: a few queries for any count, and
    // independent of how the database orders text.
    int taken = 1;
    int free = 2;
    while (slugTaken(tx, numbered(wanted, free), exceptId)) {
      taken = free;
      free = free * 2;
    }
    while (free - taken > 1) {
      int mid = taken + (free - taken) / 2;
      if (slugTaken(tx, numbered(wanted, mid), exceptId)) taken = mid;
      else free = mid;
    }
    return numbered(wanted, free);
  }

  private static String numbered(String wanted, int n) {
    var suffix = "-" + n;
    var base = wanted.length() + suffix.length() > Slugs.MAX_LENGTH
        ? wanted.substring(0, Slugs.MAX_LENGTH - suffix.length())
        : wanted;
    return base.replaceAll("-+$", "") + suffix;
  }

  /** Keys of every page that shows the article as it is now in the database. */
  private static Set<String> keysOf(Tx tx, long id) {
    var keys = new LinkedHashSet<String>();
    keys.add("article:" + id);
    keys.addAll(LIST_KEYS);
    // One round trip: this runs before and after every change, several times per imported story.
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
                : e.getKey() + ":" + e.getValue()));
    return keys;
  }
}
