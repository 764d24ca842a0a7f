package dev.byline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.testing.Eventually;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real {@code byline import} (a child JVM, SIGKILL) part-way through, runs it again, and
 * checks that every item is there exactly once, with exactly one article each.
 */
class ImportCrashTest {
  static final int ITEMS = 1500;

  @TempDir
  Path dir;

  @Test
  void killing_the_import_midway_loses_no_item_and_duplicates_none() throws Exception {
    var items = Files.createDirectories(dir.resolve("items"));
    for (int i = 0; i < ITEMS; i++) {
      Files.writeString(
          items.resolve(String.format("item-%05d.json", i)),
          "{\"uri\":\"urn:crash:" + i + "\",\"type\":\"text\","
              + "\"version\":\"1\",\"versioncreated\":\"2026-01-01T10:00:00Z\",\"headline\":\"Story number "
              + i + "\","
              + "\"body_text\":\"Paragraph one of story " + i + ".\\n\\nParagraph two.\"}",
          StandardCharsets.UTF_8);
    }
    var data = dir.resolve("data");
    var db = "jdbc:sqlite:" + data.resolve("byline.db").toAbsolutePath();

    var first = start(items, data);
    Eventually.await(
        "the first batches to commit",
        Duration.ofSeconds(90),
        () -> stories(db) >= 100 || !first.isAlive());
    assertThat(first.isAlive()).as("the import was still running when killed").isTrue();
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    int before = stories(db);
    assertThat(before).isBetween(1, ITEMS - 1);

    var second = start(items, data);
    assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();
    var out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(second.exitValue())
        .as(out + new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
    var m = Pattern.compile("(\\d+) imported, (\\d+) updated, (\\d+) ignored, (\\d+) quarantined")
        .matcher(out);
    assertThat(m.find()).as(out).isTrue();
    int imported = Integer.parseInt(m.group(1));
    int ignored = Integer.parseInt(m.group(3));
    assertThat(imported + ignored).isEqualTo(ITEMS);
    assertThat(ignored).isEqualTo(before);
    assertThat(m.group(2)).isEqualTo("0");
    assertThat(m.group(4)).isEqualTo("0");

    assertThat(stories(db)).isEqualTo(ITEMS);
    assertThat(count(db, "SELECT COUNT(*) FROM wire_item")).isEqualTo(ITEMS);
    assertThat(count(db, "SELECT COUNT(*) FROM article")).isEqualTo(ITEMS);
    assertThat(count(db, "SELECT COUNT(*) FROM article WHERE status = 'published'"))
        .isEqualTo(ITEMS);
    assertThat(count(db, "SELECT COUNT(DISTINCT headline) FROM article")).isEqualTo(ITEMS);
    assertThat(count(db, "SELECT COUNT(*) FROM wire_story WHERE article_id IS NULL"))
        .isZero();
  }

  private Process start(Path items, Path data) throws IOException {
    var cmd = new ArrayList<String>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        System.getProperty("java.class.path"),
        "dev.byline.Main",
        "import",
        items.toString(),
        "--data",
        data.toString(),
        "--source",
        "crash",
        "--publish",
        "--set",
        "wire.batch.size=50"));
    return new ProcessBuilder(cmd)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static int stories(String db) {
    return count(db, "SELECT COUNT(*) FROM wire_story");
  }

  private static int count(String db, String sql) {
    try (var c = DriverManager.getConnection(db);
        var s = c.createStatement()) {
      var rs = s.executeQuery(sql);
      return rs.next() ? rs.getInt(1) : 0;
    } catch (java.sql.SQLException e) {
      return 0; // not created yet
    }
  }
}
