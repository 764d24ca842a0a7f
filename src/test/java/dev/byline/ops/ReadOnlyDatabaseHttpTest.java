package dev.byline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.auth.Role;
import dev.byline.config.Config;
import dev.byline.testing.AdminClient;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that turns read-only while the site serves (PostgreSQL put into read-only mode, as
 * after a fail-over to a standby or by an operator): the node says it is not ready, naming the
 * database, for as long as writes fail, and writes come back without a restart once the
 * database takes them again.
 */
class ReadOnlyDatabaseHttpTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "a long enough password";

  @TempDir
  Path dir;

  static String name(Config config) {
    var url = config.databaseUrl();
    return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
  }

  /** Runs {@code sql} as the administrator, then ends every session on the test's database. */
  static void administer(Config config, String sql) throws SQLException {
    try (var c = DriverManager.getConnection(TestDatabases.PG_ADMIN_URL);
        var s = c.createStatement()) {
      s.execute(sql);
      s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
          + name(config) + "' AND pid <> pg_backend_pid()");
    }
  }

  @Test
  void a_database_that_turns_read_only_makes_the_node_unready_and_writes_recover_without_restart()
      throws Exception {
    var config = TestDatabases.postgres(dir);
    try (var site = TestSite.start(config)) {
      site.byline()
          .accounts()
          .users()
          .create("ro@example.org", "Reed Only", Role.WRITER, PASSWORD, false);
      assertThat(site.get("/readyz").statusCode()).isEqualTo(200);

      administer(
          config, "ALTER DATABASE " + name(config) + " SET default_transaction_read_only = on");
      // The first answers may be the ended sessions themselves; then the read-only ones.
      var unready = Eventually.settled(
          Duration.ofSeconds(20),
          () -> site.get("/readyz"),
          r -> r.statusCode() == 503 && r.body().contains("read-only"));
      assertThat(unready.statusCode()).as(unready.body()).isEqualTo(503);
      var database = JSON.readTree(unready.body()).path("checks").path("database");
      assertThat(database.path("ok").asBoolean()).isFalse();
      assertThat(database.path("detail").asText()).contains("read-only");
      assertThat(new AdminClient(site).trySignIn("ro@example.org", PASSWORD).statusCode())
          .as("signing in writes a session, which a read-only database refuses")
          .isNotEqualTo(303);
      // Still refused while read-only: a second look does not turn it green.
      assertThat(site.get("/readyz").statusCode()).isEqualTo(503);

      try (var c = DriverManager.getConnection(TestDatabases.PG_ADMIN_URL);
          var s = c.createStatement()) {
        s.execute("ALTER DATABASE " + name(config) + " RESET default_transaction_read_only");
      }
      var ready = Eventually.settled(
          Duration.ofSeconds(20), () -> site.get("/readyz"), r -> r.statusCode() == 200);
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
      var signIn = Eventually.settled(
          Duration.ofSeconds(20),
          () -> new AdminClient(site).trySignIn("ro@example.org", PASSWORD),
          r -> r.statusCode() == 303);
      assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(303);
    } finally {
      TestDatabases.drop(config);
    }
  }
}
