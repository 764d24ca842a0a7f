package dev.byline.auth;

import java.time.Duration;

/**
 * Checking a password and starting a session. A refused sign-in says the same thing whether
 * the account exists or not, and takes as long; throttling is checked before the password.
 */
public final class SignIn {
  /** What came of a sign-in. */
  public sealed interface Outcome permits Success, Refused, Throttled {}

  /** Signed in: give {@code session.token()} to the browser. */
  public record Success(Sessions.Started session, boolean mustChangePassword) implements Outcome {}

  /** Wrong email or password, or a disabled account. */
  public record Refused(String message) implements Outcome {}

  /** Too many failures; try again after {@code retryAfter}. */
  public record Throttled(String message, Duration retryAfter) implements Outcome {}

  static final String REFUSED = "That email and password do not match an active account.";

  private final UserStore users;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final AuditLog audit;
  private final PasswordHasher hasher;

  public SignIn(
      UserStore users,
      Sessions sessions,
      LoginThrottle throttle,
      AuditLog audit,
      PasswordHasher hasher) {
    this.users = users;
    this.sessions = sessions;
    this.throttle = throttle;
    this.audit = audit;
    this.hasher = hasher;
  }

  public Outcome attempt(String email, String password, String ip, String userAgent) {
    var block = throttle.check(email, ip);
    if (block.isPresent()) {
      audit.record(null, "user.login-throttled", "", null, "email " + clip(email), ip);
      return new Throttled(block.get().message(), block.get().retryAfter());
    }
    var found = users.credentials(email);
    if (found.isEmpty()) {
      hasher.burn(password);
      throttle.failed(email, ip);
      audit.record(null, "user.login-failed", "", null, "unknown email " + clip(email), ip);
      return new Refused(REFUSED);
    }
    var c = found.get();
    if (!hasher.matches(password, c.passwordHash()) || c.disabled()) {
      throttle.failed(email, ip);
      audit.record(
          c.user(),
          "user.login-failed",
          "user",
          c.user().id(),
          c.disabled() ? "account disabled" : "wrong password",
          ip);
      return new Refused(REFUSED);
    }
    throttle.succeeded(email);
    var started = sessions.start(
        c.user(),
        ip,
        userAgent,
        tx -> audit.record(tx, c.user(), "user.login", "user", c.user().id(), "", ip));
    return new Success(started, c.mustChangePassword());
  }

  /** Changes a signed-in user's own password after checking the current one; other sessions end. */
  public void changePassword(
      User user, String current, String next, String confirm, String keepSessionHash, String ip) {
    var hash = users
        .passwordHash(user.id())
        .orElseThrow(() -> new AccountException("user", "does not exist"));
    if (!hasher.matches(current, hash))
      throw new AccountException("current password", "is not right");
    PasswordHasher.checkNew("new password", next);
    if (!next.equals(confirm))
      throw new AccountException("confirm password", "does not match the new password");
    if (next.equals(current))
      throw new AccountException("new password", "must differ from the current one");
    users.setPassword(user.id(), next, false, tx -> {
      sessions.endOthers(tx, user.id(), keepSessionHash);
      audit.record(
          tx, user, "user.password-change", "user", user.id(), "other sessions signed out", ip);
    });
  }

  private static String clip(String s) {
    if (s == null) return "";
    var v = s.strip();
    return v.length() > 80 ? v.substring(0, 80) + "…" : v;
  }
}
