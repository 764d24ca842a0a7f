package dev.byline.newsletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.byline.json.Json;
import dev.byline.store.Database;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Owns the sends and the message queue. A send and one message per confirmed subscriber are
 * written in one transaction; each message then moves pending → sending (claimed, with a lease)
 * → sent, failed or skipped, one commit per step, so after any stop the table says exactly who
 * has had which send.
 */
public final class Sends {
  static final String PENDING = "pending";
  static final String SENDING = "sending";
  static final String SENT = "sent";
  static final String FAILED = "failed";
  static final String SKIPPED = "skipped";
  /** Longest error text kept; an SMTP reply line and a little more. */
  static final int MAX_ERROR = 500;

  private static final TypeReference<List<Story>> STORIES = new TypeReference<>() {};
  private final Database db;
  private final String messageIdHost;

  /** @param messageIdHost the right-hand side of Message-IDs, the sender's domain */
  public Sends(Database db, String messageIdHost) {
    this.db = db;
    this.messageIdHost = messageIdHost;
  }

  /**
   * Makes a send for every confirmed subscriber, unless one with {@code key} exists already
   * (a second node, a double click, a restart on the same day): then empty.
   */
  Optional<Send> create(
      String key, String kind, String subject, List<Story> stories, String by, long now) {
    return db.inTransaction(tx -> {
      var made = tx.query("INSERT INTO newsletter_send (send_key, kind, subject, payload, "
              + "created_by, created_at) VALUES (:key, :kind, :subject, :payload, :by, :now) "
              + "ON CONFLICT (send_key) DO NOTHING RETURNING id")
          .bind("key", key)
          .bind("kind", kind)
          .bind("subject", subject)
          .bind("payload", write(stories))
          .bind("by", by)
          .bind("now", now)
          .mapTo(Long.class)
          .findOne();
      if (made.isEmpty()) return Optional.<Send>empty();
      long id = made.get();
      int n = tx.update("INSERT INTO newsletter_message (send_id, subscriber_id, kind, message_id, "
              + "status, attempts, next_at, created_at) SELECT :send, s.id, :kind, "
              + "'<' || :sendText || '.' || s.id || '.newsletter@' || :host || '>', 'pending', 0, :now, :now "
              + "FROM newsletter_subscriber s WHERE s.status = 'confirmed'")
          .bind("send", id)
          .bind("sendText", Long.toString(id))
          .bind("kind", kind)
          .bind("host", messageIdHost)
          .bind("now", now)
          .execute();
      tx.update("UPDATE newsletter_send SET recipients = :n WHERE id = :id")
          .bind("n", n)
          .bind("id", id)
          .execute();
      return Optional.of(
          new Send(id, key, kind, subject, stories, by, Instant.ofEpochMilli(now), n));
    });
  }

  /** Queues the confirmation mail of a request, in the request's transaction. */
  void queueConfirmation(Tx tx, long subscriberId, String nonce, long now) {
    tx.update(
            "INSERT INTO newsletter_message (subscriber_id, kind, message_id, status, attempts, "
                + "next_at, created_at, payload) VALUES (:s, 'confirm', :mid, 'pending', 0, :now, :now, :nonce)")
        .bind("s", subscriberId)
        .bind("mid", "<confirm." + subscriberId + "." + Hashes.nonce() + "@" + messageIdHost + ">")
        .bind("now", now)
        .bind("nonce", nonce)
        .execute();
  }

  /** Drops what is still queued for a subscriber who left or was suppressed. */
  void skipQueued(Tx tx, long subscriberId, String reason, long now) {
    tx.update("UPDATE newsletter_message SET status = 'skipped', last_error = :r, sent_at = :now, "
            + "payload = NULL WHERE subscriber_id = :s AND status = 'pending'")
        .bind("r", reason)
        .bind("now", now)
        .bind("s", subscriberId)
        .execute();
  }

  /**
   * Claims up to {@code limit} due messages until {@code leaseUntil}: pending ones, and ones
   * whose earlier claim's lease ran out (a node that stopped mid-send). The outer conditions are
   * checked again on each row as it is updated, so two nodes never claim the same message.
   */
  List<QueuedMessage> claim(int limit, long now, long leaseUntil) {
    return db.inTransaction(tx -> {
      var ids = tx.query("UPDATE newsletter_message SET status = 'sending', next_at = :lease, "
              + "attempts = attempts + 1 WHERE id IN (SELECT id FROM newsletter_message "
              + "WHERE status IN ('pending', 'sending') AND next_at <= :now ORDER BY next_at, id LIMIT :n) "
              + "AND status IN ('pending', 'sending') AND next_at <= :now RETURNING id")
          .bind("lease", leaseUntil)
          .bind("now", now)
          .bind("n", limit)
          .mapTo(Long.class)
          .list();
      if (ids.isEmpty()) return List.<QueuedMessage>of();
      return tx.query(
              "SELECT m.*, s.address, s.status AS subscriber_status, s.unsubscribe_key FROM newsletter_message m "
                  + "JOIN newsletter_subscriber s ON s.id = m.subscriber_id WHERE m.id IN (<ids>) ORDER BY m.id")
          .bindList("ids", ids)
          .map(Sends::readMessage)
          .list();
    });
  }

  /** Marks a message sent: the SMTP server accepted it. */
  void sent(long id, long now) {
    finish(id, SENT, null, now, now);
  }

  void retryAt(long id, String error, long nextAt) {
    finish(id, PENDING, error, nextAt, null);
  }

  void failed(long id, String error, long now) {
    finish(id, FAILED, error, now, now);
  }

  void skipped(long id, String reason, long now) {
    finish(id, SKIPPED, reason, now, now);
  }

  /** Gives back claimed messages not yet tried (a stop), without counting an attempt. */
  void release(List<QueuedMessage> messages, long nextAt) {
    if (messages.isEmpty()) return;
    db.useTransaction(tx -> tx.update("UPDATE newsletter_message SET status = 'pending', "
            + "next_at = :next, attempts = attempts - 1 WHERE id IN (<ids>) AND status = 'sending'")
        .bind("next", nextAt)
        .bindList("ids", messages.stream().map(QueuedMessage::id).toList())
        .execute());
  }

  private void finish(long id, String status, String error, long nextAt, Long doneAt) {
    var text =
        error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    db.useTransaction(tx -> tx.update("UPDATE newsletter_message SET status = :status, "
            + "last_error = COALESCE(:error, last_error), next_at = :next, sent_at = :done, "
            + "payload = CASE WHEN :status = 'pending' THEN payload ELSE NULL END "
            + "WHERE id = :id AND status = 'sending'")
        .bind("status", status)
        .bind("error", text)
        .bind("next", nextAt)
        .bind("done", doneAt)
        .bind("id", id)
        .execute());
  }

  /** When the next queued message falls due (or a claim's lease runs out), if any is queued. */
  Optional<Long> nextAt() {
    return db.read(tx -> tx.query("SELECT MIN(next_at) FROM newsletter_message "
            + "WHERE status IN ('pending', 'sending')")
        .mapTo(Long.class)
        .findOne());
  }

  public Optional<Send> send(long id) {
    return db.read(tx -> tx.query("SELECT * FROM newsletter_send WHERE id = :id")
        .bind("id", id)
        .map(this::readSend)
        .findOne());
  }

  /** The newest sends with how far each has gone. */
  public List<Send.Progress> recent(int limit) {
    return db.read(tx -> {
      var sends = tx.query("SELECT * FROM newsletter_send ORDER BY id DESC LIMIT :n")
          .bind("n", limit)
          .map(this::readSend)
          .list();
      var out = new ArrayList<Send.Progress>();
      for (var s : sends) {
        int[] c = new int[4];
        tx.query(
                "SELECT status, COUNT(*) FROM newsletter_message WHERE send_id = :id GROUP BY status")
            .bind("id", s.id())
            .map(rs -> {
              switch (rs.getString(1)) {
                case SENT -> c[1] += rs.getInt(2);
                case FAILED -> c[2] += rs.getInt(2);
                case SKIPPED -> c[3] += rs.getInt(2);
                default -> c[0] += rs.getInt(2);
              }
              return null;
            })
            .list();
        out.add(new Send.Progress(s, c[0], c[1], c[2], c[3]));
      }
      return out;
    });
  }

  /** Messages of one send still queued or in flight, for tests and the benchmark. */
  public long unfinished(long sendId) {
    return db.read(tx -> tx.query("SELECT COUNT(*) FROM newsletter_message WHERE send_id = :id "
            + "AND status IN ('pending', 'sending')")
        .bind("id", sendId)
        .mapTo(Long.class)
        .one());
  }

  /** A message's state by subscriber and send, for tests and the admin page. */
  public Optional<String> status(long sendId, long subscriberId) {
    return db.read(tx -> tx.query("SELECT status FROM newsletter_message WHERE send_id = :s "
            + "AND subscriber_id = :sub")
        .bind("s", sendId)
        .bind("sub", subscriberId)
        .mapTo(String.class)
        .findOne());
  }

  private Send readSend(ResultSet rs) throws SQLException {
    return new Send(
        rs.getLong("id"),
        rs.getString("send_key"),
        rs.getString("kind"),
        rs.getString("subject"),
        read(rs.getString("payload")),
        rs.getString("created_by"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        rs.getInt("recipients"));
  }

  private static QueuedMessage readMessage(ResultSet rs) throws SQLException {
    long send = rs.getLong("send_id");
    Long sendId = rs.wasNull() ? null : send;
    return new QueuedMessage(
        rs.getLong("id"),
        sendId,
        rs.getLong("subscriber_id"),
        rs.getString("address"),
        rs.getString("subscriber_status"),
        rs.getString("unsubscribe_key"),
        rs.getString("kind"),
        rs.getString("message_id"),
        rs.getInt("attempts"),
        rs.getLong("created_at"),
        rs.getString("payload"));
  }

  private static String write(List<Story> stories) {
    try {
      return Json.MAPPER.writeValueAsString(stories);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Story> read(String json) {
    try {
      return Json.MAPPER.readValue(json, STORIES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "newsletter_send holds unreadable JSON: " + e.getOriginalMessage(), e);
    }
  }
}
