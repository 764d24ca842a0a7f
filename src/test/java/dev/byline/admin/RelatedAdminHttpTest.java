package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.AdminClient;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editors' related-links page on the real site: signed in through the sign-in form, on the
 * admin layout, and changing what readers see on the public article page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelatedAdminHttpTest {
  static final String PASSWORD = "a long enough password";

  @TempDir
  static Path dir;

  TestSite site;
  AdminClient editor;
  AdminClient writer;
  long strikeEnds;
  long strikeVote;
  long strikeTalks;
  long library;
  long ferry;

  @BeforeAll
  void start() throws InterruptedException {
    site = TestSite.start(dir);
    var users = site.byline().accounts().users();
    users.create("rel@example.org", "Rhea Editor", Role.EDITOR, PASSWORD, false);
    users.create("relw@example.org", "Rob Writer", Role.WRITER, PASSWORD, false);
    var world = site.newsroom().sections().ensure("world", "World", "", 1).id();
    strikeEnds = publish(
        world,
        "Harbour strike ends as dockworkers accept pay deal",
        "Dockworkers at the harbour voted to accept the pay deal, ending the strike after three weeks.",
        "The dockworkers' union said members backed the offer of a four per cent rise for harbour crews.",
        "Container ships that waited outside the harbour during the strike will berth from Monday, the port said.",
        "The mediator who brokered the pay deal thanked the dockworkers and the harbour employers.");
    strikeVote = publish(
        world,
        "Dockworkers to vote on pay deal to end harbour strike",
        "The dockworkers' union will put the pay deal to a vote, its leaders said, in the third week of the harbour strike.",
        "The offer gives harbour crews a four per cent rise, the mediator said after talks with the port employers.",
        "Container ships are still waiting outside the harbour while the strike goes on.",
        "Union leaders urged dockworkers to accept the deal and end the strike.");
    strikeTalks = publish(
        world,
        "Mediator called in as harbour strike enters second week",
        "A mediator will lead talks between the dockworkers' union and the harbour employers as the strike goes on.",
        "Container ships are queuing outside the harbour, the port said, and the dockworkers want a pay rise.",
        "The union said the strike would continue until the employers improve their pay offer.",
        "Port employers said they welcomed the mediator and hoped the dockworkers would return.");
    library = publish(
        world,
        "City library extends its opening hours",
        "The city library will open until nine in the evening on weekdays from next month.",
        "Readers asked for longer hours in a survey, the librarian said.",
        "The reading room and the children's corner will stay open late as well.",
        "Sunday opening is being considered for next year.");
    ferry = publish(
        world,
        "Island ferry timetable changes for the winter",
        "The island ferry will sail four times a day instead of six from November.",
        "The operator said fewer passengers travel in winter.",
        "The first crossing leaves at seven in the morning and the last at six in the evening.",
        "Summer sailings return in April.");
    // Other news, so that the strike's words are rare enough in the index to tell its stories
    // apart.
    publish(
        world,
        "Orchestra announces its spring concert season",
        "The city orchestra will play twelve concerts this spring.",
        "The season opens with a symphony by a young composer.",
        "Tickets go on sale on Friday.",
        "Students pay half price.");
    publish(
        world,
        "Heavy snow closes mountain roads",
        "Snowfall overnight closed three mountain passes.",
        "Drivers were told to carry chains.",
        "Ploughs worked through the night.",
        "More snow is forecast for Thursday.");
    publish(
        world,
        "Football club appoints new coach",
        "The club named a former defender as its head coach.",
        "He signed a contract for two seasons.",
        "Supporters welcomed the choice.",
        "His first match is on Saturday.");
    publish(
        world,
        "Bakery wins national bread award",
        "A family bakery won the prize for the best sourdough loaf.",
        "The judges praised its crust.",
        "The bakery opened forty years ago.",
        "Queues formed outside on Sunday morning.");
    publish(
        world,
        "New bicycle lanes open in the old town",
        "Cyclists can now ride on separate lanes through the old town.",
        "The council painted the lanes green.",
        "Shopkeepers had asked for more parking instead.",
        "A trial runs until autumn.");
    publish(
        world,
        "Museum returns painting to its owners' heirs",
        "A museum handed back a landscape painting taken during the war.",
        "The heirs had searched for it for decades.",
        "It will be sold at auction.",
        "Experts value it highly.");
    publish(
        world,
        "Hospital opens a new children's ward",
        "The hospital's new ward has thirty beds for young patients.",
        "Nurses helped design the rooms.",
        "Parents can stay overnight.",
        "A playroom overlooks the garden.");
    assertThat(site.byline().searchIndex().awaitPosition(site.newsroom().feed().head(), 60_000))
        .isTrue();
    editor = new AdminClient(site).signIn("rel@example.org", PASSWORD);
    writer = new AdminClient(site).signIn("relw@example.org", PASSWORD);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  long publish(long section, String headline, String... paragraphs) {
    var body = new ArrayList<Block>();
    for (var p : paragraphs) body.add(Block.Paragraph.ofText(p));
    var articles = site.newsroom().articles();
    long id = articles.create(ArticleDraft.of(headline, "", section, body));
    articles.publish(id);
    return id;
  }

  String page(long id) {
    return "/admin/articles/" + id + "/related";
  }

  String path(long id) {
    return site.newsroom().articles().byId(id).orElseThrow().path();
  }

  /**
   * What a reader is offered once the change has reached the page: the cached page is purged by the
   * change follower a moment after the editor's change commits.
   */
  List<String> offeredOnce(long id, java.util.function.Predicate<List<String>> settled) {
    return Eventually.settled(java.time.Duration.ofSeconds(5), () -> offered(id), settled);
  }

  /** The stories a reader is offered on an article's page: its "Read:" links, then its Related list. */
  List<String> offered(long id) {
    var html = site.get(path(id)).body();
    var out = new ArrayList<String>();
    Pattern.compile("<p class=\"read-link\"><span>Read:</span> <a href=\"([^\"]+)\">")
        .matcher(html)
        .results()
        .forEach(m -> out.add(m.group(1)));
    int related = html.indexOf("<section class=\"related\"");
    if (related >= 0) {
      var section = html.substring(related, html.indexOf("</section>", related));
      Pattern.compile("href=\"(/world/[^\"]+)\"")
          .matcher(section)
          .results()
          .map(m -> m.group(1))
          .filter(p -> !out.contains(p))
          .forEach(out::add);
    }
    return out;
  }

  @Test
  void signed_out_visitors_are_sent_to_sign_in_and_writers_are_refused() {
    var r = site.get(page(strikeEnds));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/admin/login?next=");
    assertThat(writer.get(page(strikeEnds)).statusCode()).isEqualTo(403);
    assertThat(writer
            .postForm(page(strikeEnds), Map.of("action", "pin", "target", Long.toString(ferry)))
            .statusCode())
        .isEqualTo(403);
    assertThat(writer.get("/admin/articles/" + strikeEnds).body()).doesNotContain(page(strikeEnds));
    assertThat(editor.get(page(999_999)).statusCode()).isEqualTo(404);
  }

  @Test
  void an_editor_finds_the_page_from_the_article_editor_on_the_admin_layout() {
    var editorPage = editor.get("/admin/articles/" + strikeEnds).body();
    assertThat(editorPage).contains("<h2>Related links</h2>", "href=\"" + page(strikeEnds) + "\"");

    var r = editor.get(page(strikeEnds));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    var html = r.body();
    assertThat(html)
        .contains(
            "<body class=\"admin\">",
            "<header class=\"admin-bar\">",
            "<nav class=\"admin-nav\"",
            "<a href=\"/admin/articles\" aria-current=\"page\">Articles</a>",
            "Rhea Editor",
            "Sign out",
            "<title>Related links: Harbour strike ends as dockworkers accept pay deal",
            "<h1>Related links</h1>",
            "<label for=\"target\">Story");
    // The engine's picks for a strike story are the other strike stories, marked as such.
    assertThat(html)
        .contains("Dockworkers to vote on pay deal to end harbour strike", "Engine pick, score");
    // Every form carries the session's token, and only that one.
    int forms = html.split("<form method=\"post\"", -1).length - 1;
    var tokens = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
        .matcher(html)
        .results()
        .map(m -> m.group(1))
        .toList();
    assertThat(forms).isGreaterThanOrEqualTo(3);
    assertThat(tokens).hasSize(forms).containsOnly(editor.csrf());
  }

  @Test
  void a_pinned_story_appears_on_the_public_page_and_a_blocked_one_disappears() {
    var before = offered(strikeEnds);
    assertThat(before).contains(path(strikeVote)).doesNotContain(path(library));

    editor.get(page(strikeEnds));
    var pinned =
        editor.postForm(page(strikeEnds), Map.of("action", "pin", "target", path(library)));
    assertThat(pinned.statusCode()).isEqualTo(303);
    assertThat(pinned.headers().firstValue("Location")).hasValue(page(strikeEnds) + "?done=pin");
    var after = offeredOnce(strikeEnds, o -> !o.isEmpty() && o.get(0).equals(path(library)));
    assertThat(after).first().isEqualTo(path(library));
    assertThat(editor.get(pinned.headers().firstValue("Location").orElseThrow()).body())
        .contains(
            "Pinned: the story now comes first.",
            "City library extends its opening hours",
            "Pinned by an editor");

    var blocked = editor.postForm(
        page(strikeEnds), Map.of("action", "block", "target", Long.toString(strikeVote)));
    assertThat(blocked.statusCode()).isEqualTo(303);
    assertThat(offeredOnce(
            strikeEnds, o -> o.contains(path(library)) && !o.contains(path(strikeVote))))
        .contains(path(library))
        .doesNotContain(path(strikeVote));
    var admin = editor.get(page(strikeEnds)).body();
    var blockedList = admin.substring(admin.indexOf("<h2 id=\"blocked-title\">"));
    assertThat(blockedList)
        .contains("Dockworkers to vote on pay deal to end harbour strike", "Unblock");

    editor.postForm(
        page(strikeEnds), Map.of("action", "clear", "target", Long.toString(strikeVote)));
    editor.postForm(page(strikeEnds), Map.of("action", "clear", "target", Long.toString(library)));
    assertThat(offeredOnce(
            strikeEnds, o -> o.contains(path(strikeVote)) && !o.contains(path(library))))
        .contains(path(strikeVote))
        .doesNotContain(path(library));
  }

  @Test
  void a_post_without_the_csrf_token_is_refused_and_changes_nothing() {
    editor.get(page(strikeTalks));
    var none =
        editor.postRaw(page(strikeTalks), Map.of("action", "pin", "target", Long.toString(ferry)));
    assertThat(none.statusCode()).isEqualTo(403);
    var wrong = editor.postRaw(
        page(strikeTalks),
        Map.of("csrf", "not-the-token", "action", "pin", "target", Long.toString(ferry)));
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(editor.get(page(strikeTalks)).body())
        .doesNotContain("Island ferry timetable changes for the winter");
    assertThat(offered(strikeTalks)).doesNotContain(path(ferry));
  }

  @Test
  void a_refused_change_is_named_beside_the_field_and_keeps_what_was_typed() {
    editor.get(page(ferry));
    var self =
        editor.postForm(page(ferry), Map.of("action", "pin", "target", Long.toString(ferry)));
    assertThat(self.statusCode()).isEqualTo(400);
    assertThat(self.body())
        .contains(
            "<body class=\"admin\">",
            "Related article cannot be the article itself",
            "id=\"target-error\"",
            "value=\"" + ferry + "\"");
    var nowhere =
        editor.postForm(page(ferry), Map.of("action", "block", "target", "/world/<no-such-story>"));
    assertThat(nowhere.statusCode()).isEqualTo(400);
    assertThat(nowhere.body())
        .contains(
            "Story is neither an article number nor a story address",
            "value=\"/world/&lt;no-such-story")
        .doesNotContain("<no-such-story>");
    var missing =
        editor.postForm(page(ferry), Map.of("action", "pin", "target", "/world/no-such-story"));
    assertThat(missing.body())
        .contains("Story cannot be found: no story lives at /world/no-such-story");
    assertThat(editor
            .postForm(page(ferry), Map.of("action", "explode", "target", Long.toString(library)))
            .statusCode())
        .isEqualTo(400);
  }
}
