package dev.byline.auth;

import dev.byline.store.Database;
import dev.byline.store.Transactions;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * API keys: made, listed, revoked and checked. The secret is 32 random bytes shown once; only its
 * SHA-256 is stored. A salted slow hash (as for passwords) buys nothing here: the secret has 256
 * bits of entropy, so no dictionary exists, and a fast hash lets every request be checked by one
 * indexed lookup.
 *
 * <pre>{@code
 * var made = keys.create("Mobile app", Set.of(ApiScope.ARTICLES_WRITE), admin.id());
 * show(made.secret()); // the only time it is seen
 * keys.check(bearerToken).filter(k -> k.allows(ApiScope.ARTICLES_WRITE));
 * }</pre>
 */
public final class ApiKeys {
  /** Secrets start with this, so a leaked one is recognisable in logs and by secret scanners. */
  public static final String SECRET_PREFIX = "byl_";
  /** Characters of the secret kept in clear to tell keys apart: the prefix and four more. */
  static final int HINT_LENGTH = SECRET_PREFIX.length() + 4;
  /** Long enough for a clear name ("Mobile app, iOS"); longer names are typing accidents. */
  public static final int MAX_NAME = 80;
  /** Last use is written at most this often per key, so reads stay reads. */
  static final long LAST_USED_RESOLUTION_MILLIS = 60_000;

  /** A key just made, with its secret: the caller shows it once and forgets it. */
  public record Made(ApiKey key, String secret) {}

  private final Database db;
  private final Tokens tokens;
  private final Clock clock;

  public ApiKeys(Database db, Tokens tokens, Clock clock) {
    this.db = db;
    this.tokens = tokens;
    this.clock = clock;
  }

  public Made create(String name, Set<ApiScope> scopes, Long createdBy) {
    return create(name, scopes, createdBy, (tx, key) -> {});
  }

  /**
   * {@link #create(String, Set, Long)}, with {@code also} written in the same transaction, given
   * the key as stored (its audit entry).
   */
  public Made create(
      String name, Set<ApiScope> scopes, Long createdBy, BiConsumer<Tx, ApiKey> also) {
    var clean = name == null ? "" : name.strip();
    if (clean.isEmpty())
      throw new AccountException("name", "is empty: name who or what will use the key");
    if (clean.length() > MAX_NAME)
      throw new AccountException("name", "is longer than " + MAX_NAME + " characters");
    var secret = SECRET_PREFIX + tokens.newToken();
    long now = clock.millis();
    var key = db.inTransaction(tx -> {
      long id = tx.query(
              "INSERT INTO api_key (name, secret_hash, hint, scopes, created_at, created_by) "
                  + "VALUES (:n, :h, :hint, :s, :at, :by) RETURNING id")
          .bind("n", clean)
          .bind("h", Tokens.sha256(secret))
          .bind("hint", secret.substring(0, HINT_LENGTH))
          .bind("s", scopes.stream().map(ApiScope::value).sorted().collect(Collectors.joining(" ")))
          .bind("at", now)
          .bind("by", createdBy)
          .mapTo(Long.class)
          .one();
      var made = byId(tx, id).orElseThrow();
      also.accept(tx, made);
      return made;
    });
    return new Made(key, secret);
  }

  /** Every key, newest first, revoked ones included. */
  public List<ApiKey> all() {
    return db.read(tx ->
        tx.query("SELECT * FROM api_key ORDER BY id DESC").map(rs -> toKey(rs)).list());
  }

  public Optional<ApiKey> byId(long id) {
    return db.read(tx -> byId(tx, id));
  }

  private static Optional<ApiKey> byId(Tx tx, long id) {
    return tx.query("SELECT * FROM api_key WHERE id = :id")
        .bind("id", id)
        .map(ApiKeys::toKey)
        .findOne();
  }

  /** Revokes a key at once; true when it was working until now. */
  public boolean revoke(long id) {
    return revoke(id, tx -> {});
  }

  /**
   * {@link #revoke(long)}, with {@code also} written in the same transaction when the key was
   * working until now (its audit entry).
   */
  public boolean revoke(long id, Transactions.Action also) {
    return db.inTransaction(tx -> {
      boolean revoked =
          tx.update("UPDATE api_key SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                  .bind("at", clock.millis())
                  .bind("id", id)
                  .execute()
              > 0;
      if (revoked) also.in(tx);
      return revoked;
    });
  }

  /** The working key whose secret this is; empty for an unknown or revoked secret. */
  public Optional<ApiKey> check(String secret) {
    if (secret == null || !secret.startsWith(SECRET_PREFIX)) return Optional.empty();
    var found = db.read(tx -> tx.query("SELECT * FROM api_key WHERE secret_hash = :h")
            .bind("h", Tokens.sha256(secret))
            .map(rs -> toKey(rs))
            .findOne())
        .filter(k -> !k.isRevoked());
    found.ifPresent(this::touch);
    return found;
  }

  private void touch(ApiKey key) {
    long now = clock.millis();
    if (key.lastUsedAt() != null
        && now - key.lastUsedAt().toEpochMilli() < LAST_USED_RESOLUTION_MILLIS) return;
    db.useTransaction(tx -> tx.update("UPDATE api_key SET last_used_at = :at WHERE id = :id")
        .bind("at", now)
        .bind("id", key.id())
        .execute());
  }

  private static ApiKey toKey(ResultSet rs) throws SQLException {
    var scopes = EnumSet.noneOf(ApiScope.class);
    for (var s : rs.getString("scopes").split(" ")) ApiScope.parse(s).ifPresent(scopes::add);
    return new ApiKey(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("hint"),
        scopes,
        Instant.ofEpochMilli(rs.getLong("created_at")),
        instant(rs, "revoked_at"),
        instant(rs, "last_used_at"),
        rs.getObject("created_by") == null ? null : rs.getLong("created_by"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }
}
