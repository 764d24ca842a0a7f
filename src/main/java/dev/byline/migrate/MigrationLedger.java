package dev.byline.migrate;

import dev.byline.store.Database;
import dev.byline.store.Tx;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Owns the record of what imports did with each item of an export, by site ("origin"), kind and
 * the export's own id. Written in the same transaction as what the item became, so after a crash
 * a second run knows exactly what is done: an import is resumed by running it again.
 */
public final class MigrationLedger {
  private final Database db;
  private final Clock clock;

  public MigrationLedger(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** One row: what an item became. {@code targetId} is null for what was skipped. */
  record Entry(
      String origin,
      String kind,
      String sourceId,
      Long targetId,
      String outcome,
      String parentId,
      String fileKey,
      String legacy) {}

  /** An attachment of a post, as the attachment pass left it. */
  record Child(String sourceId, Long imageId, String parentId, String legacy) {}

  /** Which of {@code ids} an earlier run already dealt with. */
  Set<String> done(Tx tx, String origin, String kind, Collection<String> ids) {
    if (ids.isEmpty()) return Set.of();
    return new HashSet<>(tx.query(
            "SELECT source_id FROM migration_item WHERE origin = :o AND kind = :k AND source_id IN (<ids>)")
        .bind("o", origin)
        .bind("k", kind)
        .bindList("ids", List.copyOf(ids))
        .mapTo(String.class)
        .list());
  }

  Set<String> done(String origin, String kind, Collection<String> ids) {
    return db.read(tx -> done(tx, origin, kind, ids));
  }

  void record(Tx tx, Entry e) {
    tx.update("INSERT INTO migration_item (origin, kind, source_id, target_id, outcome, parent_id, "
            + "file_key, legacy, imported_at) VALUES (:o, :k, :s, :t, :out, :p, :f, :l, :at)")
        .bind("o", e.origin())
        .bind("k", e.kind())
        .bind("s", e.sourceId())
        .bind("t", e.targetId())
        .bind("out", e.outcome())
        .bind("p", e.parentId())
        .bind("f", e.fileKey())
        .bind("l", e.legacy())
        .bind("at", clock.millis())
        .execute();
  }

  void record(Entry e) {
    db.useTransaction(tx -> record(tx, e));
  }

  /** What an item became (an article or image id), if an import stored it. */
  Optional<Long> target(Tx tx, String origin, String kind, String sourceId) {
    return tx.query(
            "SELECT target_id FROM migration_item WHERE origin = :o AND kind = :k AND source_id = :s "
                + "AND target_id IS NOT NULL")
        .bind("o", origin)
        .bind("k", kind)
        .bind("s", sourceId)
        .mapTo(Long.class)
        .findOne();
  }

  /** The image an attachment's file became, by the file's key ("2024/04/quay.jpg"). */
  Optional<Long> imageByFile(Tx tx, String origin, String fileKey) {
    return tx.query("SELECT target_id FROM migration_item WHERE origin = :o AND file_key = :f "
            + "AND kind = 'attachment' AND target_id IS NOT NULL ORDER BY source_id LIMIT 1")
        .bind("o", origin)
        .bind("f", fileKey)
        .mapTo(Long.class)
        .findOne();
  }

  /** The attachments whose parent is one of {@code parentIds}. */
  List<Child> children(Tx tx, String origin, Collection<String> parentIds) {
    if (parentIds.isEmpty()) return List.of();
    return tx.query("SELECT source_id, target_id, parent_id, legacy FROM migration_item "
            + "WHERE origin = :o AND kind = 'attachment' AND parent_id IN (<ids>)")
        .bind("o", origin)
        .bindList("ids", List.copyOf(parentIds))
        .map(rs -> {
          long t = rs.getLong("target_id");
          Long image = rs.wasNull() ? null : t;
          return new Child(
              rs.getString("source_id"), image, rs.getString("parent_id"), rs.getString("legacy"));
        })
        .list();
  }

  /** How many items of a site an import recorded, by kind and outcome. */
  java.util.Map<String, Integer> counts(String origin) {
    var out = new java.util.TreeMap<String, Integer>();
    return db.read(tx -> {
      tx.query("SELECT kind, outcome, COUNT(*) AS n FROM migration_item WHERE origin = :o "
              + "GROUP BY kind, outcome")
          .bind("o", origin)
          .map(rs -> java.util.Map.entry(
              rs.getString("kind") + "/" + rs.getString("outcome"), rs.getInt("n")))
          .forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    });
  }
}
