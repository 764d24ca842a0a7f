package dev.byline.ops;

import dev.byline.config.Config;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code pg_dump} and {@code psql} for a PostgreSQL newsroom. The dump reads the snapshot a JDBC
 * transaction exported, so the article hashes taken in that transaction describe the dump
 * exactly. Credentials go to the tools through the environment, never the command line, where
 * any local user could read them.
 */
final class PostgresDump {
  /** A large newsroom dumps in minutes; a dump still running after this is stuck. */
  static final long TIMEOUT_MINUTES = 120;

  private PostgresDump() {}

  static Map<Long, String> dump(Config config, Path file) throws IOException {
    try (Connection c = connect(config)) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      String snapshot;
      try (var s = c.createStatement();
          var rs = s.executeQuery("SELECT pg_export_snapshot()")) {
        rs.next();
        snapshot = rs.getString(1);
      }
      var hashes = ArticleDigests.of(c);
      run(
          config,
          "pg_dump",
          "--no-owner",
          "--no-privileges",
          "--snapshot=" + snapshot,
          "--file=" + file.toAbsolutePath());
      c.commit();
      return hashes;
    } catch (SQLException e) {
      throw new BackupException("PostgreSQL backup failed: " + e.getMessage(), e);
    }
  }

  /** Loads a dump in one transaction: it all arrives or none of it does. */
  static void load(Config config, Path file) throws IOException {
    run(
        config,
        "psql",
        "--quiet",
        "--no-psqlrc",
        "--single-transaction",
        "--set=ON_ERROR_STOP=1",
        "--file=" + file.toAbsolutePath());
  }

  /** Tables in the public schema of the configured database. */
  static int tableCount(Config config) {
    try (Connection c = connect(config);
        var s = c.createStatement();
        var rs = s.executeQuery(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new BackupException("cannot reach PostgreSQL: " + e.getMessage(), e);
    }
  }

  static Connection connect(Config config) throws SQLException {
    var props = new java.util.Properties();
    if (!config.databaseUser().isEmpty()) props.setProperty("user", config.databaseUser());
    if (!config.databasePassword().isEmpty())
      props.setProperty("password", config.databasePassword());
    return DriverManager.getConnection(config.jdbcUrl(), props);
  }

  private static void run(Config config, String tool, String... args) throws IOException {
    var command = new java.util.ArrayList<String>();
    command.add(tool);
    command.addAll(java.util.List.of(args));
    var pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(libpqEnvironment(config));
    var log = Files.createTempFile("byline-" + tool, ".log");
    pb.redirectOutput(log.toFile());
    try {
      var p = pb.start();
      if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new BackupException(tool + " did not finish in " + TIMEOUT_MINUTES + " minutes");
      }
      if (p.exitValue() != 0) {
        var out = Files.readString(log).strip();
        var first =
            out.isEmpty() ? "exit " + p.exitValue() : out.lines().findFirst().orElse("");
        throw new BackupException(tool + " failed: " + first);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackupException(tool + " was interrupted");
    } catch (IOException e) {
      throw new BackupException(
          tool + " could not run (is the PostgreSQL client installed?): " + e.getMessage());
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD from the JDBC URL and the settings. */
  static Map<String, String> libpqEnvironment(Config config) {
    var uri = URI.create(config.jdbcUrl().substring("jdbc:".length()));
    var env = new HashMap<String, String>();
    if (uri.getHost() != null) env.put("PGHOST", uri.getHost());
    if (uri.getPort() > 0) env.put("PGPORT", Integer.toString(uri.getPort()));
    var path = uri.getPath();
    if (path != null && path.length() > 1) env.put("PGDATABASE", path.substring(1));
    if (uri.getRawQuery() != null) {
      for (var pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        if (eq < 0) continue;
        var key = pair.substring(0, eq);
        var value = java.net.URLDecoder.decode(
            pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
        if (key.equals("user")) env.put("PGUSER", value);
        if (key.equals("password")) env.put("PGPASSWORD", value);
      }
    }
    if (!config.databaseUser().isEmpty()) env.put("PGUSER", config.databaseUser());
    if (!config.databasePassword().isEmpty()) env.put("PGPASSWORD", config.databasePassword());
    return env;
  }
}
