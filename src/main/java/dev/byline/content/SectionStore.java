package dev.byline.content;

import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import dev.byline.store.DerivedCache;
import dev.byline.store.SurrogateKey;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Owns the section table. Sections are few and read on every page, so the list is kept in memory
 * until a section changes (the change feed purges it, on every node).
 */
public final class SectionStore {
  private final Database db;
  private final ChangeFeed feed;
  private final DerivedCache<String, List<Section>> list;

  public SectionStore(Database db, ChangeFeed feed) {
    this.db = db;
    this.feed = feed;
    this.list = feed.derivedCache(1);
  }

  /** Every section, in navigation order. */
  public List<Section> all() {
    return list.get(
        "all",
        k -> new DerivedCache.Entry<>(
            List.copyOf(db.read(tx -> tx.query("SELECT * FROM section ORDER BY position, name")
                .map(SectionStore::toSection)
                .list())),
            Set.of(SurrogateKey.SECTIONS)));
  }

  public Optional<Section> bySlug(String slug) {
    return all().stream().filter(s -> s.slug().equals(slug)).findFirst();
  }

  public Optional<Section> byId(long id) {
    return all().stream().filter(s -> s.id() == id).findFirst();
  }

  /** True when the section exists, as seen inside the caller's unit of work. */
  public boolean exists(Tx tx, long id) {
    return tx.query("SELECT COUNT(*) FROM section WHERE id = :id")
            .bind("id", id)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** Creates the section, or returns the one with that slug. */
  public Section ensure(String slug, String name, String description, int position) {
    long id =
        db.inTransaction(tx -> ensure(tx, slug, name, description, position).id());
    return byId(id).orElseThrow();
  }

  /** {@link #ensure(String, String, String, int)} inside the caller's unit of work. */
  public Section ensure(Tx tx, String slug, String name, String description, int position) {
    var checked = new Section(1, slug, name, description, position); // validates first
    var existing = tx.query("SELECT id FROM section WHERE slug = :slug")
        .bind("slug", slug)
        .mapTo(Long.class)
        .findOne();
    if (existing.isPresent()) return byId(tx, existing.get());
    long newId = tx.query("INSERT INTO section (slug, name, description, position) "
            + "VALUES (:slug, :name, :description, :position) RETURNING id")
        .bind("slug", slug)
        .bind("name", name.strip())
        .bind("description", description == null ? "" : description.strip())
        .bind("position", position)
        .mapTo(Long.class)
        .one();
    feed.append(
        tx,
        "section",
        newId,
        "created",
        Set.of(SurrogateKey.section(newId), SurrogateKey.FRONT, SurrogateKey.SECTIONS));
    return new Section(
        newId, checked.slug(), checked.name(), checked.description(), checked.position());
  }

  private static Section byId(Tx tx, long id) {
    return tx.query("SELECT * FROM section WHERE id = :id")
        .bind("id", id)
        .map(SectionStore::toSection)
        .one();
  }

  public void update(Section section) {
    db.useTransaction(tx -> update(tx, section));
  }

  /** {@link #update(Section)} inside the caller's unit of work. */
  public void update(Tx tx, Section section) {
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
        Set.of(SurrogateKey.section(section.id()), SurrogateKey.FRONT, SurrogateKey.SECTIONS));
  }

  private static Section toSection(ResultSet rs) throws SQLException {
    return new Section(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getInt("position"));
  }
}
