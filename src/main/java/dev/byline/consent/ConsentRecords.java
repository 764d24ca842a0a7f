package dev.byline.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.byline.json.Json;
import dev.byline.store.Database;
import dev.byline.store.Query;
import dev.byline.store.Tx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Owns the consent_record table: stores each choice with its proof, and exports them as CSV for
 * the publisher (e.g. to answer a regulator or a reader who asks what they agreed to).
 *
 * <pre>{@code
 * records.save(choice, ClientAddress.of(ctx), ctx.userAgent());     // truncates and hashes before storing
 * records.exportCsv(writer, RecordFilter.ALL);
 * }</pre>
 */
public final class ConsentRecords {
  private static final TypeReference<Map<String, Boolean>> FLAGS = new TypeReference<>() {};
  private final Database db;
  private final Clock clock;

  /** Which records an export or a listing covers; nulls mean no bound. */
  public record RecordFilter(Instant from, Instant until, UUID consentId) {
    public static final RecordFilter ALL = new RecordFilter(null, null, null);
  }

  public ConsentRecords(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Stores a checked choice with the truncated address and hashed user agent; returns the record. */
  public ConsentRecord save(ConsentChoice choice, String clientAddress, String userAgent) {
    var at = clock.instant();
    var ip = IpPrefix.of(clientAddress);
    var ua = UserAgentHash.of(userAgent);
    long id = db.inTransaction(
        tx -> tx.query("INSERT INTO consent_record (consent_id, policy_revision, action, "
                + "categories, services, language, recorded_at, ip_prefix, user_agent_hash) VALUES (:consentId, :revision, :action, "
                + ":categories, :services, :language, :at, :ip, :ua) RETURNING id")
            .bind("consentId", choice.consentId().toString())
            .bind("revision", choice.revision())
            .bind("action", choice.action().id())
            .bind("categories", write(choice.categories()))
            .bind("services", write(choice.services()))
            .bind("language", choice.language())
            .bind("at", at.toEpochMilli())
            .bind("ip", ip)
            .bind("ua", ua)
            .mapTo(Long.class)
            .one());
    return new ConsentRecord(id, choice, at, ip, ua);
  }

  public long count() {
    return db.read(
        tx -> tx.query("SELECT COUNT(*) FROM consent_record").mapTo(Long.class).one());
  }

  /** Newest first, at most {@code limit}. */
  public List<ConsentRecord> latest(RecordFilter filter, int limit) {
    return db.read(tx -> filtered(
            tx, filter, " ORDER BY id DESC LIMIT " + Math.max(1, Math.min(limit, 1000)))
        .map(this::read)
        .list());
  }

  public Optional<ConsentRecord> byId(long id) {
    return db.read(tx -> tx.query("SELECT * FROM consent_record WHERE id = :id")
        .bind("id", id)
        .map(this::read)
        .findOne());
  }

  /** Writes matching records as CSV, oldest first, streaming so any number of rows fits in memory. */
  public long exportCsv(Writer out, RecordFilter filter) {
    try {
      ConsentCsv.header(out);
      long n = db.read(tx -> {
        long count = 0;
        try (var rows = filtered(tx, filter, " ORDER BY id").map(this::read).stream()) {
          for (var it = rows.iterator(); it.hasNext(); count++) ConsentCsv.row(out, it.next());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return count;
      });
      out.flush();
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Query filtered(Tx tx, RecordFilter f, String tail) {
    var sql = new StringBuilder("SELECT * FROM consent_record WHERE 1 = 1");
    if (f.from() != null) sql.append(" AND recorded_at >= :from");
    if (f.until() != null) sql.append(" AND recorded_at < :until");
    if (f.consentId() != null) sql.append(" AND consent_id = :consentId");
    var q = tx.query(sql + tail);
    if (f.from() != null) q.bind("from", f.from().toEpochMilli());
    if (f.until() != null) q.bind("until", f.until().toEpochMilli());
    if (f.consentId() != null) q.bind("consentId", f.consentId().toString());
    return q;
  }

  private ConsentRecord read(ResultSet rs) throws SQLException {
    var choice = new ConsentChoice(
        UUID.fromString(rs.getString("consent_id")),
        rs.getInt("policy_revision"),
        ConsentAction.byId(rs.getString("action")).orElseThrow(),
        parse(rs.getString("categories")),
        parse(rs.getString("services")),
        rs.getString("language"));
    return new ConsentRecord(
        rs.getLong("id"),
        choice,
        Instant.ofEpochMilli(rs.getLong("recorded_at")),
        rs.getString("ip_prefix"),
        rs.getString("user_agent_hash"));
  }

  private String write(Map<String, Boolean> flags) {
    try {
      return Json.MAPPER.writeValueAsString(flags);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Boolean> parse(String text) {
    try {
      return Json.MAPPER.readValue(text, FLAGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "consent_record holds unreadable JSON: " + e.getOriginalMessage(), e);
    }
  }
}
