package dev.byline.live;

import dev.byline.content.Block;
import dev.byline.content.BlockCodec;
import dev.byline.content.InvalidInput;
import dev.byline.media.ImageStore;
import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import dev.byline.store.SurrogateKey;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Owns {@code live_coverage} and {@code live_post}. Every write takes the caller's unit of work
 * (so the audit entry is stored with it) and appends a {@code live} change for the article,
 * naming the article's surrogate key: the page, the posts fragment and the post feed all carry
 * it, so the page cache and any shared cache drop them together.
 *
 * <pre>{@code
 * db.useTransaction(tx -> {
 *   live.start(tx, articleId);
 *   long post = live.post(tx, articleId, new PostDraft(md, markdown.toBlocks(md), true, false, "Eda"));
 *   audit.record(tx, user, "live.post", "article", articleId, "post " + post, ip);
 * });
 * }</pre>
 */
public final class LiveBlog {
  /** Change-feed entity of every write here; its entity id is the article's. */
  public static final String ENTITY = "live";

  private final Database db;
  private final ChangeFeed feed;
  private final ImageStore images;
  private final Clock clock;

  public LiveBlog(Database db, ChangeFeed feed, ImageStore images, Clock clock) {
    this.db = db;
    this.feed = feed;
    this.images = images;
    this.clock = clock;
  }

  /** The article's coverage with its posts, or empty when it has never been live. */
  public Optional<Coverage> of(long articleId) {
    return db.read(tx -> of(tx, articleId));
  }

  /** {@link #of(long)} inside the caller's unit of work. */
  public Optional<Coverage> of(Tx tx, long articleId) {
    var row = coverageRow(tx, articleId);
    if (row.isEmpty()) return Optional.empty();
    var posts = posts(tx, articleId, false);
    var imageIds = new LinkedHashSet<Long>();
    for (var p : posts)
      for (var b : p.body()) if (b instanceof Block.ImageBlock ib) imageIds.add(ib.imageId());
    var r = row.get();
    return Optional.of(new Coverage(
        articleId, r.startedAt(), r.endedAt(), r.summary(), posts, images.byIds(tx, imageIds)));
  }

  private record CoverageRow(Instant startedAt, Instant endedAt, String summary) {}

  private static Optional<CoverageRow> coverageRow(Tx tx, long articleId) {
    return tx.query("SELECT started_at, ended_at, summary FROM live_coverage WHERE article_id = :a")
        .bind("a", articleId)
        .map(rs -> new CoverageRow(
            Instant.ofEpochMilli(rs.getLong(1)), instantOrNull(rs, 2), rs.getString(3)))
        .findOne();
  }

  private static Instant instantOrNull(ResultSet rs, int column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  /** Every post of the article, deleted ones too when asked, newest first: for the newsroom. */
  public List<LivePost> posts(long articleId, boolean withDeleted) {
    return db.read(tx -> posts(tx, articleId, withDeleted));
  }

  private static List<LivePost> posts(Tx tx, long articleId, boolean withDeleted) {
    return tx.query("SELECT * FROM live_post WHERE article_id = :a"
            + (withDeleted ? "" : " AND deleted = 0")
            + " ORDER BY posted_at DESC, id DESC")
        .bind("a", articleId)
        .map(LiveBlog::read)
        .list();
  }

  /** One post, deleted or not. */
  public Optional<LivePost> post(long articleId, long postId) {
    return db.read(tx -> tx.query("SELECT * FROM live_post WHERE id = :id AND article_id = :a")
        .bind("id", postId)
        .bind("a", articleId)
        .map(LiveBlog::read)
        .findOne());
  }

  /** Starts live coverage of the article, or resumes coverage that had ended. */
  public void start(Tx tx, long articleId) {
    start(tx, articleId, clock.instant());
  }

  /** Starts live coverage as of {@code startedAt}: for imports and the demo, whose coverage began earlier. */
  public void start(Tx tx, long articleId, Instant startedAt) {
    int resumed = tx.update(
            "UPDATE live_coverage SET ended_at = NULL, summary = '' WHERE article_id = :a")
        .bind("a", articleId)
        .execute();
    if (resumed == 0) {
      if (tx.query("SELECT COUNT(*) FROM article WHERE id = :a")
              .bind("a", articleId)
              .mapTo(Integer.class)
              .one()
          == 0) throw new InvalidInput("article", "does not exist");
      tx.update("INSERT INTO live_coverage (article_id, started_at) VALUES (:a, :now)")
          .bind("a", articleId)
          .bind("now", startedAt.toEpochMilli())
          .execute();
    }
    changed(tx, articleId, resumed == 0 ? "started" : "resumed");
  }

  /** Ends the coverage with a summary for readers. */
  public void end(Tx tx, long articleId, String summary) {
    var text = summary == null ? "" : summary.strip();
    if (text.isEmpty()) throw new InvalidInput("summary", "is empty");
    if (text.length() > 5_000) throw new InvalidInput("summary", "is longer than 5000 characters");
    int n = tx.update("UPDATE live_coverage SET ended_at = :now, summary = :s "
            + "WHERE article_id = :a AND ended_at IS NULL")
        .bind("now", clock.millis())
        .bind("s", text)
        .bind("a", articleId)
        .execute();
    if (n == 0) throw new InvalidInput("coverage", "is not live");
    changed(tx, articleId, "ended");
  }

  /** Adds a post to live coverage; returns its id. */
  public long post(Tx tx, long articleId, PostDraft draft) {
    return post(tx, articleId, draft, clock.instant());
  }

  /** Adds a post as posted at {@code postedAt}: for imports and the demo. */
  public long post(Tx tx, long articleId, PostDraft draft, Instant postedAt) {
    requireLive(tx, articleId);
    checkImages(tx, draft);
    long id = tx.query("INSERT INTO live_post (article_id, posted_at, posted_by, markdown, body, "
            + "key_point, pinned) VALUES (:a, :now, :by, :md, :body, :key, :pin) RETURNING id")
        .bind("a", articleId)
        .bind("now", postedAt.toEpochMilli())
        .bind("by", draft.postedBy())
        .bind("md", draft.markdown())
        .bind("body", BlockCodec.toJson(draft.body()))
        .bind("key", draft.keyPoint() ? 1 : 0)
        .bind("pin", draft.pinned() ? 1 : 0)
        .mapTo(Long.class)
        .one();
    changed(tx, articleId, "posted");
    return id;
  }

  /** Replaces a post's text and flags; its posting time stays. */
  public void edit(Tx tx, long articleId, long postId, PostDraft draft) {
    checkImages(tx, draft);
    int n = tx.update("UPDATE live_post SET markdown = :md, body = :body, key_point = :key, "
            + "pinned = :pin, edited_at = :now WHERE id = :id AND article_id = :a AND deleted = 0")
        .bind("md", draft.markdown())
        .bind("body", BlockCodec.toJson(draft.body()))
        .bind("key", draft.keyPoint() ? 1 : 0)
        .bind("pin", draft.pinned() ? 1 : 0)
        .bind("now", clock.millis())
        .bind("id", postId)
        .bind("a", articleId)
        .execute();
    if (n == 0) throw new InvalidInput("post", "does not exist");
    changed(tx, articleId, "edited");
  }

  /** Pins a post above the others, or unpins it. */
  public void pin(Tx tx, long articleId, long postId, boolean pinned) {
    int n = tx.update("UPDATE live_post SET pinned = :pin "
            + "WHERE id = :id AND article_id = :a AND deleted = 0")
        .bind("pin", pinned ? 1 : 0)
        .bind("id", postId)
        .bind("a", articleId)
        .execute();
    if (n == 0) throw new InvalidInput("post", "does not exist");
    changed(tx, articleId, pinned ? "pinned" : "unpinned");
  }

  /** Takes a post down; readers' pages drop it at their next refresh. */
  public void delete(Tx tx, long articleId, long postId) {
    int n = tx.update("UPDATE live_post SET deleted = 1, edited_at = :now "
            + "WHERE id = :id AND article_id = :a AND deleted = 0")
        .bind("now", clock.millis())
        .bind("id", postId)
        .bind("a", articleId)
        .execute();
    if (n == 0) throw new InvalidInput("post", "does not exist");
    changed(tx, articleId, "deleted");
  }

  private static void requireLive(Tx tx, long articleId) {
    var row = coverageRow(tx, articleId);
    if (row.isEmpty()) throw new InvalidInput("coverage", "has not started");
    if (row.get().endedAt() != null) throw new InvalidInput("coverage", "has ended");
  }

  private void checkImages(Tx tx, PostDraft draft) {
    for (var b : draft.body())
      if (b instanceof Block.ImageBlock ib && !images.exists(tx, ib.imageId()))
        throw new InvalidInput("post", "shows photo " + ib.imageId() + ", which is not stored");
  }

  private void changed(Tx tx, long articleId, String action) {
    feed.append(tx, ENTITY, articleId, action, Set.of(SurrogateKey.article(articleId)));
  }

  private static LivePost read(ResultSet rs) throws SQLException {
    return new LivePost(
        rs.getLong("id"),
        rs.getLong("article_id"),
        Instant.ofEpochMilli(rs.getLong("posted_at")),
        instantOrNull(rs, rs.findColumn("edited_at")),
        rs.getString("posted_by"),
        rs.getString("markdown"),
        BlockCodec.fromJson(rs.getString("body")),
        rs.getInt("key_point") != 0,
        rs.getInt("pinned") != 0,
        rs.getInt("deleted") != 0);
  }
}
