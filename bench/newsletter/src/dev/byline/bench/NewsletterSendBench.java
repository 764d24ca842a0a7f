package dev.byline.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.byline.Byline;
import dev.byline.config.ConfigLoader;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import jakarta.mail.Message;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sends one briefing to N subscribers into GreenMail and prints the rate. See run.sh. */
public final class NewsletterSendBench {
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    int rate = Integer.parseInt(args[1]);
    var green =
        new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    green.start();
    var dir = Files.createTempDirectory("byline-newsletter-bench");
    var flags = new HashMap<String, String>(Map.of(
        "data", dir.toString(),
        "port", "0",
        "newsletter.smtp.host", "127.0.0.1",
        "newsletter.smtp.port", Integer.toString(green.getSmtp().getPort()),
        "newsletter.smtp.tls", "none",
        "newsletter.from", "news@courier.example",
        "newsletter.briefing.time", "",
        "newsletter.rate.per.second", Integer.toString(rate)));
    try (var site = Byline.start(new ConfigLoader(Map.of()).load(flags, null))) {
      var db = site.newsroom().db();
      db.useTransaction(tx -> {
        var b = tx.batch("INSERT INTO newsletter_subscriber (address, status, unsubscribe_key, "
            + "created_at, confirmed_at) VALUES (:a, 'confirmed', :k, 0, 0)");
        for (int i = 0; i < n; i++)
          b.bind("a", "reader-" + i + "@example.org")
              .bind("k", UUID.randomUUID().toString())
              .add();
        b.execute();
      });
      long section = site.newsroom().sections().ensure("news", "News", "", 1).id();
      for (int i = 0; i < 8; i++) {
        long id = site.newsroom()
            .articles()
            .create(ArticleDraft.of(
                "Story " + i + " of the morning",
                "What happened, in a sentence.",
                section,
                List.of(Block.Paragraph.ofText("Text."))));
        site.newsroom().articles().publish(id);
      }
      var newsletter = site.newsletter().orElseThrow();
      long start = System.nanoTime();
      var send = newsletter.sendBriefing("bench").orElseThrow();
      long made = System.nanoTime();
      long deadline = start + 90_000_000_000L;
      while (newsletter.sends().unfinished(send.id()) > 0 && System.nanoTime() < deadline)
        Thread.sleep(50);
      long done = System.nanoTime();
      long left = newsletter.sends().unfinished(send.id());
      var messages = green.getReceivedMessages();
      var recipients = new HashSet<String>();
      for (var m : messages)
        recipients.add(m.getRecipients(Message.RecipientType.TO)[0].toString());
      double seconds = (done - start) / 1e9;
      System.out.printf(
          "subscribers=%d rate_limit=%d/s fan_out_ms=%.0f duration_s=%.2f "
              + "messages_per_s=%.0f received=%d distinct_recipients=%d unfinished=%d%n",
          n,
          rate,
          (made - start) / 1e6,
          seconds,
          (n - left) / seconds,
          messages.length,
          recipients.size(),
          left);
    } finally {
      green.stop();
    }
  }
}
