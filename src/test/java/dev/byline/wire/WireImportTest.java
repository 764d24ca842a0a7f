package dev.byline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.Newsroom;
import dev.byline.testing.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk import over hostile and ordinary input: nothing stored changes for bad files, and the import goes on. */
class WireImportTest {
  @TempDir
  Path dir;

  static byte[] story(String id, int version, String headline) {
    return ("{\"uri\":\"urn:test:" + id + "\",\"type\":\"text\",\"version\":\"" + version + "\","
            + "\"versioncreated\":\"2026-02-0" + version + "T10:00:00Z\",\"headline\":\"" + headline
            + "\","
            + "\"body_text\":\"First paragraph of " + id + ".\\n\\nSecond paragraph.\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void hostile_and_broken_files_are_quarantined_with_reasons_and_nothing_stored_changes()
      throws Exception {
    try (var newsroom = Newsroom.open(
        TestDatabases.sqlite(dir.resolve("data"), Map.of("wire.max.file.mb", "1")),
        Clock.systemUTC())) {
      var wire = newsroom.wire();
      var source = wire.source("import", newsroom.config());
      var first = Files.createDirectories(dir.resolve("first"));
      Files.write(first.resolve("good.json"), story("a", 1, "Bridge reopens"));
      assertThat(wire.importer()
              .run(first, source, WireDesk.Options.NONE, WireImport.Progress.NONE)
              .line())
          .isEqualTo("1 imported, 0 updated, 0 ignored, 0 quarantined");

      var bad = Files.createDirectories(dir.resolve("bad"));
      Files.writeString(
          bad.resolve("01-malformed.xml"), "<newsItem guid=\"x\" version=\"2\"><itemMeta>");
      Files.writeString(
          bad.resolve("02-xxe.xml"),
          "<?xml version=\"1.0\"?><!DOCTYPE n [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
              + "<nitf><body><body.head><hedline><hl1>&x;</hl1></hedline></body.head></body></nitf>");
      Files.writeString(
          bad.resolve("03-laughs.xml"),
          "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
              + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
              + "<nitf><body><body.head><hedline><hl1>&lol3;</hl1></hedline></body.head></body></nitf>");
      Files.write(
          bad.resolve("04-encoding.xml"),
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><nitf><body><body.head><hedline><hl1>"
                  + "Caf\u00e9</hl1></hedline></body.head></body></nitf>")
              .getBytes(StandardCharsets.ISO_8859_1));
      Files.write(bad.resolve("05-gigantic.json"), new byte[2 * 1024 * 1024]);
      Files.writeString(bad.resolve("06-no-id.json"), "{\"type\":\"text\",\"headline\":\"No id\"}");
      Files.writeString(
          bad.resolve("07-malformed.json"),
          "{\"uri\":\"urn:test:a\",\"version\":\"2\",\"headline\":\"Hijacked\",");
      Files.writeString(bad.resolve("08-latin1.json"), "");
      Files.write(
          bad.resolve("08-latin1.json"),
          "{\"uri\":\"urn:test:b\",\"headline\":\"Caf\u00e9\"}"
              .getBytes(StandardCharsets.ISO_8859_1));
      Files.write(bad.resolve("09-fine.json"), story("c", 1, "Ferry runs again"));

      var summary =
          wire.importer().run(bad, source, WireDesk.Options.NONE, WireImport.Progress.NONE);
      assertThat(summary.line()).isEqualTo("1 imported, 0 updated, 0 ignored, 8 quarantined");
      var story = wire.store().story("import", "urn:test:a").orElseThrow();
      assertThat(story.version()).isEqualTo(1);
      assertThat(story.headline()).isEqualTo("Bridge reopens");

      var q = wire.quarantineRoot().resolve("import");
      assertThat(note(q, "01-malformed.xml"))
          .contains("file: 01-malformed.xml", "where: line 1", "not well-formed XML");
      assertThat(note(q, "02-xxe.xml")).contains("DOCTYPE").contains("XXE");
      assertThat(note(q, "03-laughs.xml")).contains("billion laughs");
      assertThat(note(q, "04-encoding.xml")).contains("not in the encoding it declares");
      assertThat(note(q, "05-gigantic.json")).contains("is 2 MB; the limit is 1 MB");
      assertThat(note(q, "06-no-id.json")).contains("where: uri", "is missing");
      assertThat(note(q, "07-malformed.json")).contains("not valid JSON");
      assertThat(note(q, "08-latin1.json")).contains("not valid UTF-8");
      assertThat(q.resolve("02-xxe.xml")).exists();
      assertThat(Files.readString(q.resolve("02-xxe.xml")))
          .contains("/etc/passwd"); // kept as sent, never expanded
    }
  }

  static String note(Path q, String name) throws Exception {
    return Files.readString(q.resolve(name + ".error.txt"));
  }

  @Test
  void zip_and_tar_gz_archives_import_and_a_second_run_ignores_what_is_already_there()
      throws Exception {
    try (var newsroom =
        Newsroom.open(TestDatabases.sqlite(dir.resolve("data")), Clock.systemUTC())) {
      newsroom.sections().ensure("archive", "Archive", "", 9);
      var wire = newsroom.wire();
      var source = wire.source("archive", newsroom.config());
      var zip = dir.resolve("items.zip");
      try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
        for (int i = 1; i <= 3; i++) {
          out.putNextEntry(new ZipEntry("2019/story-" + i + ".json"));
          out.write(story("z" + i, 1, "Zip story " + i));
          out.closeEntry();
        }
        out.putNextEntry(new ZipEntry("../escape.json"));
        out.write(story("evil", 1, "Escapee"));
        out.closeEntry();
      }
      var tgz = dir.resolve("items.tar.gz");
      var buffer = new ByteArrayOutputStream();
      try (var tar = new TarArchiveOutputStream(new GZIPOutputStream(buffer))) {
        for (int i = 1; i <= 2; i++) {
          var bytes = story("t" + i, 2, "Tar story " + i);
          var e = new TarArchiveEntry("t/story-" + i + ".json");
          e.setSize(bytes.length);
          tar.putArchiveEntry(e);
          tar.write(bytes);
          tar.closeArchiveEntry();
        }
      }
      Files.write(tgz, buffer.toByteArray());
      var options = new WireDesk.Options(true, "archive", true);
      assertThat(wire.importer()
              .run(zip, source, options, WireImport.Progress.NONE)
              .line())
          .isEqualTo("3 imported, 0 updated, 0 ignored, 1 quarantined");
      assertThat(wire.importer()
              .run(tgz, source, options, WireImport.Progress.NONE)
              .line())
          .isEqualTo("2 imported, 0 updated, 0 ignored, 0 quarantined");
      assertThat(wire.importer()
              .run(zip, source, options, WireImport.Progress.NONE)
              .line())
          .isEqualTo("0 imported, 0 updated, 3 ignored, 1 quarantined");
      assertThat(Files.exists(dir.resolve("escape.json"))).isFalse();
      var article = newsroom
          .articles()
          .byId(wire.store().story("archive", "urn:test:z1").orElseThrow().articleId())
          .orElseThrow();
      assertThat(article.isPublished()).isTrue();
      assertThat(article.section().slug()).isEqualTo("archive");
      assertThat(article.firstPublishedAt())
          .isEqualTo(java.time.Instant.parse("2026-02-01T10:00:00Z")); // its own date
      assertThat(newsroom.published().countPublished()).isEqualTo(5);
    }
  }

  @Test
  void a_deeply_nested_file_is_quarantined_and_the_import_goes_on_to_its_summary()
      throws Exception {
    try (var newsroom =
        Newsroom.open(TestDatabases.sqlite(dir.resolve("data")), Clock.systemUTC())) {
      var wire = newsroom.wire();
      var source = wire.source("import", newsroom.config());
      var folder = Files.createDirectories(dir.resolve("deep"));
      Files.write(folder.resolve("01-story.json"), story("before", 1, "Bridge reopens"));
      Files.write(folder.resolve("02-deep.xml"), HostileInput.deepNitf(5_000));
      Files.write(folder.resolve("03-story.json"), story("after", 1, "Ferry runs again"));
      var summary =
          wire.importer().run(folder, source, WireDesk.Options.NONE, WireImport.Progress.NONE);
      assertThat(summary.line()).isEqualTo("2 imported, 0 updated, 0 ignored, 1 quarantined");
      assertThat(note(wire.quarantineRoot().resolve("import"), "02-deep.xml"))
          .contains("nests elements more than " + SafeXml.MAX_DEPTH + " deep");
    }
  }

  static byte[] storyAt(String id, int version, String time, String headline) {
    return ("{\"uri\":\"urn:test:" + id + "\",\"type\":\"text\",\"version\":\"" + version
            + "\",\"versioncreated\":\"" + time + "\",\"headline\":\"" + headline
            + "\",\"body_text\":\"Text of " + id + ".\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void a_same_version_correction_in_an_import_supersedes_and_keeps_the_rest_of_its_batch()
      throws Exception {
    try (var newsroom =
        Newsroom.open(TestDatabases.sqlite(dir.resolve("data")), Clock.systemUTC())) {
      var wire = newsroom.wire();
      var source = wire.source("import", newsroom.config());
      var folder = Files.createDirectories(dir.resolve("corrections"));
      Files.write(
          folder.resolve("1.json"), storyAt("m", 2, "2026-02-01T10:00:00Z", "Mayor resigns"));
      Files.write(
          folder.resolve("2.json"), storyAt("n", 1, "2026-02-01T10:01:00Z", "Schools shut"));
      Files.write(
          folder.resolve("3.json"),
          storyAt("m", 2, "2026-02-01T10:05:00Z", "Deputy mayor resigns"));
      Files.write(folder.resolve("4.json"), storyAt("o", 1, "2026-02-01T10:06:00Z", "Roads close"));
      var summary =
          wire.importer().run(folder, source, WireDesk.Options.NONE, WireImport.Progress.NONE);
      assertThat(summary.line()).isEqualTo("3 imported, 1 updated, 0 ignored, 0 quarantined");
      assertThat(wire.store().story("import", "urn:test:m").orElseThrow().headline())
          .isEqualTo("Deputy mayor resigns");
      assertThat(wire.store().versions("import", "urn:test:m")).hasSize(2);
    }
  }

  @Test
  void
      an_archive_that_unpacks_to_more_than_the_limit_is_refused_with_the_limit_and_imports_nothing()
          throws Exception {
    try (var newsroom = Newsroom.open(
        TestDatabases.sqlite(
            dir.resolve("data"),
            Map.of("wire.max.file.mb", "1", "wire.import.max.unpacked.mb", "2")),
        Clock.systemUTC())) {
      var wire = newsroom.wire();
      var source = wire.source("import", newsroom.config());
      var zip = dir.resolve("big.zip");
      try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
        out.putNextEntry(new ZipEntry("story.json"));
        out.write(story("big", 1, "Before the padding"));
        out.closeEntry();
        for (int i = 0; i < 4; i++) {
          out.putNextEntry(new ZipEntry("padding-" + i + ".json"));
          out.write(new byte[900 * 1024]); // each under the file limit, together over the total
          out.closeEntry();
        }
      }
      var thrown = org.assertj.core.api.Assertions.catchThrowable(
          () -> wire.importer().run(zip, source, WireDesk.Options.NONE, WireImport.Progress.NONE));
      assertThat(thrown)
          .isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("unpacks to more than 2 MB")
          .hasMessageContaining("wire.import.max.unpacked.mb");
      assertThat(wire.store().countItems()).isZero();

      var bomb = dir.resolve("bomb.zip");
      try (var out = new ZipOutputStream(Files.newOutputStream(bomb))) {
        out.putNextEntry(new ZipEntry("zeros.json"));
        var zeros = new byte[1 << 20];
        for (int i = 0; i < 64; i++) out.write(zeros); // 64 MB that compress to almost nothing
        out.closeEntry();
      }
      assertThat(Files.size(bomb)).isLessThan(1 << 20);
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
              wire.importer().run(bomb, source, WireDesk.Options.NONE, WireImport.Progress.NONE)))
          .hasMessageContaining("unpacks to more than 2 MB");
    }
  }
}
