package dev.byline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The times pages and answers carry come from the clock Byline was started with, never the system's. */
class ClockHttpTest {
  static final Instant START = Instant.parse("2031-05-06T07:00:00Z");

  @TempDir
  Path dir;

  @Test
  void a_page_rendered_after_the_since_date_is_not_answered_not_modified() {
    var clock = new TestClock(START);
    try (var site = TestSite.start(TestDatabases.sqlite(dir), clock)) {
      var earlier = publish(site, "Harbour cranes stand idle");
      var later = publish(site, "Ferry timetable changes");
      clock.advance(Duration.ofHours(1));
      // Both stories changed at START; the copies are rendered (on these first requests) an hour
      // on.
      // Since a minute after START: later than the stories, earlier than the copy, which may hold
      // a list that has moved since, so the page is sent.
      assertThat(site.get(earlier, "If-Modified-Since", httpDate(START.plusSeconds(60)))
              .statusCode())
          .isEqualTo(200);
      assertThat(site.get(later, "If-Modified-Since", httpDate(START.plusSeconds(7200)))
              .statusCode())
          .isEqualTo(304);
    }
  }

  static String publish(TestSite site, String headline) {
    var articles = site.newsroom().articles();
    var section = site.newsroom().sections().ensure("world", "World", "", 1);
    long id = articles.create(ArticleDraft.of(
        headline, "", section.id(), List.of(Block.Paragraph.ofText("Words about " + headline))));
    articles.publish(id);
    return articles.byId(id).orElseThrow().path();
  }

  static String httpDate(Instant t) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atZone(ZoneOffset.UTC));
  }

  @Test
  void the_consent_export_is_named_for_the_sites_date() {
    try (var site = TestSite.start(TestDatabases.sqlite(dir), new TestClock(START))) {
      site.byline()
          .accounts()
          .users()
          .create("clock@example.org", "Clock Admin", Role.ADMIN, "a long enough password", false);
      var admin = new AdminClient(site).signIn("clock@example.org", "a long enough password");
      var r = admin.get("/admin/consent/records.csv");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
          .contains("consent-records-2031-05-06.csv");
    }
  }
}
