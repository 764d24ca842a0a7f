package dev.byline.newsletter;

import dev.byline.consent.IpPrefix;
import dev.byline.consent.UserAgentHash;
import dev.byline.store.Database;
import dev.byline.store.Tx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Owns the subscriber, consent-proof and suppression tables. Every change of a subscriber's
 * state is written with its proof in one transaction; a request also queues its confirmation
 * mail in that transaction, so no subscriber waits for a mail that was never queued.
 */
public final class Subscribers {
  /** How soon an address may be sent another confirmation mail, so the form cannot flood it. */
  static final Duration RESEND_AFTER = Duration.ofMinutes(10);

  /** What became of a subscription request; the public page says the same for each. */
  public enum Requested {
    /** A confirmation mail is queued. */
    MAILED,
    /** Confirmed already, or a confirmation was mailed moments ago: nothing sent. */
    UNCHANGED,
    /** The address is suppressed: nothing is ever sent to it. */
    SUPPRESSED
  }

  /** What the caller records in the same transaction (an audit entry), given the subscriber id. */
  @FunctionalInterface
  public interface AlsoInTransaction {
    void run(Tx tx, long subscriberId);
  }

  private final Database db;
  private final Sends sends;

  public Subscribers(Database db, Sends sends) {
    this.db = db;
    this.sends = sends;
  }

  /**
   * Records a request and queues the confirmation mail (whose link carries {@code nonce}). An
   * address that left, or never confirmed, starts again as pending with a new nonce.
   */
  Requested request(
      EmailAddress address, Proof proof, String nonce, Duration confirmWithin, long now) {
    if (suppressed(address)) return Requested.SUPPRESSED;
    return db.inTransaction(tx -> {
      var existing = byAddress(tx, address.value());
      if (existing.isPresent()) {
        var s = existing.get();
        if (s.confirmed()) return Requested.UNCHANGED;
        var expires = confirmExpires(tx, s.id());
        long askedAt = expires == null ? 0 : expires - confirmWithin.toMillis();
        if (s.status().equals(Subscriber.PENDING) && now - askedAt < RESEND_AFTER.toMillis())
          return Requested.UNCHANGED;
      }
      long id = existing.isPresent() ? existing.get().id() : insert(tx, address, now);
      tx.update("UPDATE newsletter_subscriber SET status = 'pending', confirm_hash = :hash, "
              + "confirm_expires = :expires WHERE id = :id")
          .bind("hash", Hashes.sha256(nonce))
          .bind("expires", now + confirmWithin.toMillis())
          .bind("id", id)
          .execute();
      proof(tx, id, "requested", proof, now);
      sends.queueConfirmation(tx, id, nonce, now);
      return Requested.MAILED;
    });
  }

  /** Confirms a pending subscriber whose nonce matches and has not expired; once only. */
  boolean confirm(long id, String nonce, Proof proof, long now) {
    return db.inTransaction(tx -> {
      int n = tx.update(
              "UPDATE newsletter_subscriber SET status = 'confirmed', confirmed_at = :now, "
                  + "confirm_hash = NULL, confirm_expires = NULL WHERE id = :id AND status = 'pending' "
                  + "AND confirm_hash = :hash AND confirm_expires > :now")
          .bind("now", now)
          .bind("id", id)
          .bind("hash", Hashes.sha256(nonce))
          .execute();
      if (n == 1) proof(tx, id, "confirmed", proof, now);
      return n == 1;
    });
  }

  /** Takes a subscriber off the list and drops what was still queued for them. */
  boolean unsubscribe(long id, Proof proof, long now) {
    return db.inTransaction(tx -> {
      int n = tx.update(
              "UPDATE newsletter_subscriber SET status = 'unsubscribed', "
                  + "unsubscribed_at = :now, confirm_hash = NULL WHERE id = :id AND status <> 'unsubscribed'")
          .bind("now", now)
          .bind("id", id)
          .execute();
      if (n == 1) {
        proof(tx, id, "unsubscribed", proof, now);
        sends.skipQueued(tx, id, "unsubscribed", now);
      }
      return n == 1;
    });
  }

  /** The key that signs a subscriber's unsubscribe link. */
  Optional<String> unsubscribeKey(long id) {
    return db.read(
        tx -> tx.query("SELECT unsubscribe_key FROM newsletter_subscriber WHERE id = :id")
            .bind("id", id)
            .mapTo(String.class)
            .findOne());
  }

  public Optional<Subscriber> byId(long id) {
    return db.read(tx -> tx.query("SELECT * FROM newsletter_subscriber WHERE id = :id")
        .bind("id", id)
        .map(Subscribers::read)
        .findOne());
  }

  public Optional<Subscriber> byAddress(EmailAddress address) {
    return db.read(tx -> byAddress(tx, address.value()));
  }

  /** Subscribers by status. */
  public Map<String, Long> counts() {
    var counts = new LinkedHashMap<String, Long>();
    for (var s : new String[] {Subscriber.CONFIRMED, Subscriber.PENDING, Subscriber.UNSUBSCRIBED})
      counts.put(s, 0L);
    db.read(tx -> {
      tx.query("SELECT status, COUNT(*) FROM newsletter_subscriber GROUP BY status")
          .map(rs -> Map.entry(rs.getString(1), rs.getLong(2)))
          .forEach(e -> counts.put(e.getKey(), e.getValue()));
      return null;
    });
    return counts;
  }

  public long suppressedCount() {
    return db.read(tx -> tx.query("SELECT COUNT(*) FROM newsletter_suppression")
        .mapTo(Long.class)
        .one());
  }

  /**
   * Writes subscribers as CSV, oldest first, with the proof of their latest request and
   * confirmation; {@code address} empty for all, or one address for a reader's own request.
   */
  public long exportCsv(Writer out, Optional<EmailAddress> address) {
    try {
      SubscriberCsv.header(out);
      long n = db.read(tx -> {
        var q = tx.query(SubscriberCsv.QUERY + (address.isPresent() ? " WHERE s.address = :a" : "")
            + " ORDER BY s.id");
        address.ifPresent(a -> q.bind("a", a.value()));
        long count = 0;
        try (var rows = q.fetchSize(500).map(SubscriberCsv::row).stream()) {
          for (var it = rows.iterator(); it.hasNext(); count++) out.write(it.next());
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

  /**
   * Erases a subscriber for a data-protection request: the row, its consent proofs and its queued
   * and sent messages. The suppression list, which holds a hash and no address, stays, so an
   * address that bounced or complained is still never mailed. Returns the erased id.
   */
  public Optional<Long> delete(EmailAddress address, AlsoInTransaction audit) {
    return db.inTransaction(tx -> {
      var s = byAddress(tx, address.value());
      if (s.isEmpty()) return Optional.<Long>empty();
      long id = s.get().id();
      tx.update("DELETE FROM newsletter_message WHERE subscriber_id = :id")
          .bind("id", id)
          .execute();
      tx.update("DELETE FROM newsletter_consent WHERE subscriber_id = :id")
          .bind("id", id)
          .execute();
      tx.update("DELETE FROM newsletter_subscriber WHERE id = :id")
          .bind("id", id)
          .execute();
      audit.run(tx, id);
      return Optional.of(id);
    });
  }

  /** Consent proofs kept for one subscriber, oldest first, as CSV-ready event names. */
  public long proofCount(long subscriberId) {
    return db.read(
        tx -> tx.query("SELECT COUNT(*) FROM newsletter_consent WHERE subscriber_id = :id")
            .bind("id", subscriberId)
            .mapTo(Long.class)
            .one());
  }

  /** Never mails {@code address} again. True when it was not suppressed before. */
  boolean suppress(EmailAddress address, String reason, String detail, long now) {
    var text = detail == null ? "" : detail.length() > 500 ? detail.substring(0, 500) : detail;
    return db.inTransaction(tx -> {
      int n = tx.update("INSERT INTO newsletter_suppression (address_hash, reason, detail, "
              + "suppressed_at) VALUES (:h, :r, :d, :now) ON CONFLICT (address_hash) DO NOTHING")
          .bind("h", addressHash(address))
          .bind("r", reason)
          .bind("d", text)
          .bind("now", now)
          .execute();
      byAddress(tx, address.value())
          .ifPresent(s -> sends.skipQueued(tx, s.id(), "suppressed", now));
      return n == 1;
    });
  }

  public boolean suppressed(EmailAddress address) {
    return db.read(
            tx -> tx.query("SELECT COUNT(*) FROM newsletter_suppression WHERE address_hash = :h")
                .bind("h", addressHash(address))
                .mapTo(Long.class)
                .one())
        > 0;
  }

  static String addressHash(EmailAddress address) {
    return Hashes.sha256(address.value());
  }

  private static long insert(Tx tx, EmailAddress address, long now) {
    return tx.query(
            "INSERT INTO newsletter_subscriber (address, status, unsubscribe_key, created_at) "
                + "VALUES (:a, 'pending', :k, :now) RETURNING id")
        .bind("a", address.value())
        .bind("k", Hashes.nonce())
        .bind("now", now)
        .mapTo(Long.class)
        .one();
  }

  private static Long confirmExpires(Tx tx, long id) {
    return tx.query("SELECT confirm_expires FROM newsletter_subscriber WHERE id = :id")
        .bind("id", id)
        .map(rs -> {
          long v = rs.getLong(1);
          return rs.wasNull() ? null : v;
        })
        .one();
  }

  private static void proof(Tx tx, long id, String event, Proof p, long now) {
    tx.update("INSERT INTO newsletter_consent (subscriber_id, event, wording_version, wording, "
            + "language, recorded_at, ip_prefix, user_agent_hash) VALUES (:id, :event, :version, "
            + ":wording, :language, :now, :ip, :ua)")
        .bind("id", id)
        .bind("event", event)
        .bind("version", p.wording().version())
        .bind("wording", p.wording().text())
        .bind("language", p.wording().language())
        .bind("now", now)
        .bind("ip", IpPrefix.of(p.clientAddress()))
        .bind("ua", UserAgentHash.of(p.userAgent()))
        .execute();
  }

  private static Optional<Subscriber> byAddress(Tx tx, String address) {
    return tx.query("SELECT * FROM newsletter_subscriber WHERE address = :a")
        .bind("a", address)
        .map(Subscribers::read)
        .findOne();
  }

  static Subscriber read(ResultSet rs) throws SQLException {
    return new Subscriber(
        rs.getLong("id"),
        rs.getString("address"),
        rs.getString("status"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        instant(rs, "confirmed_at"),
        instant(rs, "unsubscribed_at"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }
}
