package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.AuditLog;
import dev.byline.auth.Role;
import dev.byline.content.ArticleDraft;
import dev.byline.content.ArticleStatus;
import dev.byline.content.Block;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change made in the newsroom and its audit entry are stored together or not at all: when the
 * entry cannot be written, the editor is told and nothing changes for readers; when it can, both
 * are there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditAtomicityHttpTest {
  static final String PASSWORD = "correct horse battery staple";

  @TempDir
  static Path dir;

  TestSite site;
  AdminClient editor;
  AdminClient admin;
  long sectionId;

  @BeforeAll
  void start() {
    site = TestSite.start(TestDatabases.sqlite(dir));
    site.byline()
        .accounts()
        .users()
        .create("audit@example.org", "Ada Auditor", Role.EDITOR, PASSWORD, false);
    site.byline()
        .accounts()
        .users()
        .create("root@example.org", "Rui Root", Role.ADMIN, PASSWORD, false);
    sectionId = site.newsroom().sections().ensure("world", "World", "", 1).id();
    editor = new AdminClient(site).signIn("audit@example.org", PASSWORD);
    admin = new AdminClient(site).signIn("root@example.org", PASSWORD);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  /** From now on, every attempt to add to the audit log fails, as a full disk would make it. */
  void auditLogRefusesEntries() {
    site.newsroom()
        .db()
        .jdbi()
        .useHandle(h -> h.execute("CREATE TRIGGER audit_refused BEFORE INSERT ON audit_log "
            + "BEGIN SELECT RAISE(ABORT, 'the audit log cannot be written'); END"));
  }

  @AfterEach
  void auditLogWorksAgain() {
    site.newsroom().db().jdbi().useHandle(h -> h.execute("DROP TRIGGER IF EXISTS audit_refused"));
  }

  int count(String sql) {
    return site.newsroom()
        .db()
        .jdbi()
        .withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }

  List<AuditLog.Entry> entriesAbout(String type, long id) {
    return site.byline().accounts().audit().about(type, id, 10);
  }

  long draft(String headline) {
    return site.newsroom()
        .articles()
        .create(ArticleDraft.of(
            headline, "", sectionId, List.of(Block.Paragraph.ofText("It happened today."))));
  }

  @Test
  void a_publication_whose_audit_entry_cannot_be_written_does_not_happen() {
    long id = draft("Harbour bridge reopens after repairs");
    var path = site.newsroom().articles().byId(id).orElseThrow().path();
    editor.get("/admin/articles/" + id);
    auditLogRefusesEntries();

    var refused = editor.postForm("/admin/articles/" + id + "/status", Map.of("action", "publish"));

    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(site.newsroom().articles().byId(id).orElseThrow().status())
        .isEqualTo(ArticleStatus.DRAFT);
    assertThat(site.get(path).statusCode()).as("readers do not get it").isEqualTo(404);
    assertThat(entriesAbout("article", id)).isEmpty();

    auditLogWorksAgain();
    editor.get("/admin/articles/" + id);
    var published =
        editor.postForm("/admin/articles/" + id + "/status", Map.of("action", "publish"));
    assertThat(published.statusCode()).isEqualTo(303);
    assertThat(site.get(path).statusCode()).isEqualTo(200);
    assertThat(entriesAbout("article", id))
        .extracting(AuditLog.Entry::action)
        .containsExactly("article.publish");
  }

  @Test
  void a_new_article_whose_audit_entry_cannot_be_written_is_not_stored_nor_its_revision() {
    int before = count("SELECT COUNT(*) FROM article");
    int revisions = count("SELECT COUNT(*) FROM article_revision");
    editor.get("/admin/articles/new");
    auditLogRefusesEntries();

    var refused = editor.postForm(
        "/admin/articles",
        Map.of(
            "headline",
            "Ferry timetable changes for winter",
            "body",
            "The ferry runs hourly from Monday.",
            "section",
            Long.toString(sectionId),
            "action",
            "save"));

    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(count("SELECT COUNT(*) FROM article")).isEqualTo(before);
    assertThat(count("SELECT COUNT(*) FROM article_revision")).isEqualTo(revisions);
  }

  @Test
  void a_section_whose_audit_entry_cannot_be_written_is_not_added() {
    editor.get("/admin/sections");
    auditLogRefusesEntries();

    var refused = editor.postForm(
        "/admin/sections",
        Map.of("name", "Weather", "slug", "weather", "description", "", "position", "4"));

    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(site.newsroom().sections().bySlug("weather")).isEmpty();
    assertThat(site.get("/").body()).doesNotContain("href=\"/weather\"");

    auditLogWorksAgain();
    editor.get("/admin/sections");
    var added = editor.postForm(
        "/admin/sections",
        Map.of("name", "Weather", "slug", "weather", "description", "", "position", "4"));
    assertThat(added.statusCode()).isEqualTo(303);
    var weather = site.newsroom().sections().bySlug("weather").orElseThrow();
    assertThat(entriesAbout("section", weather.id()))
        .extracting(AuditLog.Entry::action)
        .containsExactly("section.create");
  }

  @Test
  void an_account_whose_audit_entry_cannot_be_written_is_not_created() {
    admin.get("/admin/users");
    auditLogRefusesEntries();

    var refused = admin.postForm(
        "/admin/users", Map.of("email", "new@example.org", "name", "Nia New", "role", "writer"));

    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(site.byline().accounts().users().all())
        .extracting(a -> a.user().email())
        .doesNotContain("new@example.org");
  }

  @Test
  void a_password_reset_whose_audit_entry_cannot_be_written_keeps_the_old_password() {
    var users = site.byline().accounts().users();
    var held = users.create("held@example.org", "Hal Held", Role.WRITER, PASSWORD, false);
    var writer = new AdminClient(site).signIn("held@example.org", PASSWORD);
    admin.get("/admin/users/" + held.id());
    auditLogRefusesEntries();

    var refused = admin.postForm("/admin/users/" + held.id() + "/password", Map.of());

    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(writer.get("/admin").statusCode()).as("still signed in").isEqualTo(200);
    auditLogWorksAgain();
    assertThat(new AdminClient(site).trySignIn("held@example.org", PASSWORD).statusCode())
        .as("the old password still works")
        .isEqualTo(303);
  }

  @Test
  void an_api_key_whose_audit_entry_cannot_be_written_is_not_made() {
    admin.get("/admin/api-keys");
    auditLogRefusesEntries();

    var refused = admin.postForm("/admin/api-keys", Map.of("name", "Newsletter tool"));

    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(refused.body()).doesNotContain(dev.byline.auth.ApiKeys.SECRET_PREFIX);
    assertThat(count("SELECT COUNT(*) FROM api_key")).isZero();
  }
}
