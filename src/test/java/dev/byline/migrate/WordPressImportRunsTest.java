package dev.byline.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.byline.Newsroom;
import dev.byline.config.Config;
import dev.byline.testing.Cli;
import dev.byline.testing.TestDatabases;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How an import runs: gzipped and split exports, a broken export (nothing written), a run cut
 * short (resumed by running it again), a dry run (nothing written), and pictures fetched from
 * the old site through the SSRF guard.
 */
class WordPressImportRunsTest {
  @TempDir
  Path dir;

  Config config(String db) {
    var data = dir.resolve("data-" + db);
    return db.equals("postgresql") ? TestDatabases.postgres(data) : TestDatabases.sqlite(data);
  }

  static String[] args(Config c, String... first) {
    var out = new ArrayList<>(List.of(first));
    out.addAll(List.of("--data", c.dataDir().toString()));
    if (!c.embeddedDatabase()) out.addAll(List.of("--database-url", c.databaseUrl()));
    return out.toArray(String[]::new);
  }

  static Map<String, Long> counts(Config c) {
    try (var n = Newsroom.open(c, Clock.systemUTC())) {
      var out = new LinkedHashMap<String, Long>();
      n.db().jdbi().useHandle(h -> {
        for (var t : List.of(
            "article",
            "image",
            "topic",
            "author",
            "section",
            "legacy_url",
            "imported_comment",
            "migration_item"))
          out.put(
              t, h.createQuery("SELECT COUNT(*) FROM " + t).mapTo(Long.class).one());
        out.put(
            "numbered slugs",
            h.createQuery("SELECT COUNT(*) FROM article WHERE slug LIKE '%-2'")
                .mapTo(Long.class)
                .one());
      });
      return out;
    }
  }

  Path wxr() throws Exception {
    return WordPressSiteContract.fixture("news-site.xml");
  }

  @Test
  void a_gzipped_export_and_the_same_export_split_into_files_import_as_the_plain_file_does()
      throws Exception {
    var plain = TestDatabases.sqlite(dir.resolve("plain"));
    Cli.run(args(plain, "import", wxr().toString())).assertSucceeded();
    var gz = dir.resolve("site.xml.gz");
    try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(wxr(), out);
    }
    var zipped = TestDatabases.sqlite(dir.resolve("zipped"));
    assertThat(Cli.run(args(zipped, "import", gz.toString())).assertSucceeded().err())
        .contains("WordPress eXtended RSS 1.2");
    var split = TestDatabases.sqlite(dir.resolve("split"));
    Cli.run(args(split, "import", split(wxr(), dir.resolve("parts"), 3).toString()))
        .assertSucceeded();
    assertThat(counts(zipped)).isEqualTo(counts(plain));
    assertThat(counts(split)).isEqualTo(counts(plain));
    assertThat(counts(plain).get("article")).isGreaterThan(20);
  }

  /** Splits a WXR file as splitting tools do: the header in every part, the items shared out. */
  static Path split(Path wxr, Path into, int parts) throws Exception {
    var text = Files.readString(wxr);
    int first = text.indexOf("<item>");
    int end = text.lastIndexOf("</channel>");
    var head = text.substring(0, first);
    var tail = text.substring(end);
    var items = text.substring(first, end).split("(?=\\s*<item>)");
    Files.createDirectories(into);
    for (int p = 0; p < parts; p++) {
      var sb = new StringBuilder(head);
      for (int i = p; i < items.length; i += parts) sb.append(items[i]);
      Files.writeString(
          into.resolve(String.format("site.wordpress.%03d.xml", p)),
          sb.append(tail).toString());
    }
    return into;
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void a_cut_short_or_broken_export_is_quarantined_with_one_line_and_nothing_is_written(String db)
      throws Exception {
    var c = config(db);
    try {
      var text = Files.readString(wxr());
      var cut = Files.writeString(dir.resolve("cut.xml"), text.substring(0, text.length() * 2 / 3));
      var run = Cli.run(args(
          c,
          "import",
          cut.toString(),
          "--uploads",
          WordPressSiteContract.fixture("uploads").toString()));
      assertThat(run.exit()).isEqualTo(1);
      var error = run.err().lines().filter(l -> l.startsWith("byline:")).toList();
      assertThat(error).hasSize(1);
      assertThat(error.get(0))
          .contains("cut.xml was not imported", "cut short", "line ", "nothing was written");
      assertThat(counts(c))
          .containsEntry("article", 0L)
          .containsEntry("image", 0L)
          .containsEntry("migration_item", 0L)
          .containsEntry("legacy_url", 0L)
          .containsEntry("topic", 0L);
      var note = Files.readString(c.dataDir().resolve("migrate/quarantine/cut.xml.error.txt"));
      assertThat(note).contains("file: cut.xml", "where: cut.xml, line", "cut short");

      var broken = Files.writeString(
          dir.resolve("broken.xml"), text.replaceFirst("</wp:post_id>", "</wp:post>"));
      assertThat(Files.readString(broken)).isNotEqualTo(text);
      var second = Cli.run(args(c, "import", broken.toString()));
      assertThat(second.exit()).isEqualTo(1);
      assertThat(second.err()).contains("broken.xml was not imported", "is not well-formed XML");
      assertThat(counts(c)).containsEntry("article", 0L);
    } finally {
      TestDatabases.drop(c);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void an_import_cut_short_keeps_whole_batches_and_running_it_again_finishes_it_without_doubles(
      String db) throws Exception {
    var c = config(db);
    var clean = TestDatabases.sqlite(dir.resolve("clean-" + db));
    try {
      var export = Export.detect(wxr()).orElseThrow();
      var options = new MigrationOptions(
          false,
          WordPressSiteContract.fixture("uploads"),
          false,
          "",
          false,
          dir.resolve("r1.txt"),
          4);
      try (var n = Newsroom.open(c, Clock.systemUTC())) {
        Progress crash = (phase, done, total) -> {
          if (phase.equals("posts") && done >= 8) throw new IllegalStateException("power cut");
        };
        assertThatThrownBy(() -> n.migrations().run(export, options, crash))
            .hasMessage("power cut");
        long posts = n.db()
            .jdbi()
            .withHandle(
                h -> h.createQuery("SELECT COUNT(*) FROM migration_item WHERE kind = 'post'")
                    .mapTo(Long.class)
                    .one());
        assertThat(posts).as("two whole batches of four").isEqualTo(8);
      }
      Cli.run(args(
              c,
              "import",
              wxr().toString(),
              "--uploads",
              WordPressSiteContract.fixture("uploads").toString()))
          .assertSucceeded();
      Cli.run(args(
              clean,
              "import",
              wxr().toString(),
              "--uploads",
              WordPressSiteContract.fixture("uploads").toString()))
          .assertSucceeded();
      assertThat(counts(c)).isEqualTo(counts(clean));
      assertThat(counts(c).get("numbered slugs")).isZero();
    } finally {
      TestDatabases.drop(c);
    }
  }

  @Test
  void a_dry_run_writes_only_its_report_and_counts_what_a_real_run_then_does() throws Exception {
    var c = TestDatabases.sqlite(dir.resolve("dry"));
    var dryReport = dir.resolve("dry.txt");
    var dry = Cli.run(
            args(c, "import", wxr().toString(), "--dry-run", "--report", dryReport.toString()))
        .assertSucceeded();
    assertThat(dry.out())
        .startsWith("Byline import report (dry run: nothing was written)")
        .contains("category news → section /news")
        .contains("Dry run, nothing written: would be");
    assertThat(counts(c)).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
    var text = Files.readString(dryReport);
    assertThat(text)
        .contains(
            "What the import would do",
            "category news → section /news",
            "tag ferries → topic /topic/ferries");
    var realReport = dir.resolve("real.txt");
    Cli.run(args(c, "import", wxr().toString(), "--report", realReport.toString()))
        .assertSucceeded();
    var would = WordPressSiteContract.section(text, "What the import would do");
    var did = WordPressSiteContract.section(Files.readString(realReport), "What the import did");
    for (var key : List.of("published", "drafts", "in review", "scheduled", "skipped"))
      assertThat(would.get(key)).as(key).isEqualTo(did.get(key));
  }

  @Test
  void pictures_are_fetched_from_the_old_site_only_through_the_ssrf_guard() throws Exception {
    var jpeg =
        Files.readAllBytes(WordPressSiteContract.fixture("uploads/2024/04/quay-at-dusk.jpg"));
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/wp-content/uploads/2024/04/quay.jpg", ex -> {
      ex.getResponseHeaders().add("Content-Type", "image/jpeg");
      ex.sendResponseHeaders(200, jpeg.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(jpeg);
      }
    });
    server.start();
    try {
      var base = "http://127.0.0.1:" + server.getAddress().getPort();
      var wxr = Files.writeString(
          dir.resolve("local.xml"),
          Files.readString(Path.of(
                  WordPressSiteContract.class.getResource("/wxr/statuses.xml").toURI()))
              .replace("https://gazette.example", base)
              .replace(
                  "<wp:post_type><![CDATA[post]]></wp:post_type>\n\t\t<wp:post_password><![CDATA[]]></wp:post_password>\n\t\t<wp:is_sticky>0</wp:is_sticky>\n\t\t<category domain=\"category\" nicename=\"local\"><![CDATA[Local]]></category>\n\t\t<category domain=\"post_tag\"",
                  "<wp:post_type><![CDATA[post]]></wp:post_type>\n\t\t<wp:post_password><![CDATA[]]></wp:post_password>\n\t\t<wp:is_sticky>0</wp:is_sticky>\n\t\t<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[108]]></wp:meta_value></wp:postmeta>\n\t\t<category domain=\"category\" nicename=\"local\"><![CDATA[Local]]></category>\n\t\t<category domain=\"post_tag\""),
          StandardCharsets.UTF_8);
      assertThat(Files.readString(wxr)).contains("<wp:meta_value><![CDATA[108]]>");
      var guarded = TestDatabases.sqlite(dir.resolve("guarded"));
      var report = dir.resolve("guarded.txt");
      Cli.run(args(
              guarded, "import", wxr.toString(), "--fetch-media", "--report", report.toString()))
          .assertSucceeded();
      assertThat(Files.readString(report))
          .contains("could not be fetched", "private or local address");
      assertThat(counts(guarded)).containsEntry("image", 0L);

      var allowed = TestDatabases.sqlite(dir.resolve("allowed"));
      Cli.run(args(
              allowed,
              "import",
              wxr.toString(),
              "--fetch-media",
              "--set",
              "migrate.fetch.private=true"))
          .assertSucceeded();
      assertThat(counts(allowed)).containsEntry("image", 1L);
      try (var n = Newsroom.open(allowed, Clock.systemUTC())) {
        var article = n.published().bySlug("ferry-timetable-extended").orElseThrow();
        assertThat(article.featuredImage()).isPresent();
        assertThat(article.featuredImage().get().caption()).contains("the quay at dawn");
      }
    } finally {
      server.stop(0);
    }
  }
}
