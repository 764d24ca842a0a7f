package dev.byline.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.Newsroom;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index follows the database, and rebuilds itself when it cannot be trusted. */
class SearchIndexTest {
  @TempDir
  Path dir;

  SearchIndex open(Newsroom newsroom) {
    return SearchIndex.open(
        dir.resolve("index"),
        newsroom.published(),
        newsroom.feed(),
        StoryKeys.NONE,
        Clock.systemUTC());
  }

  long publish(Newsroom newsroom, String headline, String text) {
    var section = newsroom.sections().ensure("world", "World", "", 1);
    long id = newsroom
        .articles()
        .create(ArticleDraft.of(
            headline,
            "",
            section.id(),
            List.of(Block.Paragraph.ofText(text), Block.Paragraph.ofText("More words about it."))));
    newsroom.articles().publish(id);
    return id;
  }

  static void caughtUp(Newsroom newsroom, SearchIndex index) throws InterruptedException {
    assertThat(index.awaitPosition(newsroom.feed().head(), 30_000))
        .as("index caught up")
        .isTrue();
  }

  static long hits(SearchIndex index, String q) {
    return index.search(SearchQuery.of(q)).total();
  }

  @Test
  void a_missing_index_is_built_from_the_database_and_then_follows_changes() throws Exception {
    try (var newsroom = Newsroom.open(TestDatabases.sqlite(dir), Clock.systemUTC())) {
      publish(
          newsroom, "Harbour cranes stand idle", "The cranes at the harbour stood idle all week.");
      try (var index = open(newsroom).start()) {
        assertThat(index.rebuildReason()).isEqualTo("missing");
        caughtUp(newsroom, index);
        assertThat(hits(index, "cranes")).isEqualTo(1);
        long id = publish(newsroom, "Zanzibarite found in dredging", "Divers found zanzibarite.");
        caughtUp(newsroom, index);
        assertThat(hits(index, "zanzibarite")).isEqualTo(1);
        newsroom.articles().unpublish(id);
        caughtUp(newsroom, index);
        assertThat(hits(index, "zanzibarite")).isZero();
      }
      assertThat(dir.resolve("index").resolve(SearchIndex.DIRTY_MARKER)).doesNotExist();
    }
  }

  @Test
  void headlines_are_escaped_by_the_one_escaper_whether_or_not_the_query_marks_them()
      throws Exception {
    try (var newsroom = Newsroom.open(TestDatabases.sqlite(dir), Clock.systemUTC())) {
      var headline = "Mayor's \"fish & chips\" <promise>";
      publish(newsroom, headline, "Quarrymen welcomed the kelpwood decision.");
      try (var index = open(newsroom).start()) {
        caughtUp(newsroom, index);
        var hit = index.search(SearchQuery.of("kelpwood")).hits().get(0);
        assertThat(hit.headlineHtml()).isEqualTo(dev.byline.content.Html.escape(headline));
        var marked = index.search(SearchQuery.of("chips")).hits().get(0);
        assertThat(marked.headlineHtml())
            .isEqualTo("Mayor&#39;s &#34;fish &amp; <mark>chips</mark>&#34; &lt;promise&gt;");
      }
    }
  }

  @Test
  void a_prefix_finds_its_completions_ranked_like_words_and_equal_scores_come_newest_first()
      throws Exception {
    try (var newsroom = Newsroom.open(TestDatabases.sqlite(dir), Clock.systemUTC())) {
      var section = newsroom.sections().ensure("world", "World", "", 1);
      var ids = new java.util.ArrayList<Long>();
      // Three stories with the same words, published a day apart, oldest first.
      for (int day = 1; day <= 3; day++) {
        long id = newsroom
            .articles()
            .create(ArticleDraft.of(
                "Harbour pilots strike",
                "",
                section.id(),
                List.of(Block.Paragraph.ofText("Pilots at the harbour stopped work."))));
        newsroom
            .articles()
            .publishAsOf(id, java.time.Instant.parse("2026-03-0" + day + "T08:00:00Z"), null);
        ids.add(id);
      }
      long harbours = publish(
          newsroom, "Harbours of the north coast", "A guide to the harbours and harbourmasters.");
      publish(newsroom, "Ferry timetable changes", "The winter ferry timetable starts on Monday.");
      try (var index = open(newsroom).start()) {
        caughtUp(newsroom, index);
        var found = index.search(SearchQuery.of("harbo*")).hits().stream()
            .map(SearchResults.Hit::id)
            .toList();
        assertThat(found).containsExactlyInAnyOrder(ids.get(0), ids.get(1), ids.get(2), harbours);
        // Same score: the newest of the three identical stories first.
        var same = found.stream().filter(ids::contains).toList();
        assertThat(same).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(hits(index, "harbourm*")).isEqualTo(1);
        // "harbour" and "harbours" stem alike: one clause for the two, beside "harbourmast".
        var parsed = (org.apache.lucene.search.BooleanQuery)
            index.withSearcher(s -> new ArticleSearch(s, index.analyzer()).parse("harbo*"));
        var required =
            (org.apache.lucene.search.BooleanQuery) parsed.clauses().get(0).getQuery();
        assertThat(required.clauses()).hasSize(2);
        // Only a stop word starts so: nothing to search, and no error.
        assertThat(hits(index, "thei*")).isZero();
        assertThat(hits(index, "zq*")).isZero();
      }
    }
  }

  @Test
  void phrases_match_across_stop_words_but_never_from_one_part_of_a_story_into_the_next()
      throws Exception {
    try (var newsroom = Newsroom.open(TestDatabases.sqlite(dir), Clock.systemUTC())) {
      long president =
          publish(newsroom, "Visit ends early", "The President of France left Brussels on Sunday.");
      // The headline ends in "tariffs" and the body starts with "rise": not the phrase "tariffs
      // rise".
      publish(newsroom, "Ministers argue over tariffs", "Rise in grain prices worries farmers.");
      try (var index = open(newsroom).start()) {
        caughtUp(newsroom, index);
        assertThat(index.search(SearchQuery.of("\"president of france\"")).hits())
            .extracting(SearchResults.Hit::id)
            .containsExactly(president);
        assertThat(hits(index, "\"france president\"")).isZero();
        assertThat(hits(index, "\"tariffs rise\"")).isZero();
        // The second copy of the headline in the searched text must not join its end to its start.
        assertThat(hits(index, "\"tariffs ministers\"")).isZero();
        assertThat(hits(index, "\"argue over tariffs\"")).isEqualTo(1);
        assertThat(hits(index, "\"grain prices\"")).isEqualTo(1);
      }
    }
  }

  @Test
  void phrases_of_common_words_searched_as_pairs_still_match_those_words_in_that_order_only()
      throws Exception {
    try (var newsroom = Newsroom.open(TestDatabases.sqlite(dir), Clock.systemUTC())) {
      long inOrder = publish(
          newsroom, "Talks to resume", "The president said on Friday that talks would resume.");
      // Both pairs of "president said on Friday" are here, but not the words in a row.
      long bothPairs = publish(
          newsroom,
          "Talks over",
          "The president said no. Officials said on Friday the talks were over.");
      long party = publish(
          newsroom,
          "Leader speaks",
          "The president of the party spoke. A fire that was in the hall is out.");
      publish(newsroom, "Party president leaves", "The party president left early.");
      try (var index = open(newsroom).start()) {
        caughtUp(newsroom, index);
        var hits = index.search(SearchQuery.of("\"president said on Friday\"")).hits();
        assertThat(hits).extracting(SearchResults.Hit::id).containsExactly(inOrder);
        assertThat(hits.get(0).snippetHtml()).contains("<mark>president said on Friday</mark>");
        assertThat(index.search(SearchQuery.of("\"president said\"")).hits())
            .extracting(SearchResults.Hit::id)
            .containsExactlyInAnyOrder(inOrder, bothPairs);
        assertThat(hits(index, "\"said president\"")).isZero();
        // Dropped stop words keep their places: "president of the party" is not "party president".
        assertThat(index.search(SearchQuery.of("\"president of the party\"")).hits())
            .extracting(SearchResults.Hit::id)
            .containsExactly(party);
        assertThat(hits(index, "\"president party\"")).isZero();
        // Rarer words, or too many stop words between: matched by positions alone.
        assertThat(hits(index, "\"talks would resume\"")).isEqualTo(1);
        assertThat(index.search(SearchQuery.of("\"fire that was in the hall\"")).hits())
            .extracting(SearchResults.Hit::id)
            .containsExactly(party);
        assertThat(hits(index, "\"fire hall\"")).isZero();
        // A phrase beside a word: both must match.
        assertThat(index.search(SearchQuery.of("\"president said\" resume")).hits())
            .extracting(SearchResults.Hit::id)
            .containsExactly(inOrder);
      }
    }
  }

  @Test
  void a_word_in_the_headline_ranks_above_the_same_word_in_the_body_and_is_highlighted_there()
      throws Exception {
    try (var newsroom = Newsroom.open(TestDatabases.sqlite(dir), Clock.systemUTC())) {
      long inBody = publish(
          newsroom,
          "Council meets on Tuesday",
          "The meeting will discuss the lighthouse and the budget.");
      long inHeadline =
          publish(newsroom, "Lighthouse to close", "The keepers were told on Tuesday.");
      try (var index = open(newsroom).start()) {
        caughtUp(newsroom, index);
        var hits = index.search(SearchQuery.of("lighthouse")).hits();
        assertThat(hits).extracting(SearchResults.Hit::id).containsExactly(inHeadline, inBody);
        assertThat(hits.get(0).headlineHtml()).isEqualTo("<mark>Lighthouse</mark> to close");
        assertThat(hits.get(1).snippetHtml()).contains("<mark>lighthouse</mark>");
        // A match in the headline alone marks nothing in the body's snippet.
        assertThat(hits.get(0).snippetHtml()).doesNotContain("<mark>").contains("keepers");
        // Both words must be found somewhere in the story, in any of its parts.
        assertThat(index.search(SearchQuery.of("lighthouse budget")).hits())
            .extracting(SearchResults.Hit::id)
            .containsExactly(inBody);
      }
    }
  }

  @Test
  void a_clean_restart_trusts_the_index_and_applies_what_changed_while_it_was_closed()
      throws Exception {
    try (var newsroom = Newsroom.open(TestDatabases.sqlite(dir), Clock.systemUTC())) {
      publish(
          newsroom, "Harbour cranes stand idle", "The cranes at the harbour stood idle all week.");
      try (var index = open(newsroom).start()) {
        caughtUp(newsroom, index);
      }
      publish(newsroom, "Ferry timetable changes", "The winter ferry timetable starts on Monday.");
      try (var index = open(newsroom).start()) {
        assertThat(index.rebuildReason()).isNull();
        caughtUp(newsroom, index);
        assertThat(hits(index, "ferry")).isEqualTo(1);
        assertThat(hits(index, "cranes")).isEqualTo(1);
      }
    }
  }

  @Test
  void an_index_left_dirty_by_an_unclean_stop_is_rebuilt() throws Exception {
    try (var newsroom = Newsroom.open(TestDatabases.sqlite(dir), Clock.systemUTC())) {
      publish(
          newsroom, "Harbour cranes stand idle", "The cranes at the harbour stood idle all week.");
      try (var index = open(newsroom).start()) {
        caughtUp(newsroom, index);
      }
      // What a crash leaves: the marker written at open and never removed.
      Files.writeString(
          dir.resolve("index").resolve(SearchIndex.DIRTY_MARKER), "open since a crash\n");
      try (var index = open(newsroom).start()) {
        assertThat(index.rebuildReason()).isEqualTo("dirty");
        caughtUp(newsroom, index);
        assertThat(hits(index, "cranes")).isEqualTo(1);
      }
    }
  }

  @Test
  void an_index_written_under_another_schema_version_is_rebuilt() throws Exception {
    try (var newsroom = Newsroom.open(TestDatabases.sqlite(dir), Clock.systemUTC())) {
      publish(
          newsroom, "Harbour cranes stand idle", "The cranes at the harbour stood idle all week.");
      try (var index = open(newsroom).start()) {
        caughtUp(newsroom, index);
      }
      try (var directory = FSDirectory.open(dir.resolve("index"));
          var writer = new IndexWriter(directory, new IndexWriterConfig())) {
        writer.setLiveCommitData(
            Map.of(SearchIndex.SCHEMA_KEY, "0", SearchIndex.FEED_KEY, "0").entrySet());
        writer.commit();
      }
      try (var index = open(newsroom).start()) {
        assertThat(index.rebuildReason()).isEqualTo("schema 0 is not " + IndexSchema.VERSION);
        caughtUp(newsroom, index);
        assertThat(hits(index, "cranes")).isEqualTo(1);
      }
    }
  }

  @Test
  void an_unreadable_index_is_rebuilt() throws Exception {
    try (var newsroom = Newsroom.open(TestDatabases.sqlite(dir), Clock.systemUTC())) {
      publish(
          newsroom, "Harbour cranes stand idle", "The cranes at the harbour stood idle all week.");
      try (var index = open(newsroom).start()) {
        caughtUp(newsroom, index);
      }
      try (var files = Files.list(dir.resolve("index"))) {
        for (var f : files
            .filter(p -> p.getFileName().toString().startsWith("segments_"))
            .toList()) {
          Files.write(f, new byte[] {1, 2, 3});
        }
      }
      try (var index = open(newsroom).start()) {
        assertThat(index.rebuildReason()).startsWith("unreadable");
        caughtUp(newsroom, index);
        assertThat(hits(index, "cranes")).isEqualTo(1);
      }
    }
  }

  @Test
  void a_second_process_cannot_open_an_index_in_use() {
    try (var newsroom = Newsroom.open(TestDatabases.sqlite(dir), Clock.systemUTC());
        var index = open(newsroom)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> open(newsroom))
          .isInstanceOf(SearchIndex.IndexInUse.class)
          .hasMessageContaining("in use");
    }
  }
}
