package dev.byline.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.Main;
import dev.byline.testing.ReaderCrawl;
import dev.byline.testing.TestSite;
import dev.byline.wire.ReadContext;
import dev.byline.wire.WireFormatException;
import dev.byline.wire.WireFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A WordPress export holds drafts, private, pending, scheduled, trashed and password-protected
 * posts and attachments. Imported as a newsroom would first try it ({@code byline import
 * site.xml --publish}), none of them may reach a reader by any page, list, feed, sitemap or search.
 */
class WordPressLeakTest {
  /** Marker words, one in the title and text of each item that must stay hidden. */
  static final List<String> HIDDEN = List.of(
      "HIDDENDRAFT",
      "HIDDENPRIVATE",
      "HIDDENPENDING",
      "HIDDENFUTURE",
      "HIDDENTRASH",
      "HIDDENPASSWORD",
      "HIDDENATTACHMENT",
      "HIDDENPAGEDRAFT",
      "HIDDENDESK",
      "HIDDENTAG");

  /** Other words of the hidden items, searched for (searching a marker would echo it back). */
  static final List<String> SEARCHES = List.of(
      "ferry",
      "budget",
      "rota",
      "lifeboat",
      "regatta",
      "retracted",
      "minutes",
      "quay",
      "about",
      "hidden",
      "hid");

  @TempDir
  Path dir;

  static Path resource(String name, Path into) throws Exception {
    try (var in =
        Objects.requireNonNull(WordPressLeakTest.class.getResourceAsStream("/wxr/" + name), name)) {
      var target = into.resolve(name);
      Files.copy(in, target);
      return target;
    }
  }

  @Test
  void import_with_publish_lets_no_unpublished_item_or_attachment_reach_a_reader()
      throws Exception {
    var wxr = resource("statuses.xml", dir);
    var data = dir.resolve("data");
    new CommandLine(new Main())
        .execute("import", wxr.toString(), "--publish", "--data", data.toString());

    try (var site = TestSite.start(data)) {
      assertThat(
              site.byline().searchIndex().awaitPosition(site.newsroom().feed().head(), 60_000))
          .as("search index caught up")
          .isTrue();
      var crawl = ReaderCrawl.of(site, SEARCHES);
      assertThat(crawl.pagesContaining("Harbour ferry timetable extended"))
          .as("the published post is on the site")
          .isNotEmpty();
      for (var marker : HIDDEN) {
        assertThat(crawl.pagesContaining(marker))
            .as(marker + " is on no page of the " + crawl.size() + " a reader can reach")
            .isEmpty();
      }
      // A category or tag only unpublished posts use was never a public page on WordPress either,
      // and its topic (kept on the drafts) is no page for readers.
      for (var old : List.of(
          "/category/hiddendesk/",
          "/tag/hiddentag/",
          "/?cat=4",
          "/?tag=hiddentag",
          "/topic/hiddentag-takeover",
          "/topic/hiddendesk-investigations",
          "/feed/topic/hiddentag-takeover/rss.xml")) {
        var r = site.get(old);
        assertThat(r.statusCode()).as(old).isNotEqualTo(301);
        assertThat(r.body()).as(old).doesNotContain("HIDDENDESK", "HIDDENTAG");
      }
    }
  }

  @Test
  void the_wire_desk_refuses_a_wordpress_export_instead_of_publishing_it_as_a_feed()
      throws Exception {
    var bytes = Files.readAllBytes(resource("statuses.xml", dir));
    assertThatThrownBy(
            () -> WireFormats.read(bytes, ReadContext.of("drop", "site.xml", Instant.now())))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("is a WordPress export (WXR)")
        .hasMessageContaining("byline import FILE");
  }
}
