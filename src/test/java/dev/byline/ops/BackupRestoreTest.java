package dev.byline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.Cli;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code byline backup} while the site serves and publishes, and {@code byline restore}. */
class BackupRestoreTest {
  @TempDir
  Path dir;

  @Test
  void a_backup_taken_while_a_writer_publishes_restores_to_matching_articles() throws Exception {
    var live = dir.resolve("live");
    var backup = dir.resolve("backup");
    var settings = live.resolve("byline.properties");
    Files.createDirectories(live);
    Files.writeString(settings, "site.name=The Restored Times\n");
    var published = new AtomicInteger();
    try (var site = TestSite.start(live)) {
      var newsroom = site.newsroom();
      var section = newsroom.sections().ensure("world", "World", "", 1);
      var stop = new AtomicBoolean();
      var writer = new Thread(() -> {
        while (!stop.get()) {
          long id = newsroom
              .articles()
              .create(ArticleDraft.of(
                  "Story number " + published.get(),
                  "",
                  section.id(),
                  List.of(Block.Paragraph.ofText("Words of story " + published.get()))));
          newsroom.articles().publish(id);
          published.incrementAndGet();
        }
      });
      writer.start();
      while (published.get() < 20) Thread.onSpinWait();
      Cli.run("backup", "--data", live.toString(), backup.toString()).assertSucceeded();
      int duringBackup = published.get();
      while (published.get() < duringBackup + 10) Thread.onSpinWait();
      stop.set(true);
      writer.join();
    }
    var manifest = BackupManifest.read(backup.resolve(BackupManifest.NAME));
    assertThat(manifest.articles()).isGreaterThanOrEqualTo(20).isLessThan(published.get());
    assertThat(manifest.files())
        .extracting(BackupManifest.FileEntry::path)
        .contains(Backup.SQLITE_FILE, Backup.SETTINGS_FILE);

    var restored = dir.resolve("restored");
    var run = Cli.run("restore", "--data", restored.toString(), backup.toString());
    run.assertSucceeded();
    assertThat(Restore.digests(restored.resolve("byline.db"))).isEqualTo(manifest.articleHashes());
    assertThat(Files.readString(restored.resolve("byline.properties")))
        .contains("The Restored Times");
    try (var site = TestSite.start(restored)) {
      // A restored folder carries no search index: the node is not ready until it has rebuilt it.
      var ready = Eventually.settled(
          java.time.Duration.ofSeconds(20), () -> site.get("/readyz"), r -> r.statusCode() == 200);
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
      assertThat(site.get("/world").body()).contains("Story number ");
      assertThat(site.get("/").body()).contains("The Restored Times");
    }
  }

  @Test
  void a_postgresql_backup_restores_into_an_empty_database_with_matching_articles()
      throws Exception {
    var source = TestDatabases.postgres(dir.resolve("live"));
    var empty = TestDatabases.postgres(dir.resolve("restored"));
    var backup = dir.resolve("backup");
    try {
      try (var site = TestSite.start(source)) {
        var newsroom = site.newsroom();
        var section = newsroom.sections().ensure("world", "World", "", 1);
        for (int i = 0; i < 5; i++) {
          long id = newsroom
              .articles()
              .create(ArticleDraft.of(
                  "Harbour story " + i,
                  "",
                  section.id(),
                  List.of(Block.Paragraph.ofText("Words " + i))));
          newsroom.articles().publish(id);
        }
        Cli.run(
                "backup",
                "--data",
                dir.resolve("live").toString(),
                "--database-url",
                source.databaseUrl(),
                backup.toString())
            .assertSucceeded();
      }
      var manifest = BackupManifest.read(backup.resolve(BackupManifest.NAME));
      assertThat(manifest.database()).isEqualTo("postgresql");
      assertThat(manifest.articles()).isEqualTo(5);
      Cli.run(
              "restore",
              "--data",
              dir.resolve("restored").toString(),
              "--database-url",
              empty.databaseUrl(),
              backup.toString())
          .assertSucceeded();
      try (var c = PostgresDump.connect(empty)) {
        assertThat(ArticleDigests.of(c)).isEqualTo(manifest.articleHashes());
      }
      var again = Cli.run(
          "restore",
          "--data",
          dir.resolve("restored").toString(),
          "--database-url",
          empty.databaseUrl(),
          backup.toString());
      assertThat(again.exit()).isEqualTo(1);
      assertThat(again.err()).contains("already has").contains("create an empty database");
      try (var site = TestSite.start(empty)) {
        // A restore brings no search index: the node says "rebuilding" until it has made one.
        Eventually.await(
            "the restored node to be ready",
            Duration.ofSeconds(30),
            () -> site.get("/readyz").statusCode() == 200);
        assertThat(site.get("/world").body()).contains("Harbour story 4");
      }
    } finally {
      TestDatabases.drop(source);
      TestDatabases.drop(empty);
    }
  }

  @Test
  void a_truncated_backup_is_refused_naming_the_file_and_nothing_changes() throws Exception {
    var live = dir.resolve("live");
    var backup = dir.resolve("backup");
    try (var site = TestSite.demo(live)) {
      Cli.run("backup", "--data", live.toString(), backup.toString()).assertSucceeded();
    }
    var target = dir.resolve("target");
    try (var site = TestSite.start(target)) {
      site.newsroom().sections().ensure("local", "Local", "", 1);
    }
    var before = snapshot(target);

    var db = backup.resolve(Backup.SQLITE_FILE);
    var bytes = Files.readAllBytes(db);
    Files.write(db, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    var run = Cli.run("restore", "--data", target.toString(), backup.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().strip())
        .startsWith("byline: " + Backup.SQLITE_FILE + " is ")
        .contains("truncated")
        .doesNotContain("\n");
    assertThat(snapshot(target)).isEqualTo(before);

    Files.write(backup.resolve(BackupManifest.NAME), "{\"format\":1,\"files\":[".getBytes());
    var damaged = Cli.run("restore", "--data", target.toString(), backup.toString());
    assertThat(damaged.exit()).isEqualTo(1);
    assertThat(damaged.err()).contains("manifest.json is damaged or truncated");
    assertThat(snapshot(target)).isEqualTo(before);
  }

  @Test
  void a_backup_refuses_a_folder_that_already_holds_files() throws Exception {
    var live = dir.resolve("live");
    try (var site = TestSite.start(live)) {
      var run = Cli.run("backup", "--data", live.toString(), live.toString());
      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err()).contains("already exists and is not empty");
    }
  }

  /** Every file under the data folder with its hash: what "nothing changed" means. */
  private static java.util.Map<String, String> snapshot(Path root) throws IOException {
    var out = new java.util.TreeMap<String, String>();
    try (var files = Files.walk(root)) {
      for (var f : files.filter(Files::isRegularFile).toList())
        out.put(root.relativize(f).toString(), BackupFiles.sha256(f));
    }
    return out;
  }
}
