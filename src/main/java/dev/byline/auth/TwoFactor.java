package dev.byline.auth;

import dev.byline.store.Database;
import dev.byline.store.Tx;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Two-factor sign-in: owns {@code user_totp} and {@code user_recovery_code}. A user
 * <em>enrols</em> (a new secret, not yet in force), <em>confirms</em> with a code from the app
 * (now it is on, and ten recovery codes are shown once), and later signs in with a code, or with
 * a recovery code, each good once. A code's 30-second step is remembered, so a code seen over a
 * shoulder cannot be used again.
 *
 * <pre>{@code
 * var secret = twoFactor.enrol(user);                 // show Totp.uri(issuer, email, secret)
 * List<String> recovery = twoFactor.confirm(user, "123456", ip);
 * twoFactor.check(user.id(), typed);                  // "code" / "recovery code" / empty
 * }</pre>
 */
public final class TwoFactor {
  /** Recovery codes per set: enough for a lost phone or two, few enough to keep on paper. */
  public static final int RECOVERY_CODES = 10;
  /** 16 Base32 letters: 80 random bits, far beyond guessing at throttled speed. */
  static final int RECOVERY_CODE_LENGTH = 16;

  private static final String RECOVERY_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

  /** Where a user stands; {@code recoveryLeft} counts unused recovery codes. */
  public record Status(boolean on, boolean enrolling, int recoveryLeft) {}

  private final Database db;
  private final AuditLog audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public TwoFactor(Database db, AuditLog audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  public boolean isOn(long userId) {
    return status(userId).on();
  }

  public Status status(long userId) {
    return db.read(tx -> {
      var active = tx.query("SELECT active FROM user_totp WHERE user_id = :u")
          .bind("u", userId)
          .mapTo(Integer.class)
          .findOne();
      int left = tx.query(
              "SELECT COUNT(*) FROM user_recovery_code WHERE user_id = :u AND used_at IS NULL")
          .bind("u", userId)
          .mapTo(Integer.class)
          .one();
      return new Status(
          active.map(a -> a != 0).orElse(false), active.map(a -> a == 0).orElse(false), left);
    });
  }

  /**
   * Starts enrolling: a new secret replaces any unconfirmed one. Refused while two-factor sign-in
   * is on (turn it off first), so a stolen session cannot quietly move it to another phone.
   */
  public String enrol(User user) {
    var bytes = new byte[Totp.SECRET_BYTES];
    random.nextBytes(bytes);
    var secret = Totp.base32(bytes);
    db.useTransaction(tx -> {
      if (active(tx, user.id()))
        throw new AccountException("two-factor sign-in", "is already on; turn it off first");
      tx.update("DELETE FROM user_totp WHERE user_id = :u").bind("u", user.id()).execute();
      tx.update("INSERT INTO user_totp (user_id, secret, active, last_step, created_at) "
              + "VALUES (:u, :s, 0, 0, :now)")
          .bind("u", user.id())
          .bind("s", secret)
          .bind("now", clock.millis())
          .execute();
    });
    return secret;
  }

  /** The secret being enrolled, to show again; empty when not enrolling. */
  public Optional<String> enrolling(long userId) {
    return db.read(tx -> tx.query("SELECT secret FROM user_totp WHERE user_id = :u AND active = 0")
        .bind("u", userId)
        .mapTo(String.class)
        .findOne());
  }

  /**
   * Turns two-factor sign-in on once the app shows the right code; returns the new recovery
   * codes, which are stored only hashed and so can be shown only now.
   */
  public List<String> confirm(User user, String code, String ip) {
    var secret = enrolling(user.id())
        .orElseThrow(() -> new AccountException("code", "has nothing to confirm: start again"));
    var step = Totp.matchingStep(secret, code, clock.millis());
    if (step.isEmpty())
      throw new AccountException("code", "is not right: check the app and try the newest code");
    var codes = newRecoveryCodes();
    db.useTransaction(tx -> {
      int n = tx.update("UPDATE user_totp SET active = 1, last_step = :s "
              + "WHERE user_id = :u AND active = 0 AND secret = :secret")
          .bind("s", step.getAsLong())
          .bind("u", user.id())
          .bind("secret", secret)
          .execute();
      if (n != 1) throw new AccountException("code", "has nothing to confirm: start again");
      replaceRecoveryCodes(tx, user.id(), codes);
      audit.record(tx, user, "user.2fa-on", "user", user.id(), "authenticator app added", ip);
    });
    return codes;
  }

  /**
   * Takes a code from the app (never one of a step already used) or an unused recovery code,
   * spending it. Returns what was used, for the audit log, or empty when neither matches.
   */
  public Optional<String> check(long userId, String typed) {
    var clean = typed == null ? "" : typed.strip();
    var secret =
        db.read(tx -> tx.query("SELECT secret FROM user_totp WHERE user_id = :u AND active = 1")
            .bind("u", userId)
            .mapTo(String.class)
            .findOne());
    if (secret.isEmpty()) return Optional.empty();
    var step = Totp.matchingStep(secret.get(), clean, clock.millis());
    if (step.isPresent()) {
      // Only a step newer than the last accepted one moves it on: a replayed code changes nothing.
      int n = db.inTransaction(tx -> tx.update(
              "UPDATE user_totp SET last_step = :s WHERE user_id = :u AND active = 1 AND last_step < :s")
          .bind("s", step.getAsLong())
          .bind("u", userId)
          .execute());
      return n == 1 ? Optional.of("code") : Optional.empty();
    }
    var normal = normalRecovery(clean);
    if (normal.length() != RECOVERY_CODE_LENGTH) return Optional.empty();
    int n = db.inTransaction(tx -> tx.update("UPDATE user_recovery_code SET used_at = :now "
            + "WHERE user_id = :u AND code_hash = :h AND used_at IS NULL")
        .bind("now", clock.millis())
        .bind("u", userId)
        .bind("h", Tokens.sha256(normal))
        .execute());
    return n >= 1 ? Optional.of("recovery code") : Optional.empty();
  }

  /** A fresh set of recovery codes; the old ones stop working. Only while two-factor is on. */
  public List<String> regenerate(User user, String ip) {
    var codes = newRecoveryCodes();
    db.useTransaction(tx -> {
      if (!active(tx, user.id()))
        throw new AccountException("two-factor sign-in", "is off: turn it on first");
      replaceRecoveryCodes(tx, user.id(), codes);
      audit.record(
          tx, user, "user.2fa-recovery-codes", "user", user.id(), "new recovery codes", ip);
    });
    return codes;
  }

  /** The user's own turning off (the caller has checked a code or the password). */
  public void turnOff(User user, String ip) {
    remove(user, user, "user.2fa-off", "turned off by the user", ip);
  }

  /** An admin's reset, for a lost phone: the user signs in with the password alone, or enrols again. */
  public void reset(User admin, User user, String ip) {
    remove(admin, user, "user.2fa-reset", "reset by an admin", ip);
  }

  private void remove(User by, User user, String action, String detail, String ip) {
    db.useTransaction(tx -> {
      tx.update("DELETE FROM user_totp WHERE user_id = :u").bind("u", user.id()).execute();
      tx.update("DELETE FROM user_recovery_code WHERE user_id = :u")
          .bind("u", user.id())
          .execute();
      audit.record(tx, by, action, "user", user.id(), detail, ip);
    });
  }

  private static boolean active(Tx tx, long userId) {
    return tx.query("SELECT COUNT(*) FROM user_totp WHERE user_id = :u AND active = 1")
            .bind("u", userId)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  private static void replaceRecoveryCodes(Tx tx, long userId, List<String> codes) {
    tx.update("DELETE FROM user_recovery_code WHERE user_id = :u")
        .bind("u", userId)
        .execute();
    for (var code : codes) {
      tx.update("INSERT INTO user_recovery_code (user_id, code_hash) VALUES (:u, :h)")
          .bind("u", userId)
          .bind("h", Tokens.sha256(normalRecovery(code)))
          .execute();
    }
  }

  private List<String> newRecoveryCodes() {
    var codes = new ArrayList<String>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      var code = new StringBuilder();
      for (int j = 0; j < RECOVERY_CODE_LENGTH; j++) {
        if (j > 0 && j % 4 == 0) code.append('-');
        code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
      }
      codes.add(code.toString());
    }
    return List.copyOf(codes);
  }

  /** Recovery codes are taken in any case, with or without their dashes and spaces. */
  private static String normalRecovery(String typed) {
    return typed.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
  }
}
