package dev.byline.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.Newsroom;
import dev.byline.i18n.Messages;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily briefing is made once a day at its hour in the site's zone, and not long after. */
class BriefingScheduleTest {
  @TempDir
  Path dir;

  @Test
  void the_briefing_is_made_once_at_its_hour_and_not_when_the_window_has_passed() {
    var clock = new TestClock(Instant.parse("2026-12-07T05:59:00Z")); // 06:59 in Paris
    var config = TestDatabases.sqlite(
        dir,
        Map.of(
            "newsletter.smtp.host", "127.0.0.1",
            "newsletter.briefing.time", "07:00",
            "time.zone", "Europe/Paris"));
    try (var newsroom = Newsroom.open(config, clock)) {
      var settings = NewsletterSettings.from(config);
      ConfirmedSubscribers.insert(newsroom.db(), "r", 3);
      List<Story> stories = List.of(new Story("Morning story", "", "https://example.org/a"));
      try (var newsletter = Newsletter.open(
          settings,
          newsroom.db(),
          newsroom.state(),
          "",
          c -> new LetterTemplates.Rendered("", ""),
          n -> stories,
          () -> new SiteVoice(
              "Courier", Messages.of(Locale.ENGLISH), java.time.ZoneId.of("Europe/Paris")),
          clock,
          false)) {
        var schedule = new BriefingSchedule(newsletter, settings, clock);
        schedule.tick();
        assertThat(newsletter.sends().recent(10)).as("before the hour").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        schedule.tick();
        schedule.tick();
        clock.advance(Duration.ofHours(2));
        schedule.tick();
        var made = newsletter.sends().recent(10);
        assertThat(made).hasSize(1);
        assertThat(made.get(0).send().key()).isEqualTo("briefing:2026-12-07");
        assertThat(made.get(0).send().recipients()).isEqualTo(3);
        assertThat(made.get(0).send().stories()).isEqualTo(stories);

        // Down through the next morning's window: no briefing at 10:01, three hours late.
        clock.set(Instant.parse("2026-12-08T09:01:00Z"));
        schedule.tick();
        assertThat(newsletter.sends().recent(10)).hasSize(1);
      }
    }
  }
}
