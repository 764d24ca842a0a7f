package dev.byline.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * Checking a password (and, for an account with two-factor sign-in, a code) and starting a
 * session. A refused sign-in says the same thing whether the account exists or not, and takes as
 * long. A throttled try is not refused unseen: it waits in the {@link SlowLane} and is then judged
 * like any other, so the right password still gets in while guessing stays slow.
 */
public final class SignIn {
  /** What came of a sign-in step. */
  public sealed interface Outcome permits Success, SecondStep, Refused, Throttled, Expired {}

  /** Signed in: give {@code session.token()} to the browser. */
  public record Success(Sessions.Started session, boolean mustChangePassword) implements Outcome {}

  /**
   * The password was right and the account asks for a code: give {@code pendingToken} to the
   * browser, which sends it back with the code to {@link #confirm} within {@link
   * PendingSignIns#LIFETIME}. No session exists yet.
   */
  public record SecondStep(String pendingToken) implements Outcome {}

  /** Wrong email, password or code, or a disabled account. */
  public record Refused(String message) implements Outcome {}

  /** Too many failures: this try was refused, or not judged at all; try again after {@code retryAfter}. */
  public record Throttled(String message, Duration retryAfter) implements Outcome {}

  /** The half-finished sign-in is unknown or older than {@link PendingSignIns#LIFETIME}. */
  public record Expired(String message) implements Outcome {}

  static final String REFUSED = "That email and password do not match an active account.";
  static final String WRONG_CODE = "That code is not right, or was already used. Try the next one.";
  static final String EXPIRED = "Your sign-in took too long. Please enter your password again.";
  static final String BUSY = "Too many sign-ins are waiting right now. Try again in a few seconds.";

  private final UserStore users;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final SlowLane slowLane;
  private final AuditLog audit;
  private final PasswordHasher hasher;
  private final TwoFactor twoFactor;
  private final PendingSignIns pending;

  public SignIn(
      UserStore users,
      Sessions sessions,
      LoginThrottle throttle,
      SlowLane slowLane,
      AuditLog audit,
      PasswordHasher hasher,
      TwoFactor twoFactor,
      PendingSignIns pending) {
    this.users = users;
    this.sessions = sessions;
    this.throttle = throttle;
    this.slowLane = slowLane;
    this.audit = audit;
    this.hasher = hasher;
    this.twoFactor = twoFactor;
    this.pending = pending;
  }

  /** The half-finished sign-in a browser's token stands for, if still live. */
  public Optional<PendingSignIns.Pending> pending(String pendingToken) {
    return pending.find(pendingToken);
  }

  /** The first step: email and password. */
  public Outcome attempt(String email, String password, String ip, String userAgent) {
    var block = throttle.check(email, ip);
    if (block.isEmpty()) return judgePassword(email, password, ip, userAgent, Optional.empty());
    return slowLane
        .after(() -> judgePassword(email, password, ip, userAgent, block))
        .orElseGet(() -> busy(email, ip));
  }

  /** The second step: a code from the authenticator app, or a recovery code. */
  public Outcome confirm(String pendingToken, String code, String ip, String userAgent) {
    var found = pending.find(pendingToken);
    if (found.isEmpty()) return new Expired(EXPIRED);
    var half = found.get();
    var block = throttle.check(half.user().email(), ip);
    if (block.isEmpty()) return judgeCode(pendingToken, half, code, ip, userAgent, block);
    return slowLane
        .after(() -> judgeCode(pendingToken, half, code, ip, userAgent, block))
        .orElseGet(() -> busy(half.user().email(), ip));
  }

  private Outcome judgePassword(
      String email,
      String password,
      String ip,
      String userAgent,
      Optional<LoginThrottle.Block> block) {
    var found = users.credentials(email);
    if (found.isEmpty()) {
      hasher.burn(password);
      throttle.failed(email, ip);
      audit.record(null, failedAction(block), "", null, "unknown email " + clip(email), ip);
      return refused(REFUSED, block);
    }
    var c = found.get();
    if (!hasher.matches(password, c.passwordHash()) || c.disabled()) {
      throttle.failed(email, ip);
      audit.record(
          c.user(),
          failedAction(block),
          "user",
          c.user().id(),
          c.disabled() ? "account disabled" : "wrong password",
          ip);
      return refused(REFUSED, block);
    }
    if (twoFactor.isOn(c.user().id())) {
      return new SecondStep(pending.begin(c.user(), c.mustChangePassword(), ip));
    }
    return start(c.user(), c.mustChangePassword(), ip, userAgent, block, "");
  }

  private Outcome judgeCode(
      String pendingToken,
      PendingSignIns.Pending p,
      String code,
      String ip,
      String userAgent,
      Optional<LoginThrottle.Block> block) {
    var used = twoFactor.check(p.user().id(), code);
    if (used.isEmpty()) {
      throttle.failed(p.user().email(), ip);
      audit.record(p.user(), failedAction(block), "user", p.user().id(), "wrong code", ip);
      return refused(WRONG_CODE, block);
    }
    if (!pending.finish(pendingToken)) return new Expired(EXPIRED);
    return start(p.user(), p.mustChangePassword(), ip, userAgent, block, used.get());
  }

  private Outcome start(
      User user,
      boolean mustChangePassword,
      String ip,
      String userAgent,
      Optional<LoginThrottle.Block> block,
      String how) {
    throttle.succeeded(user.email(), ip);
    var detail = how + (block.isPresent() ? " after a throttled wait" : "");
    var started = sessions.start(
        user,
        ip,
        userAgent,
        tx -> audit.record(tx, user, "user.login", "user", user.id(), detail.strip(), ip));
    return new Success(started, mustChangePassword);
  }

  private static String failedAction(Optional<LoginThrottle.Block> block) {
    return block.isPresent() ? "user.login-throttled" : "user.login-failed";
  }

  private static Outcome refused(String message, Optional<LoginThrottle.Block> block) {
    return block
        .<Outcome>map(b -> new Throttled(b.message(), b.retryAfter()))
        .orElseGet(() -> new Refused(message));
  }

  /** Every lane is taken: turned away unjudged, and not counted as a failure. */
  private Outcome busy(String email, String ip) {
    audit.record(null, "user.login-throttled", "", null, "busy, email " + clip(email), ip);
    return new Throttled(BUSY, Duration.ofSeconds(Math.max(1, slowLane.delay().toSeconds())));
  }

  /**
   * Changes a signed-in user's own password after checking the current one; other sessions end
   * and the account's throttle is lifted (old guesses are worthless now).
   */
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
      throttle.lift(tx, user.email());
      audit.record(
          tx, user, "user.password-change", "user", user.id(), "other sessions signed out", ip);
    });
  }

  /** Whether {@code password} is the user's current one (to turn two-factor sign-in off). */
  public boolean passwordMatches(User user, String password) {
    return users.passwordHash(user.id()).map(h -> hasher.matches(password, h)).orElse(false);
  }

  static String clip(String s) {
    if (s == null) return "";
    var v = s.strip();
    return v.length() > 80 ? v.substring(0, 80) + "…" : v;
  }
}
