package dev.byline.store;

import java.util.Optional;

/** Small named facts a site must remember across restarts, shared by every node. */
public final class SiteState {
  private final Database db;

  public SiteState(Database db) {
    this.db = db;
  }

  public Optional<String> get(String name) {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT value FROM site_state WHERE name = :n")
            .bind("n", name)
            .mapTo(String.class)
            .findOne());
  }

  public void put(String name, String value) {
    db.jdbi()
        .useHandle(h -> h.createUpdate("INSERT INTO site_state (name, value) VALUES (:n, :v) "
                + "ON CONFLICT (name) DO UPDATE SET value = excluded.value")
            .bind("n", name)
            .bind("v", value)
            .execute());
  }
}
