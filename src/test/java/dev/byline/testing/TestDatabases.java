package dev.byline.testing;

import dev.byline.config.Config;
import dev.byline.config.ConfigLoader;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for tests: a SQLite file in a temp folder, or a fresh PostgreSQL database on
 * 127.0.0.1:5432 (override with BYLINE_TEST_PG_URL). Under CI=true an unreachable PostgreSQL
 * fails the test; elsewhere it is skipped with a message.
 */
public final class TestDatabases {
  public static final String PG_ADMIN_URL = System.getenv()
      .getOrDefault(
          "BYLINE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

  private TestDatabases() {}

  public static Config sqlite(Path dataDir) {
    return sqlite(dataDir, Map.of());
  }

  public static Config sqlite(Path dataDir, Map<String, String> settings) {
    var flags = new HashMap<String, String>(settings);
    flags.put("data", dataDir.toString());
    flags.putIfAbsent("port", "0");
    return new ConfigLoader(Map.of()).load(flags, null);
  }

  /** Creates an empty PostgreSQL database for one test and returns a config pointing at it. */
  public static Config postgres(Path dataDir, Map<String, String> settings) {
    var name = "byline_test_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    try (var c = DriverManager.getConnection(PG_ADMIN_URL);
        var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(
            "PostgreSQL is required under CI=true but " + PG_ADMIN_URL + " answered: "
                + e.getMessage(),
            e);
      }
      Assumptions.abort("PostgreSQL not reachable at " + PG_ADMIN_URL + ": " + e.getMessage());
    }
    var flags = new HashMap<String, String>(settings);
    flags.put("data", dataDir.toString());
    flags.putIfAbsent("port", "0");
    flags.put("database.url", PG_ADMIN_URL.replaceFirst("/postgres\\?", "/" + name + "?"));
    return new ConfigLoader(Map.of()).load(flags, null);
  }

  public static Config postgres(Path dataDir) {
    return postgres(dataDir, Map.of());
  }

  /** Another node of {@code first}'s PostgreSQL database, with its own data directory. */
  public static Config secondNode(Config first, Path dataDir) {
    return new ConfigLoader(Map.of())
        .load(
            Map.of("data", dataDir.toString(), "port", "0", "database.url", first.databaseUrl()),
            null);
  }

  /** Drops a database made by {@link #postgres}; a no-op for SQLite configs. */
  public static void drop(Config config) {
    if (config.embeddedDatabase()) return;
    var url = config.databaseUrl();
    var name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    if (!name.startsWith("byline_test_")) return;
    try (var c = DriverManager.getConnection(PG_ADMIN_URL);
        var s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      // Leaving a test database behind is untidy, not wrong.
    }
  }
}
