package dev.byline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * Which failures count as the database refusing writes for being read-only, on a real SQLite
 * file (the PostgreSQL side is shown over HTTP in {@code ReadOnlyDatabaseHttpTest}).
 */
class ReadOnlyRecoveryTest {
  @TempDir
  Path dir;

  @Test
  void a_write_to_a_sqlite_file_opened_read_only_is_recognised_and_other_failures_are_not()
      throws SQLException {
    var url = "jdbc:sqlite:" + dir.resolve("t.db");
    try (var c = DriverManager.getConnection(url);
        var s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER)");
    }
    var readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    try (var c = DriverManager.getConnection(url, readOnly.toProperties());
        var s = c.createStatement()) {
      var refused =
          catchThrowableOfType(SQLException.class, () -> s.execute("INSERT INTO t VALUES (1)"));
      assertThat((Throwable) refused).isNotNull();
      assertThat(ReadOnlyRecovery.readOnly(refused)).as(refused.getMessage()).isTrue();
      assertThat(ReadOnlyRecovery.readOnly(new StoreException("wrapped", refused)))
          .isTrue();
      var typo = catchThrowableOfType(SQLException.class, () -> s.execute("SELEC 1"));
      assertThat(ReadOnlyRecovery.readOnly(typo)).isFalse();
    }
    assertThat(ReadOnlyRecovery.readOnly(new SQLException("read-only", "25006")))
        .isTrue();
    assertThat(ReadOnlyRecovery.readOnly(new SQLException("gone", "08006"))).isFalse();
  }
}
