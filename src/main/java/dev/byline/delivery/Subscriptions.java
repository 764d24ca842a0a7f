package dev.byline.delivery;

import dev.byline.content.InvalidInput;
import dev.byline.store.Database;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Owns the webhook subscriptions: who hears of which article events, with which secret. */
public final class Subscriptions {
  /** 32 random bytes: as strong as the HMAC-SHA256 key can use. */
  static final int SECRET_BYTES = 32;

  static final int MAX_URL = 2_000;

  private final Database db;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Subscriptions(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Adds a subscriber with a fresh secret. The address must be http or https with a host; whether
   * it is a private address is checked at each send, since names can resolve differently later.
   */
  public Subscription create(String url, Set<Event> events) {
    var checked = checkUrl(url);
    if (events.isEmpty()) throw new InvalidInput("events", "has none chosen");
    var secret = HexFormat.of().formatHex(bytes());
    long now = clock.millis();
    long id = db.inTransaction(
        tx -> tx.query("INSERT INTO webhook_subscription (url, secret, events, active, created_at) "
                + "VALUES (:url, :secret, :events, 1, :now) RETURNING id")
            .bind("url", checked)
            .bind("secret", secret)
            .bind("events", names(events))
            .bind("now", now)
            .mapTo(Long.class)
            .one());
    return new Subscription(id, checked, secret, events, true, Instant.ofEpochMilli(now));
  }

  private byte[] bytes() {
    var b = new byte[SECRET_BYTES];
    random.nextBytes(b);
    return b;
  }

  /** Stops deliveries to a subscriber; what was delivered stays in the log. */
  public void deactivate(long id) {
    int n = db.inTransaction(
        tx -> tx.update("UPDATE webhook_subscription SET active = 0 WHERE id = :id")
            .bind("id", id)
            .execute());
    if (n == 0) throw new InvalidInput("subscription", "does not exist");
  }

  public Optional<Subscription> byId(long id) {
    return db.read(tx -> tx.query("SELECT * FROM webhook_subscription WHERE id = :id")
        .bind("id", id)
        .map(Subscriptions::read)
        .findOne());
  }

  /** Every subscription, active ones first, newest first. */
  public List<Subscription> all() {
    return db.read(
        tx -> tx.query("SELECT * FROM webhook_subscription ORDER BY active DESC, id DESC")
            .map(Subscriptions::read)
            .list());
  }

  public List<Subscription> active() {
    return all().stream().filter(Subscription::active).toList();
  }

  static String checkUrl(String url) {
    var text = url == null ? "" : url.strip();
    if (text.isEmpty()) throw new InvalidInput("url", "is empty");
    if (text.length() > MAX_URL)
      throw new InvalidInput("url", "is longer than " + MAX_URL + " characters");
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("url", "is not a valid address");
    }
    var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https"))
      throw new InvalidInput("url", "must start with https:// or http://");
    if (uri.getHost() == null || uri.getHost().isEmpty())
      throw new InvalidInput("url", "names no host");
    if (uri.getUserInfo() != null) throw new InvalidInput("url", "must not carry a user name");
    return text;
  }

  private static String names(Set<Event> events) {
    return events.stream().sorted().map(Event::wireName).collect(Collectors.joining(" "));
  }

  private static Subscription read(ResultSet rs) throws SQLException {
    var events = EnumSet.noneOf(Event.class);
    for (var name : rs.getString("events").split(" ")) Event.ofAction(name).ifPresent(events::add);
    return new Subscription(
        rs.getLong("id"),
        rs.getString("url"),
        rs.getString("secret"),
        events,
        rs.getInt("active") == 1,
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
