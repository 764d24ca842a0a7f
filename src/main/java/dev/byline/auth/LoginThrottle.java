package dev.byline.auth;

import dev.byline.store.Database;
import dev.byline.store.Tx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ObjIntConsumer;
import java.util.regex.Pattern;

/**
 * Slows password guessing. Failures are counted per account <em>and network</em> (an IPv4
 * address, or an IPv6 /64, which one household or server usually holds whole), per network, and
 * per account from anywhere, over {@link #WINDOW}. Past a limit a try is not refused outright:
 * {@link SignIn} lets it wait in a {@link SlowLane} and then judges its password, so a guesser
 * elsewhere, or a shared proxy address, slows the owner down but never locks them out. Failures
 * are kept in the database so every node counts the same.
 */
public final class LoginThrottle {
  /** Failures counted over this period. */
  public static final Duration WINDOW = Duration.ofMinutes(15);
  /** A person mistyping from their own network gets five quick tries. */
  public static final int MAX_PER_ACCOUNT_AND_NETWORK = 5;
  /**
   * An office (or a proxy not trusted to report addresses) may hold many people; a guesser trying
   * many accounts from one network is still slowed.
   */
  public static final int MAX_PER_NETWORK = 20;
  /** Guessing one account from many networks is slowed too, everywhere, owner included. */
  public static final int MAX_PER_ACCOUNT = 50;

  /** IPv6 networks are counted by their first 64 bits (4 groups). */
  static final int IPV6_NETWORK_BYTES = 8;

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  /** Why sign-in is slowed for now, and for how long. */
  public record Block(String message, Duration retryAfter) {}

  private final Database db;
  private final Clock clock;

  public LoginThrottle(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Empty when a try may go ahead at once; else it goes the slow way. */
  public Optional<Block> check(String email, String ip) {
    long now = clock.millis();
    long since = now - WINDOW.toMillis();
    var account = normal(email);
    var network = network(ip);
    return db.read(tx -> {
      var mine = recent(
          tx, "email = :e AND ip = :ip", account, network, since, MAX_PER_ACCOUNT_AND_NETWORK);
      if (!account.isEmpty() && mine.size() >= MAX_PER_ACCOUNT_AND_NETWORK) {
        return block(
            "Too many failed sign-ins for this account from your network. Each try now takes a"
                + " few seconds; ask an admin to unlock the account if you need to.",
            mine,
            now);
      }
      var everywhere = recent(tx, "email = :e", account, network, since, MAX_PER_ACCOUNT);
      if (!account.isEmpty() && everywhere.size() >= MAX_PER_ACCOUNT) {
        return block(
            "Too many failed sign-ins for this account. Each try now takes a few seconds.",
            everywhere,
            now);
      }
      var fromNetwork = recent(tx, "ip = :ip", account, network, since, MAX_PER_NETWORK);
      if (fromNetwork.size() >= MAX_PER_NETWORK) {
        return block(
            "Too many failed sign-ins from your network. Each try now takes a few seconds.",
            fromNetwork,
            now);
      }
      return Optional.<Block>empty();
    });
  }

  public void failed(String email, String ip) {
    long now = clock.millis();
    db.useTransaction(tx -> {
      tx.update("DELETE FROM login_failure WHERE at <= :old")
          .bind("old", now - WINDOW.toMillis())
          .execute();
      tx.update("INSERT INTO login_failure (at, email, ip) VALUES (:at, :e, :ip)")
          .bind("at", now)
          .bind("e", normal(email))
          .bind("ip", network(ip))
          .execute();
    });
  }

  /**
   * A correct password clears the account's count from that network. Failures from elsewhere
   * stay: they are someone else's, and one success there proves nothing about them.
   */
  public void succeeded(String email, String ip) {
    db.useTransaction(tx -> tx.update("DELETE FROM login_failure WHERE email = :e AND ip = :ip")
        .bind("e", normal(email))
        .bind("ip", network(ip))
        .execute());
  }

  /**
   * Forgets every failure counted against the account, from any network: an admin's unlock, or
   * a new password (which makes the old guesses worthless), in the caller's unit of work.
   */
  public int lift(Tx tx, String email) {
    return tx.update("DELETE FROM login_failure WHERE email = :e")
        .bind("e", normal(email))
        .execute();
  }

  /**
   * {@link #lift(Tx, String)} on its own, with {@code also} written in the same transaction (its
   * audit entry), told how many failures were forgotten.
   */
  public int lift(String email, ObjIntConsumer<Tx> also) {
    return db.inTransaction(tx -> {
      int n = lift(tx, email);
      also.accept(tx, n);
      return n;
    });
  }

  /** How many failed sign-ins the account has had within the window, from any network. */
  public int recentFailures(String email) {
    return db.read(tx -> tx.query("SELECT COUNT(*) FROM login_failure WHERE email = :e AND at > :s")
        .bind("e", normal(email))
        .bind("s", clock.millis() - WINDOW.toMillis())
        .mapTo(Integer.class)
        .one());
  }

  /**
   * The network an address is counted under: an IPv4 address as it is, an IPv6 address as its
   * /64 ({@code 2001:db8:1:2::/64}); anything else (a unix socket, a name) as it is.
   */
  public static String network(String ip) {
    var v = ip == null ? "" : ip.strip();
    int zone = v.indexOf('%');
    if (zone >= 0) v = v.substring(0, zone);
    if (v.startsWith("[") && v.endsWith("]")) v = v.substring(1, v.length() - 1);
    if (v.indexOf(':') < 0 || !IP_LITERAL.matcher(v).matches()) return clip(v);
    try {
      // A literal with ':' is parsed, never looked up.
      var bytes = InetAddress.getByName(v).getAddress();
      if (bytes.length != 16) return InetAddress.getByAddress(bytes).getHostAddress();
      var prefix = new StringBuilder();
      for (int i = 0; i < IPV6_NETWORK_BYTES; i += 2) {
        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
        prefix.append(':');
      }
      return prefix.append(":/64").toString();
    } catch (UnknownHostException e) {
      return clip(v);
    }
  }

  private static List<Long> recent(
      Tx tx, String where, String account, String network, long since, int limit) {
    // where is one of the constant conditions above; the values are bound, never spliced in.
    var q = tx.query("SELECT at FROM login_failure WHERE " + where
        + " AND at > :since ORDER BY at DESC LIMIT :n");
    if (where.contains(":e")) q.bind("e", account);
    if (where.contains(":ip")) q.bind("ip", network);
    return q.bind("since", since).bind("n", limit).mapTo(Long.class).list();
  }

  private Optional<Block> block(String message, List<Long> newestFirst, long now) {
    long oldestCounted = newestFirst.get(newestFirst.size() - 1);
    var left = oldestCounted + WINDOW.toMillis() - now;
    return Optional.of(new Block(message, Duration.ofMillis(Math.max(1000, left))));
  }

  private static String clip(String v) {
    return v.length() > 64 ? v.substring(0, 64) : v;
  }

  private static String normal(String email) {
    var v = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    return v.length() > 254 ? v.substring(0, 254) : v;
  }
}
