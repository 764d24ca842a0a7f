package dev.byline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Accounts;
import dev.byline.auth.Role;
import dev.byline.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code byline user add}: the first admin, from the command line. */
class UserCommandTest {
  @TempDir
  Path dir;

  @Test
  void user_add_creates_an_admin_and_prints_a_one_time_password_only_on_standard_output() {
    var out = new StringWriter();
    var err = new StringWriter();
    var cli = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    int code = cli.execute(
        "user",
        "add",
        "--data",
        dir.toString(),
        "--role",
        "admin",
        "--email",
        "Chief@Example.org",
        "--name",
        "Chief");
    assertThat(code).as(err.toString()).isZero();
    var m = Pattern.compile("One-time password: (\\S+)").matcher(out.toString());
    assertThat(m.find()).isTrue();
    try (var newsroom = Newsroom.open(TestDatabases.sqlite(dir), Clock.systemUTC())) {
      var accounts = Accounts.open(newsroom.db(), newsroom.clock());
      var all = accounts.users().all();
      assertThat(all).hasSize(1);
      assertThat(all.get(0).user().role()).isEqualTo(Role.ADMIN);
      assertThat(all.get(0).user().email()).isEqualTo("chief@example.org");
      assertThat(all.get(0).mustChangePassword()).isTrue();
      var outcome = accounts.signIn().attempt("chief@example.org", m.group(1), "127.0.0.1", "test");
      assertThat(outcome).isInstanceOf(dev.byline.auth.SignIn.Success.class);
      assertThat(accounts.audit().recent("", 0, 10))
          .allSatisfy(e -> assertThat(e.detail()).doesNotContain(m.group(1)));
      var hashes = newsroom
          .db()
          .jdbi()
          .withHandle(h -> h.createQuery("SELECT password_hash FROM app_user")
              .mapTo(String.class)
              .list());
      assertThat(hashes.get(0)).startsWith("$argon2id$").doesNotContain(m.group(1));
    }
  }

  @Test
  void user_add_refuses_a_bad_role_and_a_taken_email_with_a_clear_message() {
    var err = new StringWriter();
    var cli = new CommandLine(new Main())
        .setOut(new PrintWriter(new StringWriter()))
        .setErr(new PrintWriter(err));
    assertThat(cli.execute(
            "user", "add", "--data", dir.toString(), "--role", "boss", "--email", "a@example.org"))
        .isNotZero();
    assertThat(err.toString()).contains("role must be writer, editor or admin");
    assertThat(cli.execute("user", "add", "--data", dir.toString(), "--email", "a@example.org"))
        .isZero();
    var err2 = new StringWriter();
    var again = new CommandLine(new Main())
        .setOut(new PrintWriter(new StringWriter()))
        .setErr(new PrintWriter(err2));
    assertThat(again.execute("user", "add", "--data", dir.toString(), "--email", "a@example.org"))
        .isNotZero();
    assertThat(err2.toString()).contains("already has an account");
  }

  @Test
  void a_demo_newsroom_gets_an_admin_whose_one_time_password_is_printed_once() {
    try (var byline = Byline.start(TestDatabases.sqlite(dir))) {
      var out = new java.io.ByteArrayOutputStream();
      Main.demoAdmin(
          byline, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
      var printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
      var m = Pattern.compile("as " + Main.DEMO_ADMIN_EMAIL + " with the one-time password (\\S+) ")
          .matcher(printed);
      assertThat(m.find()).as(printed).isTrue();
      var outcome = byline
          .accounts()
          .signIn()
          .attempt(Main.DEMO_ADMIN_EMAIL, m.group(1), "127.0.0.1", "test");
      assertThat(outcome)
          .isInstanceOfSatisfying(
              dev.byline.auth.SignIn.Success.class,
              s -> assertThat(s.mustChangePassword()).isTrue());
      var again = new java.io.ByteArrayOutputStream();
      Main.demoAdmin(
          byline, new java.io.PrintStream(again, true, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(again.size()).as("a second start prints no password").isZero();
    }
  }
}
