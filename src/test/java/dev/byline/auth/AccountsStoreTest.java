package dev.byline.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.Newsroom;
import dev.byline.config.Config;
import dev.byline.content.ArticleDraft;
import dev.byline.content.ArticleRevisions;
import dev.byline.content.ArticleStatus;
import dev.byline.content.Block;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Accounts, sessions, throttling, the audit log and revisions on SQLite and on PostgreSQL. */
class AccountsStoreTest {
  @TempDir
  Path dir;

  static Stream<String> dialects() {
    return Stream.of("sqlite", "postgresql");
  }

  Config config(String dialect) {
    return dialect.equals("sqlite") ? TestDatabases.sqlite(dir) : TestDatabases.postgres(dir);
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void sessions_throttling_audit_and_revisions_work_on_both_databases(String dialect) {
    var config = config(dialect);
    var clock = new TestClock();
    try (var newsroom = Newsroom.open(config, clock)) {
      var accounts =
          Accounts.open(newsroom.db(), clock, new SignInRules(Duration.ZERO, java.util.Set.of()));
      var user = accounts
          .users()
          .create(
              "Reporter@Example.org",
              "Rita Reporter",
              Role.WRITER,
              "a long enough password",
              false);
      assertThat(user.email()).isEqualTo("reporter@example.org");
      assertThatThrownBy(() -> accounts
              .users()
              .create(
                  "reporter@example.org", "Again", Role.WRITER, "a long enough password", false))
          .isInstanceOf(AccountException.class)
          .hasMessageContaining("already has an account");
      assertThatThrownBy(() ->
              accounts.users().create("short@example.org", "Short", Role.WRITER, "short", false))
          .hasMessageContaining("at least 10 characters");

      var ok = accounts
          .signIn()
          .attempt("reporter@example.org", "a long enough password", "10.0.0.1", "test");
      assertThat(ok).isInstanceOf(SignIn.Success.class);
      var token = ((SignIn.Success) ok).session().token();
      var active = accounts.sessions().resolve(token).orElseThrow();
      assertThat(active.user()).isEqualTo(user);
      assertThat(active.csrfToken()).isEqualTo(Tokens.csrfFor(token)).isNotEqualTo(token);
      clock.advance(Sessions.IDLE_TIMEOUT.plusMinutes(1));
      assertThat(accounts.sessions().resolve(token)).as("an idle session ends").isEmpty();

      for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT_AND_NETWORK; i++) {
        assertThat(accounts.signIn().attempt("reporter@example.org", "wrong", "10.0.0.2", "test"))
            .isInstanceOf(SignIn.Refused.class);
      }
      assertThat(accounts.signIn().attempt("reporter@example.org", "wrong", "10.0.0.2", "test"))
          .isInstanceOf(SignIn.Throttled.class);
      assertThat(accounts
              .signIn()
              .attempt("reporter@example.org", "a long enough password", "10.0.0.3", "test"))
          .as("another network is not throttled")
          .isInstanceOf(SignIn.Success.class);
      assertThat(accounts
              .signIn()
              .attempt("reporter@example.org", "a long enough password", "10.0.0.2", "test"))
          .as("the throttled network's right password passes after the wait")
          .isInstanceOf(SignIn.Success.class);
      for (int i = 0; i < LoginThrottle.MAX_PER_NETWORK; i++) {
        accounts.signIn().attempt("nobody" + i + "@example.org", "guess", "10.0.0.9", "test");
      }
      var byAddress =
          accounts.signIn().attempt("reporter@example.org", "another guess", "10.0.0.9", "test");
      assertThat(byAddress).isInstanceOf(SignIn.Throttled.class);
      assertThat(((SignIn.Throttled) byAddress).message()).contains("from your network");
      clock.advance(LoginThrottle.WINDOW.plus(Duration.ofSeconds(1)));
      assertThat(accounts.signIn().attempt("reporter@example.org", "wrong", "10.0.0.9", "test"))
          .as("the throttle lifts when the window passes")
          .isInstanceOf(SignIn.Refused.class);

      assertThat(accounts.audit().recent("user.login", 0, 100))
          .extracting(AuditLog.Entry::action)
          .contains("user.login", "user.login-failed", "user.login-throttled");

      var revisions = new ArticleRevisions(newsroom.db(), clock);
      var articles = newsroom.articles();
      long id = newsroom.db().inTransaction(tx -> {
        long made = articles.create(
            tx, ArticleDraft.of("Headline", "", null, List.of(Block.Paragraph.ofText("One."))));
        revisions.record(
            tx,
            made,
            1,
            ArticleRevisions.Kind.CREATE,
            user.id(),
            user.name(),
            "{\"headline\":\"Headline\"}");
        return made;
      });
      for (var text : List.of("Two.", "Three.")) {
        newsroom.db().useTransaction(tx -> {
          int version = articles.byId(tx, id).orElseThrow().version();
          int saved = articles.update(
              tx,
              id,
              version,
              ArticleDraft.of("Headline", "", null, List.of(Block.Paragraph.ofText(text))));
          revisions.record(
              tx, id, saved, ArticleRevisions.Kind.AUTOSAVE, user.id(), user.name(), "{}");
        });
      }
      assertThat(revisions.of(id))
          .as("autosaves close together are one revision")
          .hasSize(2);
      assertThat(revisions.creator(id)).contains(user.id());
      assertThat(newsroom
              .desk()
              .list(ArticleStatus.DRAFT, "head", user.id(), 1, 10)
              .items())
          .hasSize(1);
      assertThat(newsroom.desk().countByStatus().get(ArticleStatus.DRAFT)).isEqualTo(1);
    } finally {
      TestDatabases.drop(config);
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void the_last_active_admin_cannot_be_demoted_or_disabled(String dialect) {
    var config = config(dialect);
    try (var newsroom = Newsroom.open(config, new TestClock())) {
      var accounts = Accounts.open(newsroom.db(), newsroom.clock());
      var admin = accounts
          .users()
          .create("root@example.org", "Root", Role.ADMIN, "a long enough password", false);
      assertThatThrownBy(() -> accounts.users().update(admin.id(), "Root", Role.EDITOR, false))
          .hasMessageContaining("last active admin");
      assertThatThrownBy(() -> accounts.users().update(admin.id(), "Root", Role.ADMIN, true))
          .hasMessageContaining("last active admin");
    } finally {
      TestDatabases.drop(config);
    }
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void two_factor_codes_and_recovery_codes_work_once_on_both_databases(String dialect) {
    var config = config(dialect);
    var clock = new TestClock();
    try (var newsroom = Newsroom.open(config, clock)) {
      var accounts =
          Accounts.open(newsroom.db(), clock, new SignInRules(Duration.ZERO, java.util.Set.of()));
      var user = accounts
          .users()
          .create("two@example.org", "Two", Role.EDITOR, "a long enough password", false);
      var secret = accounts.twoFactor().enrol(user);
      assertThat(accounts.twoFactor().status(user.id()))
          .isEqualTo(new TwoFactor.Status(false, true, 0));
      var recovery = accounts
          .twoFactor()
          .confirm(user, Totp.code(secret, Totp.step(clock.millis())), "10.0.0.1");
      assertThat(recovery).hasSize(TwoFactor.RECOVERY_CODES).doesNotHaveDuplicates();

      var first =
          accounts.signIn().attempt("two@example.org", "a long enough password", "10.0.0.1", "t");
      var token = ((SignIn.SecondStep) first).pendingToken();
      clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
      var code = Totp.code(secret, Totp.step(clock.millis()));
      var in = accounts.signIn().confirm(token, code, "10.0.0.1", "t");
      assertThat(in).isInstanceOf(SignIn.Success.class);
      assertThat(accounts.sessions().resolve(((SignIn.Success) in).session().token()))
          .hasValueSatisfying(a -> assertThat(a.twoFactorOn()).isTrue());
      assertThat(accounts.twoFactor().check(user.id(), code)).as("replayed").isEmpty();
      assertThat(accounts.twoFactor().check(user.id(), recovery.get(3))).hasValue("recovery code");
      assertThat(accounts.twoFactor().check(user.id(), recovery.get(3))).isEmpty();
      assertThat(accounts.twoFactor().status(user.id()).recoveryLeft())
          .isEqualTo(TwoFactor.RECOVERY_CODES - 1);

      accounts.twoFactor().reset(user, user, "10.0.0.1");
      assertThat(accounts.twoFactor().status(user.id()))
          .isEqualTo(new TwoFactor.Status(false, false, 0));
      assertThat(accounts
              .signIn()
              .attempt("two@example.org", "a long enough password", "10.0.0.1", "t"))
          .isInstanceOf(SignIn.Success.class);
    } finally {
      TestDatabases.drop(config);
    }
  }
}
