package dev.byline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it. */
class MainTest {
  @TempDir
  Path dir;

  record Run(int exit, String out, String err) {}

  Run run(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var oldOut = System.out;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      var cli = new CommandLine(new Main());
      cli.setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8));
      cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
      cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
        cmd.getErr().println("byline: " + e.getMessage());
        return Main.EXIT_CONFIG;
      });
      int code = cli.execute(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
    }
  }

  @Test
  void every_command_has_help_naming_its_options() {
    var top = run("--help");
    assertThat(top.exit()).isZero();
    assertThat(top.out()).contains("serve", "demo", "--data", "--port");
    var serve = run("serve", "--help");
    assertThat(serve.out())
        .startsWith("Usage: byline serve")
        .contains("--data", "--port", "--demo", "--base-url", "--database-url");
    var demo = run("demo", "--help");
    assertThat(demo.out()).contains("--data").contains("Running it twice changes");
  }

  @Test
  void demo_seeds_once_and_running_it_twice_changes_nothing() {
    var first = run("demo", "--data", dir.toString());
    assertThat(first.exit()).isZero();
    assertThat(first.out()).contains("60 stories in 6 sections");
    var second = run("demo", "--data", dir.toString());
    assertThat(second.out()).contains("already there; nothing changed");
    try (var newsroom = Newsroom.open(
        new dev.byline.config.ConfigLoader(java.util.Map.of())
            .load(java.util.Map.of("data", dir.toString()), null),
        java.time.Clock.systemUTC())) {
      assertThat(newsroom.published().countPublished()).isEqualTo(60);
    }
  }

  @Test
  void demo_leaves_a_current_search_index_so_the_first_serve_opens_it_without_a_rebuild() {
    assertThat(run("demo", "--data", dir.toString()).exit()).isZero();
    var config = new dev.byline.config.ConfigLoader(java.util.Map.of())
        .load(java.util.Map.of("data", dir.toString()), null);
    try (var newsroom = Newsroom.open(config, java.time.Clock.systemUTC());
        var index = Main.openIndex(config, newsroom)) {
      assertThat(index.rebuildReason()).isNull();
    }
  }

  @Test
  void a_database_that_cannot_be_opened_stops_with_one_message_naming_it() throws Exception {
    Files.createDirectories(dir.resolve("byline.db"));
    var r = Main.run("demo", "--data", dir.toString());
    assertThat(r).isEqualTo(Main.EXIT_CONFIG);
    var captured = run("demo", "--data", dir.toString());
    assertThat(captured.err())
        .contains("byline: cannot open database jdbc:sqlite:")
        .contains("byline.db");
    var pg = run(
        "demo", "--data", dir.toString(), "--database-url", "jdbc:postgresql://127.0.0.1:1/none");
    assertThat(pg.err())
        .contains("cannot open database jdbc:postgresql://127.0.0.1:1/none")
        .doesNotContain("\tat ");
  }

  @Test
  void an_unusable_setting_stops_with_one_message_naming_it() {
    var r = run("demo", "--data", dir.toString(), "--time-zone", "Nowhere/Else");
    assertThat(r.exit()).isEqualTo(Main.EXIT_CONFIG);
    assertThat(r.err()).contains("configuration time.zone");
    var serve =
        run("serve", "--data", dir.toString(), "--port", "0", "--time-zone", "Nowhere/Else");
    assertThat(serve.exit()).isEqualTo(Main.EXIT_CONFIG);
    assertThat(serve.err()).contains("configuration time.zone").doesNotContain("\tat ");
  }
}
