package dev.byline.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.Newsroom;
import dev.byline.config.Config;
import dev.byline.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The message queue's contract on both databases: once per key, claims, leases, releases. */
class SendsTest {
  static final Proof PROOF = new Proof(new Wording("en", "wording"), "203.0.113.7", "Test/1.0");
  static final List<Story> STORIES = List.of(new Story("Headline", "", "https://example.org/a"));

  @TempDir
  Path dir;

  Config config(String database) {
    return database.equals("sqlite") ? TestDatabases.sqlite(dir) : TestDatabases.postgres(dir);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_send_reaches_confirmed_subscribers_once_and_a_lapsed_claim_goes_again_with_its_message_id(
      String database) {
    var config = config(database);
    try (var newsroom = Newsroom.open(config, Clock.systemUTC())) {
      var sends = new Sends(newsroom.db(), "example.org");
      var subscribers = new Subscribers(newsroom.db(), sends);
      ConfirmedSubscribers.insert(newsroom.db(), "on", 3);
      // One that asked and never confirmed, one that left: neither is a recipient.
      subscribers.request(
          new EmailAddress("asked@example.org"), PROOF, "nonce", Duration.ofHours(1), 1_000);
      subscribers.request(
          new EmailAddress("left@example.org"), PROOF, "nonce2", Duration.ofHours(1), 1_000);
      long left = subscribers
          .byAddress(new EmailAddress("left@example.org"))
          .orElseThrow()
          .id();
      assertThat(subscribers.confirm(left, "wrong", PROOF, 2_000)).isFalse();
      assertThat(subscribers.confirm(left, "nonce2", PROOF, 2_000)).isTrue();
      assertThat(subscribers.confirm(left, "nonce2", PROOF, 2_000))
          .as("once only")
          .isFalse();
      subscribers.unsubscribe(left, PROOF, 3_000);

      // The confirmation of the one still pending; leaving dropped the other's.
      var confirmations = sends.claim(10, 5_000, 65_000);
      assertThat(confirmations).extracting(QueuedMessage::kind).containsOnly(Send.CONFIRM);
      assertThat(confirmations)
          .extracting(QueuedMessage::address)
          .containsExactly("asked@example.org");
      assertThat(confirmations.get(0).sendId()).isNull();
      assertThat(confirmations.get(0).payload()).isEqualTo("nonce");
      confirmations.forEach(m -> sends.sent(m.id(), 5_000));

      var send =
          sends.create("briefing:2026-12-07", Send.BRIEFING, "Briefing", STORIES, "test", 10_000);
      assertThat(send).isPresent();
      assertThat(send.get().recipients()).isEqualTo(3);
      assertThat(
              sends.create("briefing:2026-12-07", Send.BRIEFING, "Again", STORIES, "test", 10_000))
          .as("the same key makes nothing")
          .isEmpty();

      var batch = sends.claim(2, 10_000, 20_000);
      assertThat(batch).hasSize(2);
      assertThat(sends.claim(10, 10_000, 20_000)).as("the rest").hasSize(1);
      assertThat(sends.claim(10, 19_999, 20_000)).as("all leased").isEmpty();

      sends.sent(batch.get(0).id(), 11_000);
      sends.release(List.of(batch.get(1)), 11_000);
      var released = sends.claim(10, 11_000, 30_000);
      assertThat(released)
          .extracting(QueuedMessage::id)
          .containsExactly(batch.get(1).id());
      assertThat(released.get(0).attempts())
          .as("a release does not count as an attempt")
          .isEqualTo(1);
      sends.sent(released.get(0).id(), 12_000);

      // The third was claimed and never marked (a process killed mid-send): after its lease it
      // goes again, with the Message-ID it was first sent with.
      var lapsed = sends.claim(10, 20_000, 80_000);
      assertThat(lapsed).hasSize(1);
      assertThat(lapsed.get(0).attempts()).isEqualTo(2);
      assertThat(lapsed.get(0).messageId())
          .matches("<" + send.get().id() + "\\.\\d+\\.newsletter@example\\.org>");
      sends.sent(lapsed.get(0).id(), 21_000);
      assertThat(sends.claim(10, 1_000_000, 2_000_000)).as("sent is final").isEmpty();
      assertThat(sends.unfinished(send.get().id())).isZero();
      assertThat(sends.recent(1).get(0).sent()).isEqualTo(3);
    } finally {
      TestDatabases.drop(config);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void two_workers_claiming_at_once_never_take_the_same_message(String database) throws Exception {
    var config = config(database);
    try (var newsroom = Newsroom.open(config, Clock.systemUTC())) {
      var sends = new Sends(newsroom.db(), "example.org");
      ConfirmedSubscribers.insert(newsroom.db(), "r", 400);
      sends.create("alert:1", Send.ALERT, "Alert", STORIES, "test", 1_000).orElseThrow();
      var claimed = Collections.synchronizedList(new ArrayList<Long>());
      var pool = Executors.newFixedThreadPool(4);
      for (int w = 0; w < 4; w++) {
        pool.submit(() -> {
          for (var b = sends.claim(7, 2_000, 60_000);
              !b.isEmpty();
              b = sends.claim(7, 2_000, 60_000)) b.forEach(m -> claimed.add(m.id()));
          return null;
        });
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      assertThat(claimed).hasSize(400);
      assertThat(new HashSet<>(claimed)).hasSize(400);
    } finally {
      TestDatabases.drop(config);
    }
  }
}
