package dev.byline.pages;

import dev.byline.content.Block;
import dev.byline.content.BlockCodec;
import dev.byline.content.InvalidInput;
import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import dev.byline.store.DerivedCache;
import dev.byline.store.SurrogateKey;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Owns {@code site_page} and {@code site_page_revision}. Every save records a revision in the same
 * unit of work, and every write appends to the change feed with the page's key (and the
 * navigation's, when a menu shows the page, since the menu shows its title).
 *
 * <pre>{@code
 * long id = db.inTransaction(tx -> pages.create(tx, new PageDraft("about", "About us", "", md, blocks), userId, "Eda"));
 * db.useTransaction(tx -> pages.publish(tx, id));
 * pages.published("about").map(SitePage::title);
 * }</pre>
 */
public final class PageStore {
  private final Database db;
  private final ChangeFeed feed;
  private final Clock clock;
  private final DerivedCache<String, SitePage> published;

  public PageStore(Database db, ChangeFeed feed, Clock clock) {
    this.db = db;
    this.feed = feed;
    this.clock = clock;
    this.published = feed.derivedCache(200);
  }

  /** Stores a new draft and its first revision; returns the id. */
  public long create(Tx tx, PageDraft draft, Long userId, String userName) {
    if (idOfSlug(tx, draft.slug()).isPresent())
      throw new InvalidInput("slug", "\"" + draft.slug() + "\" is already used by another page");
    long now = clock.millis();
    long id = tx.query("INSERT INTO site_page (slug, title, summary, markdown, body, status, "
            + "created_at, modified_at, version) VALUES (:slug, :title, :summary, :md, :body, "
            + "'draft', :now, :now, 1) RETURNING id")
        .bind("slug", draft.slug())
        .bind("title", draft.title())
        .bind("summary", draft.summary())
        .bind("md", draft.markdown())
        .bind("body", BlockCodec.toJson(draft.body()))
        .bind("now", now)
        .mapTo(Long.class)
        .one();
    revise(tx, id, 1, draft, userId, userName, now);
    feed.append(tx, "page", id, "created", keys(tx, id));
    return id;
  }

  /**
   * Saves a new version. {@code expectedVersion} is the version the editor started from; if
   * someone saved since, nothing is written. The slug is fixed once the page has been published,
   * since its address is then out in the world. Returns the new version.
   */
  public int update(
      Tx tx, long id, int expectedVersion, PageDraft draft, Long userId, String userName) {
    var current = byId(tx, id).orElseThrow(() -> new InvalidInput("page", "does not exist"));
    if (current.version() != expectedVersion)
      throw new InvalidInput(
          "page",
          "was saved by someone else since you opened it (version "
              + current.version()
              + "); open it again to see their changes");
    if (!current.slug().equals(draft.slug())) {
      if (current.publishedAt() != null)
        throw new InvalidInput("slug", "cannot change once the page has been published");
      if (idOfSlug(tx, draft.slug()).isPresent())
        throw new InvalidInput("slug", "\"" + draft.slug() + "\" is already used by another page");
    }
    long now = clock.millis();
    int n = tx.update("UPDATE site_page SET slug = :slug, title = :title, summary = :summary, "
            + "markdown = :md, body = :body, modified_at = :now, version = version + 1"
            + (current.isPublished() ? ", updated_at = :now" : "")
            + " WHERE id = :id AND version = :expected")
        .bind("slug", draft.slug())
        .bind("title", draft.title())
        .bind("summary", draft.summary())
        .bind("md", draft.markdown())
        .bind("body", BlockCodec.toJson(draft.body()))
        .bind("now", now)
        .bind("id", id)
        .bind("expected", expectedVersion)
        .execute();
    if (n == 0) throw new InvalidInput("page", "was saved by someone else at the same moment");
    revise(tx, id, expectedVersion + 1, draft, userId, userName, now);
    var keys = keys(tx, id);
    keys.add(SurrogateKey.PAGES);
    feed.append(tx, "page", id, current.isPublished() ? "updated" : "saved", keys);
    return expectedVersion + 1;
  }

  /** Puts the page on the site; the first time sets its publication time. */
  public void publish(Tx tx, long id) {
    setStatus(tx, id, PageStatus.PUBLISHED, "published_at = COALESCE(published_at, :now), ");
  }

  /** Takes the page off the site: its address answers 404 and menus leave it out. */
  public void unpublish(Tx tx, long id) {
    setStatus(tx, id, PageStatus.UNPUBLISHED, "");
  }

  private void setStatus(Tx tx, long id, PageStatus status, String extra) {
    int n = tx.update("UPDATE site_page SET status = :status, " + extra
            + "modified_at = :now, version = version + 1 WHERE id = :id")
        .bind("status", status.dbValue())
        .bind("now", clock.millis())
        .bind("id", id)
        .execute();
    if (n == 0) throw new InvalidInput("page", "does not exist");
    var keys = keys(tx, id);
    keys.add(SurrogateKey.PAGES);
    feed.append(tx, "page", id, status.dbValue(), keys);
  }

  /** The page's key, and the navigation's when a menu links to it. */
  private static Set<String> keys(Tx tx, long id) {
    var keys = new HashSet<String>();
    keys.add(SurrogateKey.page(id));
    boolean inMenu =
        tx.query("SELECT COUNT(*) FROM menu_item WHERE kind = 'page' AND target_id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one()
            > 0;
    if (inMenu) keys.add(SurrogateKey.SECTIONS);
    return keys;
  }

  private void revise(
      Tx tx, long id, int version, PageDraft d, Long userId, String userName, long now) {
    tx.update("INSERT INTO site_page_revision (page_id, version, saved_by, saved_by_name, "
            + "saved_at, title, summary, markdown, document) VALUES (:page, :version, :by, :name, "
            + ":now, :title, :summary, :md, :document)")
        .bind("page", id)
        .bind("version", version)
        .bind("by", userId)
        .bind("name", userName == null ? "" : userName)
        .bind("now", now)
        .bind("title", d.title())
        .bind("summary", d.summary())
        .bind("md", d.markdown())
        .bind("document", d.document())
        .execute();
  }

  /**
   * Titles of the published pages whose body shows the photo: who changes its words changes
   * those pages for readers too.
   */
  public List<String> titlesShowing(Tx tx, long imageId) {
    // The body is JSON: LIKE finds the candidates (image 12 also matches 123), decoding decides.
    return tx
        .query("SELECT title, body FROM site_page WHERE status = 'published' "
            + "AND body LIKE :like ORDER BY title, id")
        .bind("like", "%\"imageId\":" + imageId + "%")
        .map(rs -> BlockCodec.fromJson(rs.getString("body")).stream()
                .anyMatch(b -> b instanceof Block.ImageBlock ib && ib.imageId() == imageId)
            ? rs.getString("title")
            : null)
        .stream()
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  private static Optional<Long> idOfSlug(Tx tx, String slug) {
    return tx.query("SELECT id FROM site_page WHERE slug = :slug")
        .bind("slug", slug)
        .mapTo(Long.class)
        .findOne();
  }

  /** The published page at this slug, kept in memory until it changes. */
  public Optional<SitePage> published(String slug) {
    return Optional.ofNullable(published.get(
        slug,
        s -> db.read(tx -> tx.query(
                    "SELECT * FROM site_page WHERE slug = :slug AND status = 'published'")
                .bind("slug", s)
                .map(PageStore::toPage)
                .findOne())
            .map(p -> new DerivedCache.Entry<>(p, Set.of(SurrogateKey.page(p.id()))))
            .orElse(null)));
  }

  /** Every published page, by title: for menus to choose from and the general sitemap. */
  public List<SitePage> allPublished() {
    return db.read(
        tx -> tx.query("SELECT * FROM site_page WHERE status = 'published' ORDER BY title, id")
            .map(PageStore::toPage)
            .list());
  }

  /** Every page whatever its status, by title. */
  public List<SitePage> all() {
    return db.read(tx -> tx.query("SELECT * FROM site_page ORDER BY title, id")
        .map(PageStore::toPage)
        .list());
  }

  public Optional<SitePage> byId(long id) {
    return db.read(tx -> byId(tx, id));
  }

  public Optional<SitePage> byId(Tx tx, long id) {
    return tx.query("SELECT * FROM site_page WHERE id = :id")
        .bind("id", id)
        .map(PageStore::toPage)
        .findOne();
  }

  /** The page's revisions, newest first. */
  public List<PageRevision> revisions(long pageId) {
    return db.read(tx -> tx.query(
            "SELECT * FROM site_page_revision WHERE page_id = :id ORDER BY version DESC, id DESC")
        .bind("id", pageId)
        .map(PageStore::toRevision)
        .list());
  }

  public Optional<PageRevision> revision(long pageId, long revisionId) {
    return db.read(
        tx -> tx.query("SELECT * FROM site_page_revision WHERE page_id = :page AND id = :id")
            .bind("page", pageId)
            .bind("id", revisionId)
            .map(PageStore::toRevision)
            .findOne());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static SitePage toPage(ResultSet rs) throws SQLException {
    return new SitePage(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getString("title"),
        rs.getString("summary"),
        rs.getString("markdown"),
        BlockCodec.fromJson(rs.getString("body")),
        PageStatus.fromDb(rs.getString("status")),
        instant(rs, "published_at"),
        instant(rs, "updated_at"),
        instant(rs, "modified_at"),
        rs.getInt("version"));
  }

  private static PageRevision toRevision(ResultSet rs) throws SQLException {
    return new PageRevision(
        rs.getLong("id"),
        rs.getLong("page_id"),
        rs.getInt("version"),
        rs.getString("saved_by_name"),
        instant(rs, "saved_at"),
        rs.getString("title"),
        rs.getString("summary"),
        rs.getString("markdown"),
        rs.getString("document"));
  }
}
