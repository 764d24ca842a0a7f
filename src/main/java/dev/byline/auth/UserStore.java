package dev.byline.auth;

import dev.byline.store.Database;
import dev.byline.store.Transactions;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Owns the {@code app_user} table. Emails are kept lower-case and are how people sign in; the
 * password hash never leaves this class except to {@link SignIn}.
 */
public final class UserStore {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** What sign-in needs to know about an account. */
  record Credentials(
      User user, String passwordHash, boolean disabled, boolean mustChangePassword) {}

  /** An account as admins manage it. */
  public record Account(
      User user, boolean disabled, boolean mustChangePassword, java.time.Instant createdAt) {}

  private final Database db;
  private final PasswordHasher hasher;
  private final Clock clock;

  public UserStore(Database db, PasswordHasher hasher, Clock clock) {
    this.db = db;
    this.hasher = hasher;
    this.clock = clock;
  }

  public User create(
      String email, String name, Role role, String password, boolean mustChangePassword) {
    return create(email, name, role, password, mustChangePassword, (tx, user) -> {});
  }

  /**
   * {@link #create(String, String, Role, String, boolean)}, with {@code also} written in the same
   * transaction (its audit entry). The password is hashed before the transaction begins.
   */
  public User create(
      String email,
      String name,
      Role role,
      String password,
      boolean mustChangePassword,
      BiConsumer<Tx, User> also) {
    var cleanEmail = email(email);
    var cleanName = name(name);
    if (role == null) throw new AccountException("role", "is empty");
    PasswordHasher.checkNew("password", password);
    var hash = hasher.hash(password);
    return db.inTransaction(tx -> {
      if (tx.query("SELECT COUNT(*) FROM app_user WHERE email = :e")
              .bind("e", cleanEmail)
              .mapTo(Integer.class)
              .one()
          > 0) {
        throw new AccountException("email", "\"" + cleanEmail + "\" already has an account");
      }
      long id = tx.query(
              "INSERT INTO app_user (email, name, role, password_hash, must_change_password, created_at) "
                  + "VALUES (:e, :n, :r, :p, :m, :at) RETURNING id")
          .bind("e", cleanEmail)
          .bind("n", cleanName)
          .bind("r", role.dbValue())
          .bind("p", hash)
          .bind("m", mustChangePassword ? 1 : 0)
          .bind("at", clock.millis())
          .mapTo(Long.class)
          .one();
      var user = new User(id, cleanEmail, cleanName, role);
      also.accept(tx, user);
      return user;
    });
  }

  public Optional<User> byId(long id) {
    return account(id).map(Account::user);
  }

  public Optional<Account> account(long id) {
    return db.read(tx -> tx.query("SELECT * FROM app_user WHERE id = :id")
        .bind("id", id)
        .map(rs -> toAccount(rs))
        .findOne());
  }

  public List<Account> all() {
    return db.read(tx -> tx.query("SELECT * FROM app_user ORDER BY name, id")
        .map(rs -> toAccount(rs))
        .list());
  }

  public int count() {
    return db.read(
        tx -> tx.query("SELECT COUNT(*) FROM app_user").mapTo(Integer.class).one());
  }

  Optional<Credentials> credentials(String email) {
    var clean = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    return db.read(tx -> tx.query("SELECT * FROM app_user WHERE email = :e")
        .bind("e", clean)
        .map(rs -> new Credentials(
            toUser(rs),
            rs.getString("password_hash"),
            rs.getInt("disabled") != 0,
            rs.getInt("must_change_password") != 0))
        .findOne());
  }

  Optional<String> passwordHash(long id) {
    return db.read(tx -> tx.query("SELECT password_hash FROM app_user WHERE id = :id")
        .bind("id", id)
        .mapTo(String.class)
        .findOne());
  }

  public void update(long id, String name, Role role, boolean disabled) {
    update(id, name, role, disabled, tx -> {});
  }

  /**
   * {@link #update(long, String, Role, boolean)}, with {@code also} written in the same
   * transaction (sessions ended, its audit entry).
   */
  public void update(long id, String name, Role role, boolean disabled, Transactions.Action also) {
    var cleanName = name(name);
    if (role == null) throw new AccountException("role", "is empty");
    db.useTransaction(tx -> {
      var current = tx.query("SELECT role, disabled FROM app_user WHERE id = :id")
          .bind("id", id)
          .map(rs -> Role.parse(rs.getString("role")) + ":" + rs.getInt("disabled"))
          .findOne()
          .orElseThrow(() -> new AccountException("user", "does not exist"));
      boolean wasActiveAdmin = current.equals(Role.ADMIN + ":0");
      boolean staysActiveAdmin = role == Role.ADMIN && !disabled;
      if (wasActiveAdmin && !staysActiveAdmin && activeAdmins(tx) <= 1) {
        throw new AccountException("role", "cannot change: this is the last active admin");
      }
      tx.update("UPDATE app_user SET name = :n, role = :r, disabled = :d WHERE id = :id")
          .bind("n", cleanName)
          .bind("r", role.dbValue())
          .bind("d", disabled ? 1 : 0)
          .bind("id", id)
          .execute();
      also.in(tx);
    });
  }

  public void setPassword(long id, String password, boolean mustChange) {
    setPassword(id, password, mustChange, tx -> {});
  }

  /**
   * {@link #setPassword(long, String, boolean)}, with {@code also} written in the same
   * transaction (sessions ended, its audit entry). The password is hashed before it begins.
   */
  public void setPassword(long id, String password, boolean mustChange, Transactions.Action also) {
    PasswordHasher.checkNew("password", password);
    var hash = hasher.hash(password);
    db.useTransaction(tx -> {
      int n = tx.update(
              "UPDATE app_user SET password_hash = :p, must_change_password = :m WHERE id = :id")
          .bind("p", hash)
          .bind("m", mustChange ? 1 : 0)
          .bind("id", id)
          .execute();
      if (n == 0) throw new AccountException("user", "does not exist");
      also.in(tx);
    });
  }

  private static int activeAdmins(Tx tx) {
    return tx.query("SELECT COUNT(*) FROM app_user WHERE role = 'admin' AND disabled = 0")
        .mapTo(Integer.class)
        .one();
  }

  static String email(String email) {
    var v = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (v.isEmpty()) throw new AccountException("email", "is empty");
    if (v.length() > 254 || !EMAIL.matcher(v).matches())
      throw new AccountException("email", "is not an email address");
    return v;
  }

  static String name(String name) {
    var v = name == null ? "" : name.strip();
    if (v.isEmpty()) throw new AccountException("name", "is empty");
    if (v.length() > 120) throw new AccountException("name", "is longer than 120 characters");
    for (int i = 0; i < v.length(); i++)
      if (v.charAt(i) < 0x20) throw new AccountException("name", "contains a control character");
    return v;
  }

  private static User toUser(ResultSet rs) throws SQLException {
    return new User(
        rs.getLong("id"),
        rs.getString("email"),
        rs.getString("name"),
        Role.parse(rs.getString("role")));
  }

  private static Account toAccount(ResultSet rs) throws SQLException {
    return new Account(
        toUser(rs),
        rs.getInt("disabled") != 0,
        rs.getInt("must_change_password") != 0,
        java.time.Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
