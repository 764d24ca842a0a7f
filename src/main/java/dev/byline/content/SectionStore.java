package dev.byline.content;

import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Owns the section table. Sections are few and read on every page, so callers may cache the list. */
public final class SectionStore {
  private final Database db;
  private final ChangeFeed feed;

  public SectionStore(Database db, ChangeFeed feed) {
    this.db = db;
    this.feed = feed;
  }

  public List<Section> all() {
    return db.read(tx -> tx.query("SELECT * FROM section ORDER BY position, name")
        .map(rs -> new Section(
            rs.getLong("id"),
            rs.getString("slug"),
            rs.getString("name"),
            rs.getString("description"),
            rs.getInt("position")))
        .list());
  }

  public Optional<Section> bySlug(String slug) {
    return all().stream().filter(s -> s.slug().equals(slug)).findFirst();
  }

  public Optional<Section> byId(long id) {
    return all().stream().filter(s -> s.id() == id).findFirst();
  }

  /** Creates the section, or returns the one with that slug. */
  public Section ensure(String slug, String name, String description, int position) {
    new Section(1, slug, name, description, position); // validates before touching the database
    long id = db.inTransaction(tx -> {
      var existing = tx.query("SELECT id FROM section WHERE slug = :slug")
          .bind("slug", slug)
          .mapTo(Long.class)
          .findOne();
      if (existing.isPresent()) return existing.get();
      long newId = tx.query("INSERT INTO section (slug, name, description, position) "
              + "VALUES (:slug, :name, :description, :position) RETURNING id")
          .bind("slug", slug)
          .bind("name", name.strip())
          .bind("description", description == null ? "" : description.strip())
          .bind("position", position)
          .mapTo(Long.class)
          .one();
      feed.append(tx, "section", newId, "created", Set.of("section:" + newId, "front", "sections"));
      return newId;
    });
    return byId(id).orElseThrow();
  }

  public void update(Section section) {
    db.useTransaction(tx -> {
      int n = tx.update(
              "UPDATE section SET slug = :slug, name = :name, description = :d, position = :p WHERE id = :id")
          .bind("slug", section.slug())
          .bind("name", section.name())
          .bind("d", section.description())
          .bind("p", section.position())
          .bind("id", section.id())
          .execute();
      if (n == 0) throw new InvalidInput("section", "does not exist");
      feed.append(
          tx,
          "section",
          section.id(),
          "updated",
          Set.of("section:" + section.id(), "front", "sections"));
    });
  }
}
