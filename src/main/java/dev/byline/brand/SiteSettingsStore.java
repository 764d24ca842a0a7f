package dev.byline.brand;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.byline.content.InvalidInput;
import dev.byline.json.Json;
import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import dev.byline.store.DerivedCache;
import dev.byline.store.SurrogateKey;
import dev.byline.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns {@code site_settings_revision}. The newest revision is in force; it is read on every page
 * render, so it is kept in memory until a save anywhere appends a change (the change feed purges
 * it on every node before the page cache drops the pages that showed the old settings).
 *
 * <pre>{@code
 * var s = store.current();
 * store.save(new SiteSettings(...), userId, (tx, revision) -> audit.record(tx, ...));
 * }</pre>
 */
public final class SiteSettingsStore {
  /** A saved revision, newest first in {@link #revisions}. */
  public record Revision(long number, Instant savedAt, Long savedBy, SiteSettings settings) {}

  private static final Logger log = LoggerFactory.getLogger(SiteSettingsStore.class);

  private final Database db;
  private final ChangeFeed feed;
  private final Clock clock;
  private final Supplier<SiteSettings> defaults;
  private final DerivedCache<String, SiteSettings> current;

  /** @param defaults the settings in force before the first save (from the configuration) */
  public SiteSettingsStore(
      Database db, ChangeFeed feed, Clock clock, Supplier<SiteSettings> defaults) {
    this.db = db;
    this.feed = feed;
    this.clock = clock;
    this.defaults = defaults;
    this.current = feed.derivedCache(1);
  }

  /** The settings in force. */
  public SiteSettings current() {
    return current.get(
        "current",
        k -> new DerivedCache.Entry<>(
            db.read(tx -> newest(tx)).orElseGet(defaults), Set.of(SurrogateKey.SETTINGS)));
  }

  /**
   * Stores {@code settings} as a new revision and appends one change naming the pages that show
   * what differs; {@code also} runs in the same unit of work with the new revision's number (the
   * audit entry), so both are stored or neither is.
   *
   * @return the keys purged, empty when nothing differed (nothing is then stored)
   */
  public Set<String> save(SiteSettings settings, Long savedBy, BiConsumer<Tx, Long> also) {
    return db.inTransaction(tx -> {
      var before = newest(tx).orElseGet(defaults);
      var keys = new HashSet<>(settings.keysChangedSince(before));
      if (keys.isEmpty()) return Set.<String>of();
      long number = tx.query("SELECT COALESCE(MAX(revision), 0) + 1 FROM site_settings_revision")
          .mapTo(Long.class)
          .one();
      tx.update("INSERT INTO site_settings_revision (revision, saved_at, saved_by, settings) "
              + "VALUES (:r, :at, :by, :s)")
          .bind("r", number)
          .bind("at", clock.millis())
          .bind("by", savedBy)
          .bind("s", json(settings))
          .execute();
      also.accept(tx, number);
      keys.add(SurrogateKey.SETTINGS);
      feed.append(tx, "settings", number, "updated", keys);
      return Set.copyOf(keys);
    });
  }

  /** The latest revisions, newest first. */
  public List<Revision> revisions(int limit) {
    return db.read(tx -> tx.query("SELECT revision, saved_at, saved_by, settings "
            + "FROM site_settings_revision ORDER BY revision DESC LIMIT :n")
        .bind("n", limit)
        .map(rs -> new Revision(
            rs.getLong("revision"),
            Instant.ofEpochMilli(rs.getLong("saved_at")),
            (Long) rs.getObject("saved_by", Long.class),
            read(rs.getString("settings")).orElse(null)))
        .list());
  }

  private java.util.Optional<SiteSettings> newest(Tx tx) {
    return tx.query("SELECT settings FROM site_settings_revision ORDER BY revision DESC LIMIT 1")
        .mapTo(String.class)
        .findOne()
        .flatMap(SiteSettingsStore::read);
  }

  private static String json(SiteSettings s) {
    try {
      return Json.MAPPER.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("settings always serialise", e);
    }
  }

  /**
   * A stored revision, or empty when it no longer passes today's rules (a language dropped, a
   * stricter check): the site then runs on its defaults rather than not at all, and says so.
   */
  private static java.util.Optional<SiteSettings> read(String json) {
    try {
      return java.util.Optional.of(Json.MAPPER.readValue(json, SiteSettings.class));
    } catch (JsonProcessingException | InvalidInput e) {
      log.warn("event=settings_unreadable reason=\"{}\"", e.getMessage());
      return java.util.Optional.empty();
    }
  }
}
