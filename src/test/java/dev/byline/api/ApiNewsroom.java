package dev.byline.api;

import dev.byline.Newsroom;
import dev.byline.content.ArticleDraft;
import dev.byline.content.ArticleStatus;
import dev.byline.content.Block;
import dev.byline.content.Source;
import dev.byline.content.TopicType;
import dev.byline.live.PostDraft;
import java.time.Instant;
import java.util.List;

/**
 * A small newsroom for API tests: published stories in two sections with topics and bylines, and
 * one story in each other state, each with a word and a topic and an author of its own that
 * nothing published has, so a leak is easy to see.
 */
final class ApiNewsroom {
  final long world;
  final long sport;
  final long harbourTopic;
  final long anaAuthor;
  final List<Long> published = new java.util.ArrayList<>();
  final List<Long> hidden = new java.util.ArrayList<>();

  ApiNewsroom(Newsroom n) {
    world = n.sections().ensure("world", "World", "News from abroad", 1).id();
    sport = n.sections().ensure("sport", "Sport", "", 2).id();
    harbourTopic = n.topics().ensure("Harbour", TopicType.SUBJECT).id();
    anaAuthor = n.authors().ensure("Ana Vestergaard").id();
    for (int i = 1; i <= 7; i++) {
      long section = i % 2 == 0 ? sport : world;
      var topics = i <= 3 ? List.of(harbourTopic) : List.<Long>of();
      var authors = i % 3 == 0 ? List.of(anaAuthor) : List.<Long>of();
      published.add(
          publish(n, draft("Published story " + i + " about tides", section, topics, authors)));
    }
    var secretTopic = n.topics().ensure("Quiet Merger", TopicType.ORGANISATION).id();
    var secretAuthor = n.authors().ensure("Hidden Writer").id();
    var secret =
        draft("Zanzibarite draft headline", world, List.of(secretTopic), List.of(secretAuthor));
    long draftId = n.articles().create(secret);
    long review = n.articles().create(secret.withSlug("in-review"));
    n.articles().setStatus(review, ArticleStatus.IN_REVIEW);
    long scheduled = n.articles().create(secret.withSlug("scheduled"));
    n.articles().schedule(scheduled, Instant.now().plusSeconds(86_400), null);
    long unpublished = publish(n, secret.withSlug("unpublished"));
    n.articles().unpublish(unpublished);
    hidden.addAll(List.of(draftId, review, scheduled, unpublished));
    long live = published.get(0);
    covered = live;
    n.db().useTransaction(tx -> {
      n.live().start(tx, live);
      n.live().post(tx, live, post("First tide readings are in.", false, false));
      n.live().post(tx, live, post("The harbour gates are closing.", true, true));
      long retracted =
          n.live().post(tx, live, post("Zanzibarite rumour, retracted.", false, false));
      n.live().delete(tx, live, retracted);
      // Coverage of a draft must stay as hidden as the draft.
      n.live().start(tx, draftId);
      n.live().post(tx, draftId, post("Zanzibarite draft post", false, false));
    });
  }

  /** The published story covered live: two posts showing and one taken down. */
  final long covered;

  static PostDraft post(String text, boolean keyPoint, boolean pinned) {
    return new PostDraft(text, List.of(new Block.Paragraph(text)), keyPoint, pinned, "Desk");
  }

  static long publish(Newsroom n, ArticleDraft d) {
    long id = n.articles().create(d);
    n.articles().publish(id);
    return id;
  }

  static ArticleDraft draft(String headline, long section, List<Long> topics, List<Long> authors) {
    return new ArticleDraft(
        null,
        headline,
        "A standfirst for " + headline,
        "HARBOUR CITY",
        new Source("Byline", ""),
        section,
        topics,
        authors,
        null,
        List.of(Block.Paragraph.ofText("Body of " + headline + ".")),
        "",
        "",
        "");
  }
}
