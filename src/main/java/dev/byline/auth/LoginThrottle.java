package dev.byline.auth;

import dev.byline.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows password guessing: too many failed sign-ins for one account, or from one address,
 * within {@link #WINDOW} refuse further tries until the oldest failure leaves the window.
 * Failures are kept in the database so every node counts the same.
 */
public final class LoginThrottle {
  /** Failures counted over this period. */
  public static final Duration WINDOW = Duration.ofMinutes(15);
  /** A person mistyping gets five tries; a guesser gets twenty an hour. */
  public static final int MAX_PER_ACCOUNT = 5;
  /** An office behind one address may hold many people; a guesser trying many accounts is still stopped. */
  public static final int MAX_PER_ADDRESS = 20;

  /** Why sign-in is refused for now, and for how long. */
  public record Block(String message, Duration retryAfter) {}

  private final Database db;
  private final Clock clock;

  public LoginThrottle(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Empty when a try may go ahead. */
  public Optional<Block> check(String email, String ip) {
    long now = clock.millis();
    long since = now - WINDOW.toMillis();
    var account = normal(email);
    return db.jdbi().withHandle(h -> {
      var byAccount = h.createQuery(
              "SELECT at FROM login_failure WHERE email = :e AND at > :since ORDER BY at DESC LIMIT :n")
          .bind("e", account)
          .bind("since", since)
          .bind("n", MAX_PER_ACCOUNT)
          .mapTo(Long.class)
          .list();
      if (!account.isEmpty() && byAccount.size() >= MAX_PER_ACCOUNT) {
        var wait = waitFor(byAccount.get(byAccount.size() - 1), now);
        return Optional.of(new Block(
            "Too many failed sign-ins for this account. Try again in " + minutes(wait)
                + ", or ask an admin to reset the password.",
            wait));
      }
      var byAddress = h.createQuery(
              "SELECT at FROM login_failure WHERE ip = :ip AND at > :since ORDER BY at DESC LIMIT :n")
          .bind("ip", ip)
          .bind("since", since)
          .bind("n", MAX_PER_ADDRESS)
          .mapTo(Long.class)
          .list();
      if (byAddress.size() >= MAX_PER_ADDRESS) {
        var wait = waitFor(byAddress.get(byAddress.size() - 1), now);
        return Optional.of(new Block(
            "Too many failed sign-ins from your network. Try again in " + minutes(wait) + ".",
            wait));
      }
      return Optional.<Block>empty();
    });
  }

  public void failed(String email, String ip) {
    long now = clock.millis();
    db.jdbi().useHandle(h -> {
      h.createUpdate("DELETE FROM login_failure WHERE at <= :old")
          .bind("old", now - WINDOW.toMillis())
          .execute();
      h.createUpdate("INSERT INTO login_failure (at, email, ip) VALUES (:at, :e, :ip)")
          .bind("at", now)
          .bind("e", normal(email))
          .bind("ip", ip)
          .execute();
    });
  }

  /** A correct password clears the account's count (not the address's: one success proves little about a network). */
  public void succeeded(String email) {
    db.jdbi()
        .useHandle(h -> h.createUpdate("DELETE FROM login_failure WHERE email = :e")
            .bind("e", normal(email))
            .execute());
  }

  private Duration waitFor(long oldestCounted, long now) {
    var left = oldestCounted + WINDOW.toMillis() - now;
    return Duration.ofMillis(Math.max(1000, left));
  }

  private static String minutes(Duration d) {
    long m = (d.toSeconds() + 59) / 60;
    return m <= 1 ? "a minute" : m + " minutes";
  }

  private static String normal(String email) {
    var v = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    return v.length() > 254 ? v.substring(0, 254) : v;
  }
}
