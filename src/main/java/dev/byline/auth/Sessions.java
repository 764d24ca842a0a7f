package dev.byline.auth;

import dev.byline.store.Database;
import dev.byline.store.Transactions;
import dev.byline.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.ObjIntConsumer;

/**
 * Signed-in browsers, kept in the database so any node can serve them. The browser holds a
 * random token; the table holds only its SHA-256, so reading the table signs nobody in.
 *
 * <pre>{@code
 * var started = sessions.start(user.id(), ip, userAgent);   // set started.token() as the cookie
 * sessions.resolve(cookieValue).ifPresent(s -> ctx.attribute("user", s.user()));
 * }</pre>
 */
public final class Sessions {
  /** A working day and a half without a request ends a session. */
  public static final Duration IDLE_TIMEOUT = Duration.ofHours(12);
  /** However busy, a session ends after two weeks and its holder signs in again. */
  public static final Duration ABSOLUTE_TIMEOUT = Duration.ofDays(14);
  /** Last-seen is written at most this often, so page views do not each cost a write. */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  /** A session just begun: the token goes to the browser once and is never stored. */
  public record Started(String token, User user) {}

  /**
   * A live session as a request sees it; {@code twoFactorOn} tells whether its user has
   * two-factor sign-in on (some roles must, before anything else).
   */
  public record Active(
      String tokenHash,
      User user,
      String csrfToken,
      boolean mustChangePassword,
      Instant createdAt,
      boolean twoFactorOn) {}

  /** A session as its owner sees it in "where you are signed in". */
  public record Listed(
      String tokenHash, Instant createdAt, Instant lastSeenAt, String ip, String userAgent) {}

  private final Database db;
  private final Tokens tokens;
  private final Clock clock;

  public Sessions(Database db, Tokens tokens, Clock clock) {
    this.db = db;
    this.tokens = tokens;
    this.clock = clock;
  }

  public Started start(User user, String ip, String userAgent) {
    return start(user, ip, userAgent, tx -> {});
  }

  /**
   * {@link #start(User, String, String)}, with {@code also} written in the same transaction (the
   * sign-in's audit entry).
   */
  public Started start(User user, String ip, String userAgent, Transactions.Action also) {
    var token = tokens.newToken();
    long now = clock.millis();
    db.useTransaction(tx -> {
      tx.update("DELETE FROM user_session WHERE expires_at < :now OR last_seen_at < :idle")
          .bind("now", now)
          .bind("idle", now - IDLE_TIMEOUT.toMillis())
          .execute();
      tx.update(
              "INSERT INTO user_session (token_hash, user_id, created_at, last_seen_at, expires_at, ip, user_agent) "
                  + "VALUES (:t, :u, :now, :now, :exp, :ip, :ua)")
          .bind("t", Tokens.sha256(token))
          .bind("u", user.id())
          .bind("now", now)
          .bind("exp", now + ABSOLUTE_TIMEOUT.toMillis())
          .bind("ip", clip(ip, 64))
          .bind("ua", clip(userAgent, 300))
          .execute();
      also.in(tx);
    });
    return new Started(token, user);
  }

  /** The live session for a cookie value, or empty when it is unknown, expired or its account disabled. */
  public Optional<Active> resolve(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
    var hash = Tokens.sha256(token);
    long now = clock.millis();
    record Row(
        User user,
        long lastSeen,
        long expires,
        boolean disabled,
        boolean mustChange,
        long created,
        boolean twoFactorOn) {}
    var row = db.read(tx -> tx.query(
            "SELECT u.id, u.email, u.name, u.role, u.disabled, u.must_change_password, "
                + "s.last_seen_at, s.expires_at, s.created_at, t.active AS totp_active "
                + "FROM user_session s JOIN app_user u ON u.id = s.user_id "
                + "LEFT JOIN user_totp t ON t.user_id = u.id WHERE s.token_hash = :t")
        .bind("t", hash)
        .map(rs -> new Row(
            new User(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("name"),
                Role.parse(rs.getString("role"))),
            rs.getLong("last_seen_at"),
            rs.getLong("expires_at"),
            rs.getInt("disabled") != 0,
            rs.getInt("must_change_password") != 0,
            rs.getLong("created_at"),
            rs.getInt("totp_active") == 1))
        .findOne());
    if (row.isEmpty()) return Optional.empty();
    var r = row.get();
    if (r.disabled() || r.expires() <= now || r.lastSeen() + IDLE_TIMEOUT.toMillis() <= now) {
      endByHash(hash);
      return Optional.empty();
    }
    if (now - r.lastSeen() >= TOUCH_EVERY.toMillis()) {
      db.useTransaction(
          tx -> tx.update("UPDATE user_session SET last_seen_at = :now WHERE token_hash = :t")
              .bind("now", now)
              .bind("t", hash)
              .execute());
    }
    return Optional.of(new Active(
        hash,
        r.user(),
        Tokens.csrfFor(token),
        r.mustChange(),
        Instant.ofEpochMilli(r.created()),
        r.twoFactorOn()));
  }

  public void end(String token) {
    end(token, tx -> {});
  }

  /** {@link #end(String)}, with {@code also} written in the same transaction (its audit entry). */
  public void end(String token, Transactions.Action also) {
    db.useTransaction(tx -> {
      if (token != null && !token.isEmpty()) end(tx, Tokens.sha256(token));
      also.in(tx);
    });
  }

  void endByHash(String hash) {
    db.useTransaction(tx -> end(tx, hash));
  }

  private static void end(Tx tx, String hash) {
    tx.update("DELETE FROM user_session WHERE token_hash = :t").bind("t", hash).execute();
  }

  /** Signs the user out in every browser; returns how many sessions ended. */
  public int endAll(long userId) {
    return endAll(userId, (tx, n) -> {});
  }

  /**
   * {@link #endAll(long)}, with {@code also} written in the same transaction, told how many
   * sessions ended (its audit entry).
   */
  public int endAll(long userId, ObjIntConsumer<Tx> also) {
    return db.inTransaction(tx -> {
      int n = endAll(tx, userId);
      also.accept(tx, n);
      return n;
    });
  }

  /** {@link #endAll(long)} inside the caller's unit of work. */
  public int endAll(Tx tx, long userId) {
    return tx.update("DELETE FROM user_session WHERE user_id = :u")
        .bind("u", userId)
        .execute();
  }

  /** Ends every session of the user except the one with {@code keepTokenHash}. */
  public int endOthers(long userId, String keepTokenHash) {
    return db.inTransaction(tx -> endOthers(tx, userId, keepTokenHash));
  }

  /** {@link #endOthers(long, String)} inside the caller's unit of work. */
  public int endOthers(Tx tx, long userId, String keepTokenHash) {
    return tx.update("DELETE FROM user_session WHERE user_id = :u AND token_hash <> :t")
        .bind("u", userId)
        .bind("t", keepTokenHash)
        .execute();
  }

  public List<Listed> of(long userId) {
    return db.read(tx -> tx.query("SELECT token_hash, created_at, last_seen_at, ip, user_agent "
            + "FROM user_session WHERE user_id = :u ORDER BY last_seen_at DESC")
        .bind("u", userId)
        .map(rs -> new Listed(
            rs.getString(1),
            Instant.ofEpochMilli(rs.getLong(2)),
            Instant.ofEpochMilli(rs.getLong(3)),
            rs.getString(4),
            rs.getString(5)))
        .list());
  }

  private static String clip(String s, int max) {
    if (s == null) return "";
    return s.length() > max ? s.substring(0, max) : s;
  }
}
