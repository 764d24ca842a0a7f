package dev.byline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.testing.TestSite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code byline reindex} rebuilds the index from the database, and refuses while a server holds it. */
class ReindexCommandTest {
  @TempDir
  Path dir;

  @Test
  void reindex_rebuilds_every_published_story_and_refuses_while_the_server_runs() throws Exception {
    try (var site = TestSite.demo(dir)) {
      assertThat(
              site.byline().searchIndex().awaitPosition(site.newsroom().feed().head(), 60_000))
          .isTrue();
      var err = new ByteArrayOutputStream();
      var oldErr = System.err;
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      try {
        assertThat(Main.run("reindex", "--data", dir.toString())).isEqualTo(Main.EXIT_CONFIG);
      } finally {
        System.setErr(oldErr);
      }
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("in use by another process");
    }
    var out = new ByteArrayOutputStream();
    var oldOut = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run("reindex", "--data", dir.toString())).isZero();
    } finally {
      System.setOut(oldOut);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Reindexed 60 published stories");
    try (var site = TestSite.start(dir)) {
      assertThat(site.byline().searchIndex().rebuildReason()).isNull();
      assertThat(site.byline().searchIndex().size()).isEqualTo(60);
    }
  }
}
