package dev.byline.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.AdminClient;
import dev.byline.testing.Eventually;
import dev.byline.testing.SmtpStub;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SMTP server that refuses one recipient with 550 5.1.1: that address is suppressed and never
 * asked for again, while the others get their mail; and the sign-up form's rate limit.
 */
class NewsletterRejectionHttpTest {
  @TempDir
  Path dir;

  @Test
  void a_recipient_refused_with_5xx_is_suppressed_and_never_mailed_again() {
    try (var smtp = SmtpStub.refusing(Set.of("gone@example.org"));
        var site = TestSite.start(
            dir,
            Map.of(
                "newsletter.smtp.host", "127.0.0.1",
                "newsletter.smtp.port", Integer.toString(smtp.port()),
                "newsletter.smtp.tls", "none",
                "newsletter.briefing.time", "",
                "newsletter.poll.ms", "50"))) {
      var newsletter = site.byline().newsletter().orElseThrow();
      ConfirmedSubscribers.insert(
          site.newsroom().db(), List.of("gone@example.org", "here@example.org"));
      long section = site.newsroom().sections().ensure("news", "News", "", 1).id();
      long story = site.newsroom()
          .articles()
          .create(ArticleDraft.of(
              "Bridge closes", "", section, List.of(Block.Paragraph.ofText("Text."))));
      site.newsroom().articles().publish(story);
      long gone = newsletter
          .subscribers()
          .byAddress(new EmailAddress("gone@example.org"))
          .orElseThrow()
          .id();

      var first = newsletter.sendBriefing("test").orElseThrow();
      Eventually.await(
          "first briefing done",
          Duration.ofSeconds(20),
          () -> newsletter.sends().unfinished(first.id()) == 0);
      assertThat(smtp.accepted()).containsExactly("here@example.org");
      assertThat(newsletter.sends().status(first.id(), gone)).contains(Sends.FAILED);
      assertThat(newsletter.subscribers().suppressed(new EmailAddress("gone@example.org")))
          .isTrue();

      Eventually.await(
          "a new millisecond for a new manual key",
          Duration.ofSeconds(2),
          () -> newsletter.sendBriefing("test").isPresent());
      var second = newsletter.sends().recent(1).get(0).send();
      Eventually.await(
          "second briefing done",
          Duration.ofSeconds(20),
          () -> newsletter.sends().unfinished(second.id()) == 0);
      assertThat(newsletter.sends().status(second.id(), gone)).contains(Sends.SKIPPED);
      assertThat(smtp.asked().stream().filter("gone@example.org"::equals).count())
          .as("asked for once, then never again")
          .isEqualTo(1);
      assertThat(smtp.accepted()).containsExactly("here@example.org", "here@example.org");
    }
  }

  @Test
  void the_sign_up_form_is_rate_limited_per_network() {
    try (var smtp = SmtpStub.refusing(Set.of());
        var site = TestSite.start(
            dir,
            Map.of(
                "newsletter.smtp.host", "127.0.0.1",
                "newsletter.smtp.port", Integer.toString(smtp.port()),
                "newsletter.smtp.tls", "none",
                "newsletter.briefing.time", "",
                "newsletter.subscribe.burst", "2"))) {
      var reader = new AdminClient(site);
      reader.get("/newsletter");
      assertThat(
              reader.postForm("/newsletter", Map.of("email", "a@example.org")).statusCode())
          .isEqualTo(303);
      assertThat(
              reader.postForm("/newsletter", Map.of("email", "b@example.org")).statusCode())
          .isEqualTo(303);
      var refused = reader.postForm("/newsletter", Map.of("email", "c@example.org"));
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(refused.body()).contains("Too many sign-ups from your network");
      var newsletter = site.byline().newsletter().orElseThrow();
      assertThat(newsletter.subscribers().byAddress(new EmailAddress("c@example.org")))
          .isEmpty();
    }
  }
}
