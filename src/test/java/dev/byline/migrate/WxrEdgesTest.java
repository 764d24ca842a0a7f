package dev.byline.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.testing.Cli;
import dev.byline.testing.TestDatabases;
import dev.byline.wire.PictureFetcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Older WXR versions, characters XML forbids, and attachment files that point outside uploads. */
class WxrEdgesTest {
  @TempDir
  Path dir;

  String statuses() throws Exception {
    return Files.readString(
        Path.of(WxrEdgesTest.class.getResource("/wxr/statuses.xml").toURI()));
  }

  @Test
  void a_wxr_1_0_export_with_a_control_character_imports_and_the_report_says_what_was_replaced()
      throws Exception {
    var old = statuses()
        .replace("http://wordpress.org/export/1.2/", "http://wordpress.org/export/1.0/")
        .replace("<wp:wxr_version>1.2</wp:wxr_version>", "<wp:wxr_version>1.0</wp:wxr_version>")
        .replace("The harbour ferry will run", "The harbour\u000b ferry will run");
    assertThat(old).contains("export/1.0/excerpt/").contains("\u000b");
    var file = Files.writeString(dir.resolve("old.xml"), old);
    assertThat(Export.detect(file))
        .hasValueSatisfying(e -> assertThat(e.describe()).isEqualTo("WordPress eXtended RSS 1.0"));
    var c = TestDatabases.sqlite(dir.resolve("data"));
    var report = dir.resolve("r.txt");
    var run = Cli.run(
            "import",
            file.toString(),
            "--data",
            c.dataDir().toString(),
            "--report",
            report.toString())
        .assertSucceeded();
    assertThat(run.out())
        .contains("1 published", "4 drafts", "1 in review", "1 scheduled", "1 skipped");
    assertThat(Files.readString(report))
        .contains("1 control character(s) that XML does not allow were replaced with spaces");
  }

  @Test
  void an_rss_feed_or_a_json_file_that_is_not_a_ghost_export_is_not_taken_for_a_site_export()
      throws Exception {
    var rss = Files.writeString(
        dir.resolve("feed.xml"),
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>");
    var json =
        Files.writeString(dir.resolve("item.json"), "{\"uri\":\"urn:x\",\"headline\":\"h\"}");
    assertThat(Export.detect(rss)).isEmpty();
    assertThat(Export.detect(json)).isEmpty();
  }

  @Test
  void an_attachment_file_is_read_only_from_inside_the_uploads_folder() throws Exception {
    var uploads = Files.createDirectories(dir.resolve("uploads/2024/04"));
    Files.writeString(dir.resolve("secret.txt"), "not a picture");
    Files.createSymbolicLink(uploads.resolve("link.jpg"), dir.resolve("secret.txt"));
    var files = new AttachmentFiles(
        dir.resolve("uploads"),
        false,
        new PictureFetcher(),
        "https://old.example",
        false,
        ZoneOffset.UTC);
    assertThatThrownBy(() -> files.read("../secret.txt", ""))
        .hasMessageContaining("points outside the uploads folder");
    assertThatThrownBy(() -> files.read("2024/04/link.jpg", ""))
        .hasMessageContaining("is a link out of the uploads folder");
    assertThatThrownBy(() -> files.read("2024/04/missing.jpg", ""))
        .hasMessageContaining("is not in the uploads folder");
    assertThat(AttachmentFiles.keyOfUrl(
            "https://old.example/wp-content/uploads/2024/04/quay-300x200.jpg"))
        .isEqualTo("2024/04/quay.jpg");
  }
}
