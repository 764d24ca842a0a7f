package dev.byline.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.Eventually;
import dev.byline.testing.Mails;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: a briefing to 10,000 subscribers is cut off mid-send by stopping the whole site,
 * and a new site on the same database finishes it. At the SMTP server (GreenMail) every
 * subscriber has exactly one message: nobody twice, nobody skipped.
 */
class NewsletterCrashHttpTest {
  static final int SUBSCRIBERS = 10_000;

  @TempDir
  Path dir;

  @Test
  void a_briefing_to_ten_thousand_reaches_each_exactly_once_across_a_stop_mid_send_and_a_restart() {
    try (var mails = Mails.start()) {
      var settings = new HashMap<>(mails.settings());
      settings.put("newsletter.rate.per.second", "10000");
      List<String> addresses;
      long sendId;
      int deliveredBeforeStop;
      try (var first = TestSite.start(dir, settings)) {
        addresses = ConfirmedSubscribers.insert(first.newsroom().db(), "reader", SUBSCRIBERS);
        long section = first.newsroom().sections().ensure("news", "News", "", 1).id();
        long story = first
            .newsroom()
            .articles()
            .create(ArticleDraft.of(
                "Tide tables change", "", section, List.of(Block.Paragraph.ofText("Text."))));
        first.newsroom().articles().publish(story);
        var newsletter = first.byline().newsletter().orElseThrow();
        var send = newsletter.sendBriefing("test").orElseThrow();
        sendId = send.id();
        assertThat(send.recipients()).isEqualTo(SUBSCRIBERS);
        Eventually.await(
            "a fifth sent",
            Duration.ofSeconds(60),
            () -> newsletter.sends().recent(1).get(0).sent() >= SUBSCRIBERS / 5);
        // The stop: the site closes with the send under way (as on SIGTERM or a deploy).
      }
      deliveredBeforeStop = mails.all().size();
      assertThat(deliveredBeforeStop)
          .as("stopped mid-send")
          .isBetween(SUBSCRIBERS / 5, SUBSCRIBERS - 1);

      try (var second = TestSite.start(dir, settings)) {
        var sends = second.byline().newsletter().orElseThrow().sends();
        assertThat(sends.unfinished(sendId)).as("left for the restart").isPositive();
        Eventually.await(
            "the rest sent", Duration.ofSeconds(120), () -> sends.unfinished(sendId) == 0);
        var progress = sends.recent(1).get(0);
        assertThat(progress.sent()).isEqualTo(SUBSCRIBERS);
        assertThat(progress.failed() + progress.skipped()).isZero();
      }
      var counts = mails.countByRecipient();
      assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(addresses);
      var repeated = counts.entrySet().stream().filter(e -> e.getValue() != 1).toList();
      assertThat(repeated).as("recipients with other than one message").isEmpty();
      assertThat(mails.all()).hasSize(SUBSCRIBERS);
    }
  }
}
