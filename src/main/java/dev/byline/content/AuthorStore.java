package dev.byline.content;

import dev.byline.media.ImageStore;
import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import dev.byline.store.SurrogateKey;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Owns the author table. */
public final class AuthorStore {
  private final Database db;
  private final ChangeFeed feed;
  private final ImageStore images;

  public AuthorStore(Database db, ChangeFeed feed, ImageStore images) {
    this.db = db;
    this.feed = feed;
    this.images = images;
  }

  public Optional<Author> bySlug(String slug) {
    return db.read(tx -> tx.query("SELECT * FROM author WHERE slug = :slug")
        .bind("slug", slug)
        .map(rs -> toAuthor(rs))
        .findOne());
  }

  public List<Author> all() {
    return db.read(tx ->
        tx.query("SELECT * FROM author ORDER BY name").map(rs -> toAuthor(rs)).list());
  }

  public Optional<Author> byId(long id) {
    return db.read(tx -> tx.query("SELECT * FROM author WHERE id = :id")
        .bind("id", id)
        .map(rs -> toAuthor(rs))
        .findOne());
  }

  /** The author with this name, ignoring case, if there is one. */
  public Optional<Author> named(String name) {
    return db.read(
        tx -> tx.query("SELECT * FROM author WHERE LOWER(name) = LOWER(:n) ORDER BY id LIMIT 1")
            .bind("n", name == null ? "" : name.strip())
            .map(rs -> toAuthor(rs))
            .findOne());
  }

  /** Changes name, bio and photo; the slug, and so the author's URL, stays. */
  public void update(long id, String name, String bio, Long photoImageId) {
    db.useTransaction(tx -> update(tx, id, name, bio, photoImageId));
  }

  /** {@link #update(long, String, String, Long)} inside the caller's unit of work. */
  public void update(Tx tx, long id, String name, String bio, Long photoImageId) {
    var cleanName = checkedName(name);
    var cleanBio = Text.optional("author bio", bio, 2000);
    if (photoImageId != null && !images.exists(tx, photoImageId))
      throw new InvalidInput("author photo", "image " + photoImageId + " does not exist");
    int n = tx.update(
            "UPDATE author SET name = :n, bio = :bio, photo_image_id = :photo WHERE id = :id")
        .bind("n", cleanName)
        .bind("bio", cleanBio)
        .bind("photo", photoImageId)
        .bind("id", id)
        .execute();
    if (n == 0) throw new InvalidInput("author", "does not exist");
    var keys = new java.util.LinkedHashSet<String>();
    keys.add(SurrogateKey.author(id));
    ArticleLinks.byAuthor(tx, id).forEach(a -> keys.add(SurrogateKey.article(a)));
    feed.append(tx, "author", id, "updated", keys);
  }

  /** An author's name as typed, trimmed and checked: what {@link #ensure(Tx, String)} takes. */
  public static String checkedName(String name) {
    return Text.required("author name", name, 120);
  }

  /** True when the author exists, as seen inside the caller's unit of work. */
  public boolean exists(Tx tx, long id) {
    return tx.query("SELECT COUNT(*) FROM author WHERE id = :id")
            .bind("id", id)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** The author with this name, created when new. */
  public Author ensure(String name) {
    var clean = checkedName(name);
    return db.inTransaction(tx -> ensure(tx, clean));
  }

  /** {@link #ensure(String)} inside the caller's unit of work, for a name already clean ({@link #checkedName}). */
  public Author ensure(Tx tx, String name) {
    var existing = tx.query("SELECT * FROM author WHERE name = :name")
        .bind("name", name)
        .map(rs -> toAuthor(rs))
        .findOne();
    if (existing.isPresent()) return existing.get();
    var base = Slugs.from(name);
    if (base.isEmpty()) base = "author";
    var slug = base;
    for (int i = 2;
        tx.query("SELECT COUNT(*) FROM author WHERE slug = :s")
                .bind("s", slug)
                .mapTo(Integer.class)
                .one()
            > 0;
        i++) {
      slug = base + "-" + i;
    }
    long id = tx.query("INSERT INTO author (slug, name) VALUES (:slug, :name) RETURNING id")
        .bind("slug", slug)
        .bind("name", name)
        .mapTo(Long.class)
        .one();
    feed.append(tx, "author", id, "created", Set.of(SurrogateKey.author(id)));
    return new Author(id, slug, name, "", null);
  }

  public void updateProfile(long id, String bio, Long photoImageId) {
    var cleanBio = Text.optional("author bio", bio, 2000);
    db.useTransaction(tx -> {
      int n = tx.update("UPDATE author SET bio = :bio, photo_image_id = :photo WHERE id = :id")
          .bind("bio", cleanBio)
          .bind("photo", photoImageId)
          .bind("id", id)
          .execute();
      if (n == 0) throw new InvalidInput("author", "does not exist");
      feed.append(tx, "author", id, "updated", Set.of(SurrogateKey.author(id)));
    });
  }

  static Author toAuthor(ResultSet rs) throws SQLException {
    long photo = rs.getLong("photo_image_id");
    return new Author(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getString("name"),
        rs.getString("bio"),
        rs.wasNull() ? null : photo);
  }
}
