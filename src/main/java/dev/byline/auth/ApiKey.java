package dev.byline.auth;

import java.time.Instant;
import java.util.Set;

/**
 * A key as listed: never its secret. {@code hint} is the secret's first characters, enough for an
 * administrator to tell keys apart and too few to guess the rest.
 *
 * @param revokedAt null while the key works
 * @param lastUsedAt null until first used
 * @param createdBy the account that made the key (its owner), or null when none did (made from
 *     the command line)
 */
public record ApiKey(
    long id,
    String name,
    String hint,
    Set<ApiScope> scopes,
    Instant createdAt,
    Instant revokedAt,
    Instant lastUsedAt,
    Long createdBy) {
  public ApiKey {
    scopes = Set.copyOf(scopes);
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public boolean allows(ApiScope scope) {
    return !isRevoked() && scopes.contains(scope);
  }

  /** The name the audit log shows for what this key did. */
  public String actorName() {
    return "API key " + name;
  }
}
