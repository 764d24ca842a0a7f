package dev.byline.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes (PHC string format, salt and parameters inside). Parameters are the
 * OWASP minimum for Argon2id: 19 MiB of memory, 2 passes, 1 lane; about 50 ms on a laptop core.
 *
 * <pre>{@code
 * var hash = hasher.hash("correct horse battery staple");
 * hasher.matches("correct horse battery staple", hash); // true
 * }</pre>
 */
public final class PasswordHasher {
  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  static final int HASH_BYTES = 32;
  static final int SALT_BYTES = 16;
  /** Long enough to resist guessing together with throttling; NIST SP 800-63B asks for at least 8. */
  public static final int MIN_LENGTH = 10;
  /** Bounds the work one sign-in can ask of the server. */
  public static final int MAX_LENGTH = 200;

  private final Argon2Function argon2 = Argon2Function.getInstance(
      MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
  /**
   * Checked against when an account does not exist, so a miss costs what a hit costs. Made on
   * the first such check, not at start-up, where one Argon2 hash cost about a tenth of the time
   * to the first served page.
   */
  private volatile String decoy;

  public PasswordHasher() {}

  public String hash(String password) {
    return Password.hash(password).addRandomSalt(SALT_BYTES).with(argon2).getResult();
  }

  public boolean matches(String password, String hash) {
    if (password == null
        || password.length() > MAX_LENGTH
        || hash == null
        || !hash.startsWith("$argon2id$")) return false;
    try {
      return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Spends the time a real check would, for an unknown account. */
  public void burn(String password) {
    matches(password == null ? "" : password, decoy());
  }

  private String decoy() {
    var d = decoy;
    if (d == null)
      decoy = d = hash("decoy-password-never-matches"); // a race makes two; either serves
    return d;
  }

  /** Checks a new password; the message names the field. */
  public static void checkNew(String field, String password) {
    if (password == null || password.isEmpty()) throw new AccountException(field, "is empty");
    if (password.length() < MIN_LENGTH)
      throw new AccountException(field, "must be at least " + MIN_LENGTH + " characters");
    if (password.length() > MAX_LENGTH)
      throw new AccountException(field, "must be at most " + MAX_LENGTH + " characters");
    if (password.isBlank()) throw new AccountException(field, "cannot be only spaces");
  }
}
