package dev.byline.content;

import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Owns the author table. */
public final class AuthorStore {
  private final Database db;
  private final ChangeFeed feed;

  public AuthorStore(Database db, ChangeFeed feed) {
    this.db = db;
    this.feed = feed;
  }

  public Optional<Author> bySlug(String slug) {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT * FROM author WHERE slug = :slug")
            .bind("slug", slug)
            .map((rs, ctx) -> toAuthor(rs))
            .findOne());
  }

  public List<Author> all() {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT * FROM author ORDER BY name")
            .map((rs, ctx) -> toAuthor(rs))
            .list());
  }

  public Optional<Author> byId(long id) {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT * FROM author WHERE id = :id")
            .bind("id", id)
            .map((rs, ctx) -> toAuthor(rs))
            .findOne());
  }

  /** The author with this name, ignoring case, if there is one. */
  public Optional<Author> named(String name) {
    return db.jdbi()
        .withHandle(h -> h.createQuery(
                "SELECT * FROM author WHERE LOWER(name) = LOWER(:n) ORDER BY id LIMIT 1")
            .bind("n", name == null ? "" : name.strip())
            .map((rs, ctx) -> toAuthor(rs))
            .findOne());
  }

  /** Changes name, bio and photo; the slug, and so the author's URL, stays. */
  public void update(long id, String name, String bio, Long photoImageId) {
    var cleanName = Text.required("author name", name, 120);
    var cleanBio = Text.optional("author bio", bio, 2000);
    db.jdbi().useTransaction(h -> {
      if (photoImageId != null
          && h.createQuery("SELECT COUNT(*) FROM image WHERE id = :id")
                  .bind("id", photoImageId)
                  .mapTo(Integer.class)
                  .one()
              == 0) {
        throw new InvalidInput("author photo", "image " + photoImageId + " does not exist");
      }
      int n = h.createUpdate(
              "UPDATE author SET name = :n, bio = :bio, photo_image_id = :photo WHERE id = :id")
          .bind("n", cleanName)
          .bind("bio", cleanBio)
          .bind("photo", photoImageId)
          .bind("id", id)
          .execute();
      if (n == 0) throw new InvalidInput("author", "does not exist");
      var keys = new java.util.LinkedHashSet<String>();
      keys.add("author:" + id);
      h.createQuery("SELECT article_id FROM article_author WHERE author_id = :id")
          .bind("id", id)
          .mapTo(Long.class)
          .forEach(a -> keys.add("article:" + a));
      feed.append(h, "author", id, "updated", keys);
    });
    feed.committed();
  }

  /** The author with this name, created when new. */
  public Author ensure(String name) {
    var clean = Text.required("author name", name, 120);
    var author = db.jdbi().inTransaction(h -> ensure(h, clean));
    feed.committed();
    return author;
  }

  /** {@link #ensure(String)} inside the caller's transaction. */
  public Author ensure(Handle h, String name) {
    var existing = h.createQuery("SELECT * FROM author WHERE name = :name")
        .bind("name", name)
        .map((rs, ctx) -> toAuthor(rs))
        .findOne();
    if (existing.isPresent()) return existing.get();
    var base = Slugs.from(name);
    if (base.isEmpty()) base = "author";
    var slug = base;
    for (int i = 2;
        h.createQuery("SELECT COUNT(*) FROM author WHERE slug = :s")
                .bind("s", slug)
                .mapTo(Integer.class)
                .one()
            > 0;
        i++) {
      slug = base + "-" + i;
    }
    long id = h.createQuery("INSERT INTO author (slug, name) VALUES (:slug, :name) RETURNING id")
        .bind("slug", slug)
        .bind("name", name)
        .mapTo(Long.class)
        .one();
    feed.append(h, "author", id, "created", Set.of("author:" + id));
    return new Author(id, slug, name, "", null);
  }

  public void updateProfile(long id, String bio, Long photoImageId) {
    var cleanBio = Text.optional("author bio", bio, 2000);
    db.jdbi().useTransaction(h -> {
      int n = h.createUpdate("UPDATE author SET bio = :bio, photo_image_id = :photo WHERE id = :id")
          .bind("bio", cleanBio)
          .bind("photo", photoImageId)
          .bind("id", id)
          .execute();
      if (n == 0) throw new InvalidInput("author", "does not exist");
      feed.append(h, "author", id, "updated", Set.of("author:" + id));
    });
    feed.committed();
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
