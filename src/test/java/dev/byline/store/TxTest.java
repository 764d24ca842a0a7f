package dev.byline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A unit of work commits whole or not at all, and followers hear of it only once it has. */
class TxTest {
  @TempDir
  Path dir;

  Database db;

  @BeforeEach
  void open() {
    db = Database.open(TestDatabases.sqlite(dir));
    db.useTransaction(
        tx -> tx.update("CREATE TABLE tx_probe (n INTEGER NOT NULL)").execute());
  }

  @AfterEach
  void close() {
    db.close();
  }

  int rows() {
    return db.read(
        tx -> tx.query("SELECT COUNT(*) FROM tx_probe").mapTo(Integer.class).one());
  }

  static void insert(Tx tx, int n) {
    tx.update("INSERT INTO tx_probe (n) VALUES (:n)").bind("n", n).execute();
  }

  @Test
  void both_writes_of_a_transaction_are_stored_or_neither_is() {
    db.useTransaction(tx -> {
      insert(tx, 1);
      insert(tx, 2);
    });
    assertThat(rows()).isEqualTo(2);
    assertThatThrownBy(() -> db.useTransaction(tx -> {
          insert(tx, 3);
          throw new IllegalStateException("the second write failed");
        }))
        .hasMessage("the second write failed");
    assertThat(rows()).isEqualTo(2);
  }

  @Test
  void a_failed_savepoint_undoes_only_its_own_writes() {
    db.useTransaction(tx -> {
      insert(tx, 1);
      assertThatThrownBy(() -> tx.savepoint("probe", () -> {
            insert(tx, 2);
            throw new IllegalStateException("bad item");
          }))
          .hasMessage("bad item");
      tx.savepoint("probe", () -> {
        insert(tx, 3);
        return null;
      });
    });
    List<Integer> stored = db.read(
        tx -> tx.query("SELECT n FROM tx_probe ORDER BY n").mapTo(Integer.class).list());
    assertThat(stored).containsExactly(1, 3);
  }

  @Test
  void a_rolled_back_unit_sees_its_writes_and_leaves_nothing() {
    int seen = db.rolledBack(tx -> {
      insert(tx, 1);
      return tx.query("SELECT COUNT(*) FROM tx_probe").mapTo(Integer.class).one();
    });
    assertThat(seen).isEqualTo(1);
    assertThat(rows()).isZero();
  }

  @Test
  void followers_are_told_after_a_commit_once_and_never_after_a_rollback() {
    var feed = new ChangeFeed(db, Clock.systemUTC());
    var woken = new AtomicInteger();
    feed.onCommit(woken::incrementAndGet);
    db.useTransaction(tx -> {
      feed.append(tx, "probe", 1, "created", Set.of("probe:1"));
      feed.append(tx, "probe", 2, "created", Set.of("probe:2"));
      assertThat(woken).hasValue(0);
    });
    assertThat(woken).hasValue(1);
    assertThatThrownBy(() -> db.useTransaction(tx -> {
          feed.append(tx, "probe", 3, "created", Set.of("probe:3"));
          throw new IllegalStateException("rolled back");
        }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(woken).hasValue(1);
    assertThat(feed.after(0, 10)).hasSize(2);
  }
}
