package dev.byline.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.config.Config;
import dev.byline.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statements are prepared once per handle and reused, yet a statement still being read is never handed out twice. */
class ReusedStatementsTest {
  @TempDir
  Path dir;

  @Test
  void on_sqlite() {
    check(TestDatabases.sqlite(dir));
  }

  @Test
  void on_postgresql() {
    var config = TestDatabases.postgres(dir);
    try {
      check(config);
    } finally {
      TestDatabases.drop(config);
    }
  }

  private static void check(Config config) {
    try (var db = Database.open(config)) {
      db.jdbi().useHandle(h -> {
        h.execute("CREATE TABLE reuse_probe (n INTEGER NOT NULL)");
        for (int i = 1; i <= 3; i++)
          h.createUpdate("INSERT INTO reuse_probe (n) VALUES (:n)").bind("n", i).execute();
        var outer = new ArrayList<Integer>();
        h.createQuery("SELECT n FROM reuse_probe ORDER BY n")
            .mapTo(Integer.class)
            .forEach(n -> {
              outer.add(n);
              // The same SQL while the outer results are still open must get a statement of its
              // own.
              assertThat(h.createQuery("SELECT n FROM reuse_probe ORDER BY n")
                      .mapTo(Integer.class)
                      .list())
                  .containsExactly(1, 2, 3);
            });
        assertThat(outer).containsExactly(1, 2, 3);
        // Reused again and again: each use sees its own parameters, none left over from the last.
        for (int m = 0; m <= 4; m++) {
          assertThat(h.createQuery("SELECT COUNT(*) FROM reuse_probe WHERE n > :m")
                  .bind("m", m)
                  .mapTo(Integer.class)
                  .one())
              .isEqualTo(Math.max(0, 3 - m));
        }
        h.execute("DROP TABLE reuse_probe");
      });
    }
  }
}
