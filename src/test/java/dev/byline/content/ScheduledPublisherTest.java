package dev.byline.content;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.byline.Newsroom;
import dev.byline.testing.TestClock;
import dev.byline.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** One scheduled story the database refuses to publish, and the ones due after it. */
class ScheduledPublisherTest {
  @TempDir
  Path dir;

  final TestClock clock = new TestClock(Instant.parse("2026-11-20T10:00:00Z"));
  final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  Newsroom newsroom;
  ArticleStore articles;
  long section;

  @BeforeEach
  void open() {
    newsroom = Newsroom.open(TestDatabases.sqlite(dir), clock);
    articles = newsroom.articles();
    section = newsroom.sections().ensure("world", "World", "", 0).id();
    logged.start();
    ((Logger) LoggerFactory.getLogger(ScheduledPublisher.class)).addAppender(logged);
  }

  @AfterEach
  void close() {
    ((Logger) LoggerFactory.getLogger(ScheduledPublisher.class)).detachAppender(logged);
    newsroom.close();
  }

  long scheduled(String headline, Duration in) {
    long id = articles.create(ArticleDraft.of(
        headline, "A standfirst.", section, List.of(Block.Paragraph.ofText("A paragraph."))));
    articles.schedule(id, clock.instant().plus(in), null);
    return id;
  }

  /** Makes the database refuse to publish one article, as a broken row or constraint would. */
  void refusePublishing(long id) {
    newsroom
        .db()
        .jdbi()
        .useHandle(
            h -> h.execute(
                "CREATE TRIGGER refuse_publishing "
                    + "BEFORE UPDATE OF status ON article WHEN NEW.id = " + id
                    + " AND NEW.status = 'published' BEGIN SELECT RAISE(ABORT, 'article row is damaged'); END"));
  }

  ArticleStatus status(long id) {
    return articles.byId(id).orElseThrow().status();
  }

  @Test
  void an_article_that_fails_to_publish_holds_up_none_due_after_it_and_is_retried_later() {
    long broken = scheduled("Due first, cannot be published", Duration.ofMinutes(1));
    long next = scheduled("Due second", Duration.ofMinutes(2));
    refusePublishing(broken);
    clock.advance(Duration.ofMinutes(5));
    var publisher = new ScheduledPublisher(articles, clock);

    assertThat(publisher.runOnce()).isEqualTo(1);
    assertThat(status(next)).isEqualTo(ArticleStatus.PUBLISHED);
    assertThat(status(broken)).isEqualTo(ArticleStatus.SCHEDULED);
    assertThat(logged.list).anySatisfy(e -> {
      assertThat(e.getLevel()).isEqualTo(Level.ERROR);
      assertThat(e.getFormattedMessage())
          .startsWith("event=scheduled_publish_failed article=" + broken + " attempt=1");
      assertThat(e.getThrowableProxy()).isNotNull();
    });

    // The next rounds leave it alone until its wait is over, then try it again, each wait longer.
    logged.list.clear();
    assertThat(publisher.runOnce()).isZero();
    assertThat(logged.list).isEmpty();
    clock.advance(ScheduledPublisher.RETRY.after(1));
    publisher.runOnce();
    assertThat(logged.list)
        .anySatisfy(e -> assertThat(e.getFormattedMessage())
            .contains("article=" + broken + " attempt=2 retry_in_s=10"));

    // Once the fault is mended, the story goes out at the next try.
    newsroom.db().jdbi().useHandle(h -> h.execute("DROP TRIGGER refuse_publishing"));
    clock.advance(ScheduledPublisher.RETRY.after(2));
    assertThat(publisher.runOnce()).isEqualTo(1);
    assertThat(status(broken)).isEqualTo(ArticleStatus.PUBLISHED);
  }
}
