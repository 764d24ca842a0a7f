package dev.byline.related;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.testing.Cli;
import dev.byline.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two versions of one agency story, brought in by {@code byline import --publish} from the live
 * feed's source and again from an archive, are two articles on the site; readers of either are
 * never sent to the other as related reading, while other stories about the same events are
 * offered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoryVersionsHttpTest {
  static final String STORY = "urn:newsml:agency.example:20260302:kestrel-report";

  @TempDir
  static Path dir;

  TestSite site;
  String first;
  String rewritten;
  List<String> others;

  static void write(Path folder, String name, String uri, int version, String headline, String text)
      throws Exception {
    var json = "{\"uri\":\"" + uri + "\",\"type\":\"text\",\"version\":\"" + version + "\","
        + "\"versioncreated\":\"2026-03-0" + version + "T09:00:00Z\",\"headline\":\"" + headline
        + "\",\"body_text\":\"" + text.replace("\n", "\\n") + "\"}";
    Files.writeString(folder.resolve(name), json, StandardCharsets.UTF_8);
  }

  static String paragraphs(String text) {
    return String.join("\n\n", text.split("(?<=\\.) "));
  }

  @BeforeAll
  void importAndServe() throws Exception {
    var data = dir.resolve("data");
    site = TestSite.demo(data);
    var feed = Files.createDirectories(dir.resolve("feed"));
    var bridge = "The Kestrel Bridge over the Amberlin River was closed on Tuesday after engineers "
        + "found cracks in two of its steel cables. Traffic between Elsmere and Port Averly was "
        + "diverted through the valley road. The transport ministry said inspections of the Kestrel "
        + "Bridge cables would take at least a week.";
    write(
        feed,
        "1-closed.json",
        "urn:newsml:agency.example:20260227:kestrel-closed",
        1,
        "Kestrel Bridge closed after cracks found in cables",
        paragraphs(bridge + " Commuters faced long delays."));
    write(
        feed,
        "2-repairs.json",
        "urn:newsml:agency.example:20260228:kestrel-repairs",
        1,
        "Kestrel Bridge cable repairs to take a month, ministry says",
        paragraphs(
            "Repairs to the cracked cables of the Kestrel Bridge over the Amberlin River will "
                + "take a month, the transport ministry said. Engineers will replace two steel cables. "
                + "Traffic between Elsmere and Port Averly stays on the valley road until the Kestrel "
                + "Bridge reopens."));
    write(
        feed,
        "3-inquiry.json",
        "urn:newsml:agency.example:20260301:kestrel-inquiry",
        1,
        "Inquiry opened into Kestrel Bridge cable cracks",
        paragraphs(
            "An inquiry will examine how cracks in the Kestrel Bridge cables went unnoticed. "
                + "The transport ministry said inspections of steel cables on the Amberlin River bridges "
                + "will be doubled. Elsmere councillors welcomed it."));
    write(
        feed,
        "4-report.json",
        STORY,
        1,
        "Kestrel Bridge inspectors blame corrosion for cable cracks",
        paragraphs(
            "Inspectors said corrosion caused the cracks found in the Kestrel Bridge cables "
                + "over the Amberlin River. The report, published on Monday, urges more frequent checks "
                + "of steel cables on river crossings. Engineers found rust under the cable coatings."));
    var archive = Files.createDirectories(dir.resolve("archive"));
    write(
        archive,
        "report-v2.json",
        STORY,
        2,
        "Corrosion caused Kestrel Bridge cable cracks, report finds",
        paragraphs(
            "A report published on Monday said corrosion, not overloading, caused the cracks "
                + "in two steel cables of the Kestrel Bridge. It calls for checks every six months on "
                + "the Amberlin River crossings, and new coatings."));
    var args = List.of("--publish", "--section", "world", "--data", data.toString());
    var fromFeed = Cli.run(concat(List.of("import", feed.toString(), "--source", "agency"), args))
        .assertSucceeded();
    assertThat(fromFeed.out()).contains("4 imported");
    var fromArchive = Cli.run(
            concat(List.of("import", archive.toString(), "--source", "archive"), args))
        .assertSucceeded();
    assertThat(fromArchive.out()).contains("1 imported");

    var wire = site.newsroom().wire().store();
    first = path(wire.story("agency", STORY).orElseThrow().articleId());
    rewritten = path(wire.story("archive", STORY).orElseThrow().articleId());
    others = List.of(
        path(wire.story("agency", "urn:newsml:agency.example:20260227:kestrel-closed")
            .orElseThrow()
            .articleId()),
        path(wire.story("agency", "urn:newsml:agency.example:20260228:kestrel-repairs")
            .orElseThrow()
            .articleId()),
        path(wire.story("agency", "urn:newsml:agency.example:20260301:kestrel-inquiry")
            .orElseThrow()
            .articleId()));
    assertThat(site.byline().searchIndex().awaitPosition(site.newsroom().feed().head(), 60_000))
        .isTrue();
  }

  @AfterAll
  void stop() {
    site.close();
  }

  static String[] concat(List<String> a, List<String> b) {
    var all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all.toArray(String[]::new);
  }

  String path(Long articleId) {
    return site.newsroom().articles().byId(articleId).orElseThrow().path();
  }

  /** Every story the page sends its reader to: "Read:" links in the body and the Related list. */
  static List<String> offered(String html) {
    var related = html.contains("<section class=\"related\"")
        ? html.substring(html.indexOf("<section class=\"related\""))
        : "";
    var links = new java.util.ArrayList<>(RelatedHttpTest.readLinks(html));
    Pattern.compile("<a href=\"(/[^\"]+)\"")
        .matcher(related.substring(0, Math.max(0, related.indexOf("</section>"))))
        .results()
        .forEach(m -> links.add(m.group(1)));
    return links;
  }

  @Test
  void the_two_versions_are_two_articles_on_the_site() {
    assertThat(first).isNotEqualTo(rewritten);
    assertThat(site.get(first).statusCode()).isEqualTo(200);
    assertThat(site.get(rewritten).statusCode()).isEqualTo(200);
  }

  @Test
  void neither_version_offers_the_other_while_both_offer_other_stories_of_the_same_events() {
    for (var pair : List.of(List.of(first, rewritten), List.of(rewritten, first))) {
      var page = site.get(pair.get(0));
      assertThat(page.statusCode()).isEqualTo(200);
      var offered = offered(page.body());
      assertThat(offered).as("links on " + pair.get(0)).doesNotContain(pair.get(1));
      assertThat(offered).as("links on " + pair.get(0)).containsAnyElementsOf(others);
    }
  }
}
