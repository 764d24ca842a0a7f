package dev.byline.auth;

import dev.byline.store.Database;
import java.time.Clock;

/**
 * The auth feature's parts, built together over one database: what the web layer and the
 * {@code byline user} command need.
 */
public record Accounts(
    UserStore users,
    Sessions sessions,
    LoginThrottle throttle,
    AuditLog audit,
    SignIn signIn,
    TwoFactor twoFactor,
    SignInRules rules,
    Tokens tokens) {

  public static Accounts open(Database db, Clock clock) {
    return open(db, clock, SignInRules.DEFAULT);
  }

  public static Accounts open(Database db, Clock clock, SignInRules rules) {
    var hasher = new PasswordHasher();
    var tokens = new Tokens();
    var users = new UserStore(db, hasher, clock);
    var sessions = new Sessions(db, tokens, clock);
    var throttle = new LoginThrottle(db, clock);
    var audit = new AuditLog(db, clock);
    var twoFactor = new TwoFactor(db, audit, clock);
    var signIn = new SignIn(
        users,
        sessions,
        throttle,
        new SlowLane(rules.slowDelay(), SlowLane.SLEEP),
        audit,
        hasher,
        twoFactor,
        new PendingSignIns(db, tokens, clock));
    return new Accounts(users, sessions, throttle, audit, signIn, twoFactor, rules, tokens);
  }
}
