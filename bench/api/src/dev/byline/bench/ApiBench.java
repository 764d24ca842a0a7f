package dev.byline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.Byline;
import dev.byline.Newsroom;
import dev.byline.auth.ApiKeys;
import dev.byline.auth.Tokens;
import dev.byline.config.ConfigLoader;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.content.Source;
import dev.byline.content.TopicType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Times the Content API at a newsroom's size: ARTICLES published stories (four sections, 200
 * topics, 50 authors) written straight to the database, then sequential requests over loopback
 * with a key, median, p95 and p99 per endpoint. Deep pages follow the cursors from the first.
 */
public final class ApiBench {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int BATCH = 2_000;

  public static void main(String[] args) throws Exception {
    int articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    var dir = Files.createTempDirectory("byline-api-bench");
    var config = new ConfigLoader(Map.of())
        .load(
            Map.of(
                "data", dir.toString(),
                "port", "0",
                "http.host", "127.0.0.1",
                "api.rate.key.per.minute", "100000000"),
            null);
    long t0 = System.nanoTime();
    try (var newsroom = Newsroom.open(config, Clock.systemUTC())) {
      generate(newsroom, articles);
    }
    System.out.printf(
        "Content API benchmark: %,d published articles (generated in %.0f s), %d sequential"
            + " requests per endpoint over loopback, Java %s%n",
        articles, (System.nanoTime() - t0) / 1e9, n, System.getProperty("java.version"));
    try (var byline = Byline.start(config)) {
      long t1 = System.nanoTime();
      byline.searchIndex().awaitPosition(byline.newsroom().feed().head(), 600_000);
      System.out.printf("search index caught up in %.0f s%n", (System.nanoTime() - t1) / 1e9);
      var secret = new ApiKeys(byline.newsroom().db(), new Tokens(), Clock.systemUTC())
          .create("Bench", Set.of(), null)
          .secret();
      var base = byline.url().replaceAll("/$", "") + "/api/v1";
      var http = HttpClient.newHttpClient();
      Call.Get get = path -> http.send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Authorization", "Bearer " + secret)
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
      var random = new Random(7);
      long maxId = articles;
      report("list, first page (20)", n, () -> get.run("/articles"));
      report("list, first page (100)", n, () -> get.run("/articles?limit=100"));
      String[] cursor = {null};
      report("list, next page by cursor (20)", n, () -> {
        var r = get.run("/articles" + (cursor[0] == null ? "" : "?cursor=" + cursor[0]));
        var next = JSON.readTree(r.body()).get("next_cursor");
        cursor[0] = next.isNull() ? null : next.asText();
        return r;
      });
      report(
          "list, topic filter (20)",
          n,
          () -> get.run("/articles?topic=topic-" + random.nextInt(200)));
      report(
          "list, section + updated_since",
          n,
          () -> get.run("/articles?section=world&updated_since=2020-01-01"));
      report("article by id", n, () -> get.run("/articles/" + (1 + random.nextInt((int) maxId))));
      var one = get.run("/articles/42");
      var tag = one.headers().firstValue("ETag").orElseThrow();
      report(
          "article, If-None-Match (304)",
          n,
          () -> http.send(
              HttpRequest.newBuilder(URI.create(base + "/articles/42"))
                  .header("Authorization", "Bearer " + secret)
                  .header("If-None-Match", tag)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
      report("search ?q=harbour", Math.max(50, n / 4), () -> get.run("/search?q=harbour"));
    }
  }

  static void generate(Newsroom n, int articles) {
    var sections = new long[] {
      n.sections().ensure("world", "World", "", 1).id(),
      n.sections().ensure("sport", "Sport", "", 2).id(),
      n.sections().ensure("business", "Business", "", 3).id(),
      n.sections().ensure("science", "Science", "", 4).id()
    };
    var topics = new ArrayList<Long>();
    for (int i = 0; i < 200; i++)
      topics.add(n.topics().ensure("Topic " + i, TopicType.SUBJECT).id());
    var authors = new ArrayList<Long>();
    for (int i = 0; i < 50; i++) authors.add(n.authors().ensure("Author " + i).id());
    var random = new Random(1);
    var words =
        "harbour port talks council budget match league storm river court election vote".split(" ");
    long start = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    for (int done = 0; done < articles; done += BATCH) {
      int from = done;
      int to = Math.min(articles, done + BATCH);
      n.db().useTransaction(tx -> {
        for (int i = from; i < to; i++) {
          var w = words[random.nextInt(words.length)];
          var draft = new ArticleDraft(
              "story-" + i,
              "Story " + i + " on the " + w,
              "What happened with the " + w + " today.",
              "",
              Source.NONE,
              sections[i % sections.length],
              List.of(topics.get(random.nextInt(200)), topics.get(random.nextInt(200))),
              List.of(authors.get(random.nextInt(50))),
              null,
              List.of(
                  Block.Paragraph.ofText("The " + w + " story number " + i + " begins here."),
                  Block.Paragraph.ofText("A second paragraph about the " + w + ".")),
              "",
              "",
              "");
          // Ten minutes apart, some published in the same millisecond as the one before.
          var at = Instant.ofEpochMilli(start + (i - (i % 7 == 0 ? 1 : 0)) * 600_000L);
          n.articles().createPublished(tx, draft, at, null);
        }
      });
    }
  }

  interface Call {
    HttpResponse<String> run() throws Exception;

    interface Get {
      HttpResponse<String> run(String path) throws Exception;
    }
  }

  static void report(String label, int n, Call call) throws Exception {
    for (int i = 0; i < Math.min(100, n); i++) call.run();
    var times = new double[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      var r = call.run();
      times[i] = (System.nanoTime() - t) / 1e6;
      if (r.statusCode() >= 400)
        throw new IllegalStateException(label + " answered " + r.statusCode() + ": " + r.body());
    }
    Arrays.sort(times);
    System.out.printf(
        "%-34s median %7.2f ms   p95 %7.2f ms   p99 %7.2f ms%n",
        label, times[n / 2], pct(times, 0.95), pct(times, 0.99));
  }

  static double pct(double[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
  }
}
