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
    Tokens tokens) {

  public static Accounts open(Database db, Clock clock) {
    var hasher = new PasswordHasher();
    var tokens = new Tokens();
    var users = new UserStore(db, hasher, clock);
    var sessions = new Sessions(db, tokens, clock);
    var throttle = new LoginThrottle(db, clock);
    var audit = new AuditLog(db, clock);
    return new Accounts(
        users,
        sessions,
        throttle,
        audit,
        new SignIn(users, sessions, throttle, audit, hasher),
        tokens);
  }
}
