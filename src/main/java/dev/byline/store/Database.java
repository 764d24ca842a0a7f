package dev.byline.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.byline.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The one source of truth. Opens SQLite (default, a file in the data directory) or PostgreSQL,
 * migrates it with Flyway from {@code db/migration/<dialect>}, and hands out a {@link Jdbi}.
 *
 * <pre>{@code
 * try (var db = Database.open(config)) {
 *   db.jdbi().useHandle(h -> h.execute("SELECT 1"));
 * }
 * }</pre>
 */
public final class Database implements Transactions, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  /** Long enough to ride out a checkpoint or a bulk import's commit, short enough to surface a stuck writer. */
  static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;
  /** SQLite has one writer; more connections only help readers under WAL. */
  static final int SQLITE_POOL_SIZE = 8;

  static final int POSTGRES_POOL_SIZE = 16;

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Dialect dialect;
  private final String displayUrl;
  private final ReadOnlyRecovery recovery;

  private Database(
      HikariDataSource dataSource, Dialect dialect, String displayUrl, ReadOnlyRecovery recovery) {
    this.dataSource = dataSource;
    this.recovery = recovery;
    this.dialect = dialect;
    this.displayUrl = displayUrl;
    this.jdbi = Jdbi.create(dataSource);
    this.jdbi.setStatementBuilderFactory(connection -> new ReusedStatements());
  }

  /** Opens and migrates; fails with one message naming the database and the reason. */
  public static Database open(Config config) {
    var url = config.jdbcUrl();
    var dialect = Dialect.of(url);
    var display = url.replaceAll("(?i)password=[^&;]*", "password=***");
    HikariDataSource ds;
    var recovery = new ReadOnlyRecovery();
    try {
      ds = dialect == Dialect.SQLITE ? sqlite(url, recovery) : postgres(url, config, recovery);
      recovery.watch(ds);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open database " + display + ": " + rootMessage(e), e);
    }
    try {
      migrate(ds, dialect);
    } catch (FlywayException e) {
      ds.close();
      throw new StoreException("cannot migrate database " + display + ": " + rootMessage(e), e);
    }
    log.info("event=database_open dialect={} url={}", dialect, display);
    return new Database(ds, dialect, display, recovery);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * Runs {@code work} outside a transaction, each statement on its own: for reads, which then
   * never wait for a writer.
   */
  public <T> T read(Work<T> work) {
    var tx = new Tx[1];
    T result = jdbi.withHandle(h -> work.in(tx[0] = new Tx(h)));
    tx[0].committed();
    return result;
  }

  @Override
  public <T> T inTransaction(Work<T> work) {
    var tx = new Tx[1];
    T result = jdbi.inTransaction(h -> work.in(tx[0] = new Tx(h)));
    recovery.wrote();
    tx[0].committed();
    return result;
  }

  /**
   * Whether {@code failure} is the database refusing a write because it is read-only (a file
   * made read-only, a server in read-only mode): for health checks that must say so.
   */
  public static boolean refusedAsReadOnly(Throwable failure) {
    return ReadOnlyRecovery.readOnly(failure);
  }

  @Override
  public void useTransaction(Action action) {
    inTransaction(tx -> {
      action.in(tx);
      return null;
    });
  }

  /**
   * Runs {@code work} in a transaction that is always rolled back: to see what a change would
   * look like (a preview) without making it.
   */
  public <T> T rolledBack(Work<T> work) {
    return jdbi.withHandle(h -> {
      h.begin();
      try {
        return work.in(new Tx(h));
      } finally {
        h.rollback();
      }
    });
  }

  public Dialect dialect() {
    return dialect;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The URL with any password masked, for logs and messages. */
  public String displayUrl() {
    return displayUrl;
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static HikariDataSource sqlite(String url, ReadOnlyRecovery recovery) {
    var path = Path.of(url.substring("jdbc:sqlite:".length()));
    var parent = path.toAbsolutePath().getParent();
    try {
      if (parent != null) Files.createDirectories(parent);
    } catch (Exception e) {
      throw new StoreException("cannot create folder " + parent + ": " + e.getMessage(), e);
    }
    var sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.enforceForeignKeys(true);
    sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    // IMMEDIATE takes the write lock at BEGIN, so two writers queue on busy_timeout instead of
    // failing with SQLITE_BUSY when a read transaction tries to upgrade.
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    var hikari = new HikariConfig();
    hikari.setJdbcUrl(url);
    hikari.setDataSourceProperties(sqlite.toProperties());
    hikari.setMaximumPoolSize(SQLITE_POOL_SIZE);
    hikari.setPoolName("byline-sqlite");
    hikari.setExceptionOverride(recovery);
    hikari.setInitializationFailTimeout(1);
    var ds = new HikariDataSource(hikari);
    try (var c = ds.getConnection();
        var s = c.createStatement()) {
      s.execute("SELECT 1 FROM sqlite_master LIMIT 1");
    } catch (SQLException e) {
      ds.close();
      throw new StoreException(e.getMessage(), e);
    }
    return ds;
  }

  private static HikariDataSource postgres(String url, Config config, ReadOnlyRecovery recovery) {
    var hikari = new HikariConfig();
    hikari.setJdbcUrl(url);
    if (!config.databaseUser().isBlank()) hikari.setUsername(config.databaseUser());
    if (!config.databasePassword().isBlank()) hikari.setPassword(config.databasePassword());
    hikari.setMaximumPoolSize(config.intSetting("database.pool.size", POSTGRES_POOL_SIZE));
    hikari.setPoolName("byline-postgresql");
    hikari.setExceptionOverride(recovery);
    hikari.setConnectionTimeout(5_000);
    hikari.setInitializationFailTimeout(1);
    return new HikariDataSource(hikari);
  }

  /**
   * Migrates with Flyway unless the database recorded, after its last migration, the fingerprint
   * of exactly the scripts this build carries: then the schema is current and Flyway's scan and
   * validation are skipped. Whether it ran is logged, for operators checking a deploy.
   */
  private static void migrate(DataSource ds, Dialect dialect) {
    var fingerprint = MigrationFingerprint.of(dialect);
    if (MigrationFingerprint.recorded(ds, fingerprint)) {
      log.debug("event=schema_current fingerprint={}", fingerprint);
      return;
    }
    var result = Flyway.configure()
        .dataSource(ds)
        .locations(dialect.migrationLocation())
        .load()
        .migrate();
    MigrationFingerprint.record(ds, fingerprint);
    log.info(
        "event=schema_migrated applied={} version={} fingerprint={}",
        result.migrationsExecuted,
        result.targetSchemaVersion,
        fingerprint);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    var msg = t.getMessage();
    return msg == null ? t.getClass().getSimpleName() : msg.strip();
  }
}
