package dev.byline.bench;

import dev.byline.Byline;
import dev.byline.config.ConfigLoader;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.content.Markdown;
import dev.byline.live.PostDraft;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * The server side of {@code bench/live/run.sh}: starts Byline on a fresh SQLite newsroom, publishes
 * one article with live coverage and {@code POSTS} posts, prints {@code READY url=... article=...
 * path=...}
 * and then keeps posting one update every {@code EVERY} seconds (0: never) until killed, as a busy
 * live desk would: each post purges the fragment, so readers' next polls fetch and render it anew.
 *
 * <p>Usage: {@code LiveBench PORT POSTS EVERY}
 */
public final class LiveBench {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int posts = Integer.parseInt(args[1]);
    int every = Integer.parseInt(args[2]);
    var dir = Files.createTempDirectory("byline-live-bench");
    var config = new ConfigLoader(Map.of())
        .load(Map.of("data", dir.toString(), "port", Integer.toString(port)), null);
    var markdown = new Markdown();
    try (var byline = Byline.start(config)) {
      var newsroom = byline.newsroom();
      long section = newsroom.sections().ensure("world", "World", "", 1).id();
      long id = newsroom
          .articles()
          .create(ArticleDraft.of(
              "Storm makes landfall",
              "Live updates as the storm crosses the coast.",
              section,
              List.of(Block.Paragraph.ofText("The storm reached the coast before dawn."))));
      newsroom.articles().publish(id);
      newsroom.db().useTransaction(tx -> newsroom.live().start(tx, id));
      for (int i = 1; i <= posts; i++) post(byline, markdown, id, i);
      var path = newsroom.articles().byId(id).orElseThrow().path();
      System.out.println(
          "READY url=" + byline.url() + " article=" + id + " path=" + path + " posts=" + posts);
      System.out.flush();
      for (int i = posts + 1; ; i++) {
        if (every <= 0) {
          Thread.sleep(60_000);
          continue;
        }
        Thread.sleep(every * 1000L);
        post(byline, markdown, id, i);
        System.out.println("POSTED " + i);
        System.out.flush();
      }
    }
  }

  /** A post of typical length: two short paragraphs with a link, every fifth a key point. */
  static void post(Byline byline, Markdown markdown, long article, int n) {
    var text = "Update " + n + ": winds of **" + (80 + n % 70) + " km/h** were measured at the "
        + "harbour, and the coastguard asked boats to stay in port until further notice.\n\n"
        + "Officials in the three coastal districts said shelters had room for everyone who "
        + "needed one. [Shelter list](https://example.org/shelters)";
    var draft = new PostDraft(text, markdown.toBlocks(text), n % 5 == 0, false, "Bench Desk");
    var newsroom = byline.newsroom();
    newsroom.db().useTransaction(tx -> newsroom.live().post(tx, article, draft));
  }
}
