package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every address {@link AdminPaths} builds is one the server answers, and the pages link to their
 * neighbours through it: a route moved without its links fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPathsHttpTest {
  static final String PASSWORD = "a long enough password";

  @TempDir
  static Path dir;

  TestSite site;
  AdminClient editor;
  long article;
  long revision;

  @BeforeAll
  void start() {
    site = TestSite.start(dir);
    site.byline()
        .accounts()
        .users()
        .create("paths@example.org", "Pat Editor", Role.EDITOR, PASSWORD, false);
    long section = site.newsroom().sections().ensure("world", "World", "", 1).id();
    editor = new AdminClient(site).signIn("paths@example.org", PASSWORD);
    // Written in the editor, then saved again: two revisions, so one can be restored.
    var fields = new LinkedHashMap<String, String>();
    fields.put("headline", "Ferry service resumes after storm");
    fields.put("standfirst", "");
    fields.put("body", "The ferry sailed again on Tuesday.");
    fields.put("section", Long.toString(section));
    fields.put("action", "save");
    editor.get(AdminPaths.NEW_ARTICLE);
    var created = editor.postForm(AdminPaths.ARTICLES, fields);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
    var id = Pattern.compile("/admin/articles/(\\d+)")
        .matcher(created.headers().firstValue("Location").orElseThrow());
    assertThat(id.find()).isTrue();
    article = Long.parseLong(id.group(1));
    assertThat(created.headers().firstValue("Location")).hasValue(AdminPaths.saved(article));
    fields.put("body", "The ferry sailed again on Tuesday, full.");
    fields.put("version", "1");
    var saved = editor.postForm(AdminPaths.article(article), fields);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    var revisions = editor.get(AdminPaths.revisions(article)).body();
    var m = Pattern.compile("/revisions/(\\d+)/restore").matcher(revisions);
    assertThat(m.find()).as("the revisions page offers a restore").isTrue();
    revision = Long.parseLong(m.group(1));
  }

  @AfterAll
  void stop() {
    site.close();
  }

  @Test
  void every_article_address_answers_for_an_editor() {
    for (var path : List.of(
        AdminPaths.ARTICLES,
        AdminPaths.NEW_ARTICLE,
        AdminPaths.article(article),
        AdminPaths.saved(article),
        AdminPaths.revisions(article),
        AdminPaths.diff(article) + "?from=" + revision + "&to=" + revision,
        AdminPaths.related(article))) {
      assertThat(editor.get(path).statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void the_pages_link_to_each_other_through_the_same_addresses() {
    assertThat(editor.get(AdminPaths.ARTICLES).body()).contains(AdminPaths.article(article));
    var edit = editor.get(AdminPaths.article(article)).body();
    assertThat(edit)
        .contains("href=\"" + AdminPaths.revisions(article) + "\"")
        .contains(AdminPaths.related(article));
    assertThat(editor.get(AdminPaths.revisions(article)).body())
        .contains("action=\"" + AdminPaths.diff(article) + "\"")
        .contains("action=\"" + AdminPaths.restore(article, revision) + "\"");
    assertThat(editor.get(AdminPaths.related(article)).body())
        .contains("action=\"" + AdminPaths.related(article) + "\"");
  }

  @Test
  void a_restored_revision_returns_to_the_editor_saying_so() {
    var restored = editor.postForm(AdminPaths.restore(article, revision), java.util.Map.of());
    assertThat(restored.statusCode()).isEqualTo(303);
    assertThat(restored.headers().firstValue("Location")).hasValue(AdminPaths.saved(article));
  }
}
