package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.AuditLog;
import dev.byline.auth.Role;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.media.Image;
import dev.byline.media.ImageStore;
import dev.byline.testing.AdminClient;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestImages;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may change a photo's caption, credit and alt text, over HTTP: a writer only their own
 * photos that no story readers see shows; an editor any, which readers then see at once, with
 * an audit entry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhotoRulesHttpTest {
  static final String PASSWORD = "a long enough password";

  @TempDir
  static Path dir;

  TestSite site;
  AdminClient writer;
  AdminClient otherWriter;
  AdminClient editor;
  long writerId;
  long sectionId;
  final AtomicInteger sizes = new AtomicInteger(100);

  @BeforeAll
  void start() {
    site = TestSite.start(dir);
    var users = site.byline().accounts().users();
    writerId = users
        .create("wren@example.org", "Wren Writer", Role.WRITER, PASSWORD, false)
        .id();
    users.create("olly@example.org", "Olly Other", Role.WRITER, PASSWORD, false);
    users.create("eddie@example.org", "Eddie Editor", Role.EDITOR, PASSWORD, false);
    writer = new AdminClient(site).signIn("wren@example.org", PASSWORD);
    otherWriter = new AdminClient(site).signIn("olly@example.org", PASSWORD);
    editor = new AdminClient(site).signIn("eddie@example.org", PASSWORD);
    sectionId = site.newsroom().sections().ensure("world", "World", "", 1).id();
  }

  @AfterAll
  void stop() {
    site.close();
  }

  /** A new picture (each a different size, so none is a copy of another), uploaded by {@code who}. */
  long upload(AdminClient who, String caption) {
    who.get("/admin/photos");
    var r = who.postMultipart(
        "/admin/photos",
        Map.of("caption", caption, "credit", "Staff", "alt", "A harbour"),
        "file",
        "photo.png",
        TestImages.png(sizes.incrementAndGet(), 80));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    var m = Pattern.compile("Stored as <a href=\"/admin/photos/(\\d+)\">").matcher(r.body());
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  Image photo(long id) {
    return site.newsroom().images().byId(id).orElseThrow();
  }

  /** A published story with {@code imageId} as its featured picture, or in its body. */
  String publishWith(long imageId, boolean featured, String headline) {
    var draft = new ArticleDraft(
        null,
        headline,
        "",
        "",
        null,
        sectionId,
        List.of(),
        List.of(),
        featured ? imageId : null,
        List.of(
            Block.Paragraph.ofText("It happened today."),
            featured
                ? Block.Paragraph.ofText("No picture here.")
                : new Block.ImageBlock(imageId, "", "", "")),
        "",
        "",
        "");
    var articles = site.newsroom().articles();
    long id = articles.create(draft);
    articles.publish(id);
    return articles.byId(id).orElseThrow().path();
  }

  java.net.http.HttpResponse<String> edit(AdminClient who, long id, String caption) {
    who.get("/admin/photos");
    return who.postForm(
        "/admin/photos/" + id,
        Map.of("caption", caption, "credit", "Changed credit", "alt", "Changed alt"));
  }

  List<AuditLog.Entry> audit(long id) {
    return site.byline().accounts().audit().about("image", id, 10);
  }

  @Test
  void a_writer_may_change_their_own_photo_while_no_published_story_shows_it() {
    long id = upload(writer, "First words");
    assertThat(photo(id).uploadedBy()).isEqualTo(writerId);

    var r = edit(writer, id, "Better words");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    assertThat(photo(id).caption()).isEqualTo("Better words");
  }

  @Test
  void a_writer_may_not_change_a_photo_someone_else_uploaded() {
    long id = upload(otherWriter, "Olly's caption");

    var r = edit(writer, id, "Wren was here");

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("Only an editor can change", "someone else uploaded it");
    var after = photo(id);
    assertThat(after.caption()).isEqualTo("Olly's caption");
    assertThat(after.credit()).isEqualTo("Staff");
    assertThat(after.alt()).isEqualTo("A harbour");
    assertThat(audit(id)).extracting(AuditLog.Entry::action).doesNotContain("photo.update");
  }

  @Test
  void a_writer_may_not_change_their_own_photo_once_a_published_story_shows_it() {
    long featured = upload(writer, "Boats at dawn");
    long inBody = upload(writer, "Nets on the quay");
    var featuredPath = publishWith(featured, true, "Harbour reopens after storm");
    publishWith(inBody, false, "Fishing fleet returns");

    var r = edit(writer, featured, "Wrong caption, live at once");
    var r2 = edit(writer, inBody, "Another wrong caption");

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("Only an editor can change", "Harbour reopens after storm");
    assertThat(r2.statusCode()).isEqualTo(403);
    assertThat(r2.body()).contains("Fishing fleet returns");
    assertThat(photo(featured).caption()).isEqualTo("Boats at dawn");
    assertThat(photo(inBody).caption()).isEqualTo("Nets on the quay");
    assertThat(site.get(featuredPath).body())
        .contains("Boats at dawn")
        .doesNotContain("Wrong caption");
    assertThat(writer.get("/admin/photos/" + featured).body())
        .as("the writer is told why, and is offered no form")
        .contains("Harbour reopens after storm")
        .doesNotContain("<button type=\"submit\" class=\"button primary\">Save</button>");
  }

  @Test
  void a_writer_may_not_change_a_wire_photo_or_one_uploaded_before_uploaders_were_recorded() {
    var wire = site.newsroom()
        .images()
        .store(
            TestImages.png(sizes.incrementAndGet(), 90),
            new ImageStore.ImageText("Agency caption", "Name/AGENCY", "Agency alt"));
    assertThat(wire.uploadedBy()).isNull();

    var r = edit(writer, wire.id(), "Not the agency's words");

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("came from the wire or an import");
    assertThat(photo(wire.id()).caption()).isEqualTo("Agency caption");
  }

  @Test
  void an_editor_changes_a_published_photo_readers_see_it_at_once_and_it_is_audited() {
    long id = upload(writer, "Crowd at the gates");
    var path = publishWith(id, true, "Stadium opens its gates");
    assertThat(site.get(path).body()).contains("Crowd at the gates");
    assertThat(site.get(path).body()).as("now from the page cache").contains("Crowd at the gates");

    var r = edit(editor, id, "Fans queue at the north gate");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    var page = Eventually.settled(
        Duration.ofSeconds(10),
        () -> site.get(path).body(),
        body -> body.contains("Fans queue at the north gate"));
    assertThat(page).contains("Fans queue at the north gate").doesNotContain("Crowd at the gates");
    assertThat(audit(id))
        .filteredOn(e -> e.action().equals("photo.update"))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("Stadium opens its gates"));
  }
}
