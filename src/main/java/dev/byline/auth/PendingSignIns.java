package dev.byline.auth;

import dev.byline.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Sign-ins half done: the password was right, the code is still to come. Owns {@code
 * signin_pending}. The browser holds a random token; the table only its SHA-256. Nothing here
 * grants access: only {@link SignIn#confirm} turns one into a session, and then it is gone.
 */
public final class PendingSignIns {
  /** Time to find the phone and type a code; after it, the password is asked again. */
  public static final Duration LIFETIME = Duration.ofMinutes(5);

  /** Who is half signed in. */
  public record Pending(User user, boolean mustChangePassword) {}

  private final Database db;
  private final Tokens tokens;
  private final Clock clock;

  public PendingSignIns(Database db, Tokens tokens, Clock clock) {
    this.db = db;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** Returns the token for the browser. */
  String begin(User user, boolean mustChangePassword, String ip) {
    var token = tokens.newToken();
    long now = clock.millis();
    db.useTransaction(tx -> {
      tx.update("DELETE FROM signin_pending WHERE expires_at <= :now")
          .bind("now", now)
          .execute();
      tx.update("INSERT INTO signin_pending (token_hash, user_id, must_change_password, "
              + "expires_at, ip) VALUES (:t, :u, :m, :exp, :ip)")
          .bind("t", Tokens.sha256(token))
          .bind("u", user.id())
          .bind("m", mustChangePassword ? 1 : 0)
          .bind("exp", now + LIFETIME.toMillis())
          .bind("ip", ip == null ? "" : ip.length() > 64 ? ip.substring(0, 64) : ip)
          .execute();
    });
    return token;
  }

  /** The live half-done sign-in for a token; empty when unknown, expired or the account disabled. */
  public Optional<Pending> find(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
    long now = clock.millis();
    return db.read(tx -> tx.query("SELECT u.id, u.email, u.name, u.role, p.must_change_password "
            + "FROM signin_pending p JOIN app_user u ON u.id = p.user_id "
            + "WHERE p.token_hash = :t AND p.expires_at > :now AND u.disabled = 0")
        .bind("t", Tokens.sha256(token))
        .bind("now", now)
        .map(rs -> new Pending(
            new User(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("name"),
                Role.parse(rs.getString("role"))),
            rs.getInt("must_change_password") != 0))
        .findOne());
  }

  /** Ends a half-done sign-in; false when it was already gone (used twice at once, or expired). */
  boolean finish(String token) {
    return db.inTransaction(tx -> tx.update(
                "DELETE FROM signin_pending WHERE token_hash = :t AND expires_at > :now")
            .bind("t", Tokens.sha256(token))
            .bind("now", clock.millis())
            .execute())
        == 1;
  }
}
