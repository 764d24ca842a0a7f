package dev.byline.content;

import dev.byline.media.ImageStore;
import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import dev.byline.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Owns the {@code article} table: the newsroom's drafts and every step of their workflow, and
 * any one article read back by id whatever its status. Every write appends to the change feed in
 * the same transaction, naming the surrogate keys of everything the article was and is shown on
 * ({@link PurgeKeys}). Each write also comes in a form that joins the caller's unit of work, for
 * writers that store something of their own atomically with it: a revision, an audit entry, the
 * wire item the article came from.
 *
 * <pre>{@code
 * long id = articles.create(ArticleDraft.of("Headline", "Standfirst.", sectionId, blocks));
 * articles.publish(id);
 * db.useTransaction(tx -> { articles.unpublish(tx, id); audit.record(tx, user, "article.unpublish", ...); });
 * }</pre>
 */
public final class ArticleStore {
  private final Database db;
  private final ChangeFeed feed;
  private final ArticleRows rows;
  private final References references;
  private final Clock clock;

  public ArticleStore(
      Database db,
      ChangeFeed feed,
      SectionStore sections,
      TopicStore topics,
      AuthorStore authors,
      ImageStore images,
      Clock clock) {
    this.db = db;
    this.feed = feed;
    this.rows = new ArticleRows(sections, images);
    this.references = new References(sections, topics, authors, images);
    this.clock = clock;
  }

  /** Stores a new draft; a taken slug gets a numeric suffix. Returns the id. */
  public long create(ArticleDraft draft) {
    return db.inTransaction(tx -> create(tx, draft));
  }

  /** {@link #create(ArticleDraft)} inside the caller's unit of work. */
  public long create(Tx tx, ArticleDraft draft) {
    long newId = insert(tx, draft, null, null);
    feed.append(tx, "article", newId, "created", PurgeKeys.of(tx, newId));
    return newId;
  }

  /**
   * Stores a new article already published, with the given times: what the wire desk does with a
   * story it publishes on arrival. Equivalent to {@link #create(Tx, ArticleDraft)} then {@link
   * #publishAsOf(Tx, long, Instant, Instant)}, but the row is written once and the feed carries
   * one change, which a bulk import of an archive feels.
   */
  public long createPublished(
      Tx tx, ArticleDraft draft, Instant firstPublishedAt, Instant updatedAt) {
    long newId = insert(tx, draft, firstPublishedAt, updatedAt);
    feed.append(tx, "article", newId, "published", PurgeKeys.of(tx, newId));
    return newId;
  }

  /** A draft when {@code firstPublishedAt} is null, else published as of then. */
  private long insert(Tx tx, ArticleDraft draft, Instant firstPublishedAt, Instant updatedAt) {
    var now = clock.millis();
    references.check(tx, draft);
    var slug = Slugs.free(draft.slug(), s -> slugTaken(tx, s, -1));
    long newId = tx.query(
            "INSERT INTO article (slug, status, headline, standfirst, dateline, source_name, "
                + "credit_line, section_id, featured_image_id, body, seo_title, seo_description, update_note, "
                + "language, first_published_at, updated_at, created_at, modified_at, version) VALUES (:slug, :status, :headline, "
                + ":standfirst, :dateline, :source, :credit, :section, :image, :body, :seoTitle, :seoDescription, :note, "
                + ":language, :first, :updated, :now, :now, 1) RETURNING id")
        .bind("slug", slug)
        .bindMap(ArticleRows.fields(draft))
        .bind("status", firstPublishedAt == null ? "draft" : "published")
        .bind("first", firstPublishedAt == null ? null : firstPublishedAt.toEpochMilli())
        .bind("updated", updatedAt == null ? null : updatedAt.toEpochMilli())
        .bind("now", now)
        .mapTo(Long.class)
        .one();
    ArticleLinks.write(tx, newId, draft);
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
    return db.inTransaction(tx -> update(tx, id, expectedVersion, draft));
  }

  /** {@link #update(long, int, ArticleDraft)} inside the caller's unit of work. */
  public int update(Tx tx, long id, int expectedVersion, ArticleDraft draft) {
    var now = clock.millis();
    var current =
        ArticleRows.byId(tx, id).orElseThrow(() -> new InvalidInput("article", "does not exist"));
    if (current.version() != expectedVersion)
      throw new StaleEdit(id, expectedVersion, current.version());
    references.check(tx, draft);
    var before = PurgeKeys.of(tx, id);
    var slug = current.slug();
    if (!draft.slug().equals(current.slug())) {
      if (slugTaken(tx, draft.slug(), id))
        throw new InvalidInput(
            "slug", "\"" + draft.slug() + "\" is already used by another article");
      if (current.firstPublishedAt() != null)
        SlugRedirects.moved(tx, id, current.slug(), draft.slug());
      slug = draft.slug();
    }
    boolean published = current.status() == ArticleStatus.PUBLISHED;
    int n = tx.update(
            "UPDATE article SET slug = :slug, headline = :headline, standfirst = :standfirst, "
                + "dateline = :dateline, source_name = :source, credit_line = :credit, section_id = :section, "
                + "featured_image_id = :image, body = :body, seo_title = :seoTitle, seo_description = :seoDescription, "
                + "update_note = :note, language = :language, modified_at = :now, version = version + 1"
                + (published ? ", updated_at = :now" : "")
                + " WHERE id = :id AND version = :expected")
        .bind("slug", slug)
        .bindMap(ArticleRows.fields(draft))
        .bind("now", now)
        .bind("id", id)
        .bind("expected", expectedVersion)
        .execute();
    if (n == 0)
      throw new StaleEdit(
          id,
          expectedVersion,
          ArticleRows.byId(tx, id).map(ArticleRows.Row::version).orElse(-1));
    ArticleLinks.write(tx, id, draft);
    var keys = new LinkedHashSet<>(before);
    keys.addAll(PurgeKeys.of(tx, id));
    feed.append(tx, "article", id, published ? "updated" : "saved", keys);
    return expectedVersion + 1;
  }

  /** True when another article has the slug, or once had it and still answers there. */
  private static boolean slugTaken(Tx tx, String slug, long exceptId) {
    return tx.query("SELECT COUNT(*) FROM article WHERE slug = :s AND id <> :id")
                .bind("s", slug)
                .bind("id", exceptId)
                .mapTo(Integer.class)
                .one()
            > 0
        || SlugRedirects.taken(tx, slug, exceptId);
  }

  /** Publishes now. The first time sets the publication time; later times count as updates. */
  public void publish(long id) {
    db.useTransaction(tx -> publish(tx, id));
  }

  /** {@link #publish(long)} inside the caller's unit of work. */
  public void publish(Tx tx, long id) {
    var now = clock.millis();
    transition(
        tx,
        id,
        "published",
        () -> tx.update("UPDATE article SET status = 'published', "
                + "first_published_at = COALESCE(first_published_at, :now), "
                + "updated_at = CASE WHEN first_published_at IS NULL THEN NULL ELSE :now END, "
                + "scheduled_at = NULL, modified_at = :now, version = version + 1 WHERE id = :id")
            .bind("now", now)
            .bind("id", id)
            .execute());
  }

  /**
   * Publishes with times from elsewhere (an archive migration, a wire item's own dates, the demo
   * newsroom) instead of now. {@code updatedAt} may be null.
   */
  public void publishAsOf(long id, Instant firstPublishedAt, Instant updatedAt) {
    db.useTransaction(tx -> publishAsOf(tx, id, firstPublishedAt, updatedAt));
  }

  /** {@link #publishAsOf(long, Instant, Instant)} inside the caller's unit of work. */
  public void publishAsOf(Tx tx, long id, Instant firstPublishedAt, Instant updatedAt) {
    var now = clock.millis();
    transition(
        tx,
        id,
        "published",
        () -> tx.update("UPDATE article SET status = 'published', "
                + "first_published_at = :first, updated_at = :updated, scheduled_at = NULL, modified_at = :now, "
                + "version = version + 1 WHERE id = :id")
            .bind("first", firstPublishedAt.toEpochMilli())
            .bind("updated", updatedAt == null ? null : updatedAt.toEpochMilli())
            .bind("now", now)
            .bind("id", id)
            .execute());
  }

  /** Takes the article off the site; its URL answers 410 Gone. */
  public void unpublish(long id) {
    db.useTransaction(tx -> unpublish(tx, id));
  }

  /** {@link #unpublish(long)} inside the caller's unit of work. */
  public void unpublish(Tx tx, long id) {
    transition(
        tx,
        id,
        "unpublished",
        () -> tx.update("UPDATE article SET status = 'unpublished', "
                + "modified_at = :now, version = version + 1 WHERE id = :id")
            .bind("now", clock.millis())
            .bind("id", id)
            .execute());
  }

  /** Sets a status that has no side effects on dates: draft or in review. */
  public void setStatus(long id, ArticleStatus status) {
    db.useTransaction(tx -> setStatus(tx, id, status));
  }

  /** {@link #setStatus(long, ArticleStatus)} inside the caller's unit of work. */
  public void setStatus(Tx tx, long id, ArticleStatus status) {
    if (status != ArticleStatus.DRAFT && status != ArticleStatus.IN_REVIEW) {
      throw new IllegalArgumentException("use publish, unpublish or schedule for " + status);
    }
    var now = clock.millis();
    transition(
        tx,
        id,
        status.dbValue(),
        () -> tx.update("UPDATE article SET status = :status, modified_at = :now, "
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
    db.useTransaction(tx -> schedule(tx, id, at, embargoUntil));
  }

  /** {@link #schedule(long, Instant, Instant)} inside the caller's unit of work. */
  public void schedule(Tx tx, long id, Instant at, Instant embargoUntil) {
    var now = clock.millis();
    transition(
        tx,
        id,
        "scheduled",
        () -> tx.update(
                "UPDATE article SET status = 'scheduled', scheduled_at = :at, "
                    + "embargo_until = :embargo, modified_at = :now, version = version + 1 WHERE id = :id")
            .bind("at", at.toEpochMilli())
            .bind("embargo", embargoUntil == null ? null : embargoUntil.toEpochMilli())
            .bind("now", now)
            .bind("id", id)
            .execute());
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

  /** A status change: one statement, with the keys the article was and is shown under. */
  private void transition(Tx tx, long id, String action, java.util.function.IntSupplier change) {
    var keys = PurgeKeys.of(tx, id);
    if (change.getAsInt() == 0) throw new InvalidInput("article", "does not exist");
    // A first publication (or a re-dated one) adds the month it now lists under.
    keys.addAll(PurgeKeys.of(tx, id));
    feed.append(tx, "article", id, action, keys);
  }

  /** The article with this id, whatever its status. */
  public Optional<Article> byId(long id) {
    return db.read(tx -> byId(tx, id));
  }

  /** {@link #byId(long)} inside the caller's unit of work, seeing its uncommitted writes. */
  public Optional<Article> byId(Tx tx, long id) {
    return ArticleRows.byId(tx, id).map(r -> rows.resolve(tx, r));
  }

  /** The stored version of an article, for writers that update inside their own unit of work. */
  public Optional<Integer> versionOf(Tx tx, long id) {
    return ArticleRows.byId(tx, id).map(ArticleRows.Row::version);
  }

  /** The status of an article, read inside the caller's unit of work. */
  public Optional<ArticleStatus> statusOf(Tx tx, long id) {
    return ArticleRows.byId(tx, id).map(ArticleRows.Row::status);
  }
}
