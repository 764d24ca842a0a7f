package dev.byline.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.i18n.Messages;
import dev.byline.testing.AdminClient;
import dev.byline.testing.Eventually;
import dev.byline.testing.Mails;
import dev.byline.testing.TestSite;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Newsletters end to end against a real SMTP server (GreenMail): a reader signs up through the
 * form, follows the mailed link on the real server, and gets the briefing; an address that never
 * confirms gets nothing but its confirmation; one-click unsubscribe (RFC 8058) from the mail's
 * own header; alerts from the editor's button; bounce reports; export and erasure for admins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsletterHttpTest {
  static final String PASSWORD = "a long enough password";
  static final Pattern CONFIRM_LINK =
      Pattern.compile("(http://localhost:\\d+/newsletter/confirm\\?t=[A-Za-z0-9._-]+)");
  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  static Path dir;

  Mails mails;
  TestSite site;
  AdminClient admin;
  long section;
  long story;

  @BeforeAll
  void start() {
    mails = Mails.start();
    var settings = new HashMap<>(mails.settings());
    settings.put("newsletter.bounce.secret", "bounce-secret-for-tests");
    settings.put("newsletter.rate.per.second", "200");
    settings.put("newsletter.subscribe.burst", "1000"); // the limit has its own test
    site = TestSite.start(dir, settings);
    site.byline()
        .accounts()
        .users()
        .create("chief@example.org", "Chief", Role.ADMIN, PASSWORD, false);
    site.byline()
        .accounts()
        .users()
        .create("writer@example.org", "Writer", Role.WRITER, PASSWORD, false);
    admin = new AdminClient(site).signIn("chief@example.org", PASSWORD);
    section = site.newsroom().sections().ensure("news", "News", "", 1).id();
    story = site.newsroom()
        .articles()
        .create(ArticleDraft.of(
            "Harbour <b>reopens</b> & ferries run",
            "Boats are back.",
            section,
            List.of(Block.Paragraph.ofText("The harbour reopened."))));
    site.newsroom().articles().publish(story);
  }

  @AfterAll
  void stop() {
    site.close();
    mails.close();
  }

  Newsletter newsletter() {
    return site.byline().newsletter().orElseThrow();
  }

  /** Signs {@code address} up through the public form, as a reader's browser would. */
  HttpResponse<String> signUp(AdminClient reader, String address) {
    var form = reader.get("/newsletter");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.headers().firstValue("Cache-Control")).contains("no-store");
    return reader.postForm("/newsletter", Map.of("email", address));
  }

  MimeMessage awaitOne(String address, String subjectPrefix) {
    Eventually.await(
        subjectPrefix + " to " + address,
        WAIT,
        () -> !mails.to(address, subjectPrefix).isEmpty());
    return mails.to(address, subjectPrefix).get(0);
  }

  String confirmLink(MimeMessage mail) {
    var m = CONFIRM_LINK.matcher(Mails.part(mail, "text/plain"));
    assertThat(m.find()).as("a confirmation link in the text part").isTrue();
    return m.group(1);
  }

  /** Follows the mailed link on the real server and presses its button. */
  HttpResponse<String> follow(AdminClient reader, String link) {
    var page = reader.get(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery());
    assertThat(page.statusCode()).isEqualTo(200);
    var token = link.substring(link.indexOf("t=") + 2);
    assertThat(page.body()).contains("name=\"t\" value=\"" + token + "\"");
    return reader.postForm("/newsletter/confirm", Map.of("t", token));
  }

  long subscriberId(String address) {
    return newsletter()
        .subscribers()
        .byAddress(new EmailAddress(address))
        .orElseThrow()
        .id();
  }

  Send briefing() {
    admin.get("/admin/newsletter");
    var r = admin.postForm("/admin/newsletter/briefing", Map.of());
    assertThat(r.statusCode()).isEqualTo(303);
    var send = newsletter().sends().recent(1).get(0).send();
    Eventually.await(
        "briefing " + send.id() + " sent",
        WAIT,
        () -> newsletter().sends().unfinished(send.id()) == 0);
    return send;
  }

  @Test
  void
      a_confirmed_reader_gets_the_briefing_and_an_unconfirmed_address_gets_nothing_but_its_confirmation()
          throws Exception {
    var reader = new AdminClient(site);
    var r = signUp(reader, "Reader.One@Example.org");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).contains("/newsletter?asked=1");
    signUp(new AdminClient(site), "never.confirms@example.org");

    var confirmation = awaitOne("reader.one@example.org", "Confirm your subscription");
    assertThat(Mails.header(confirmation, "List-Unsubscribe"))
        .as("a confirmation subscribes nobody")
        .isNull();
    assertThat(Mails.part(confirmation, "text/html")).contains("/newsletter/confirm?t=");
    var link = confirmLink(confirmation);
    assertThat(newsletter()
            .subscribers()
            .byAddress(new EmailAddress("reader.one@example.org"))
            .orElseThrow()
            .status())
        .isEqualTo(Subscriber.PENDING);

    var confirmed = follow(reader, link);
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(confirmed.body()).contains("You are subscribed");
    assertThat(newsletter()
            .subscribers()
            .byAddress(new EmailAddress("reader.one@example.org"))
            .orElseThrow()
            .status())
        .isEqualTo(Subscriber.CONFIRMED);
    assertThat(follow(reader, link).statusCode()).as("the link works once").isEqualTo(400);
    var forged = link.substring(0, link.length() - 3) + (link.endsWith("AAA") ? "BBB" : "AAA");
    assertThat(follow(new AdminClient(site), forged).statusCode()).isEqualTo(400);
    awaitOne("never.confirms@example.org", "Confirm your subscription");

    var send = briefing();
    var mail = awaitOne("reader.one@example.org", "The Byline Courier briefing");
    assertThat(mails.to("never.confirms@example.org"))
        .as("only its confirmation")
        .hasSize(1);
    assertThat(newsletter().sends().status(send.id(), subscriberId("never.confirms@example.org")))
        .isEmpty();

    // multipart/alternative, escaped HTML, raw text, RFC 8058 headers, the queued Message-ID.
    assertThat(mail.getContentType()).startsWith("multipart/alternative");
    assertThat(Mails.part(mail, "text/html"))
        .contains("Harbour &lt;b&gt;reopens&lt;/b&gt; &amp; ferries run")
        .doesNotContain("<b>reopens");
    assertThat(Mails.part(mail, "text/plain")).contains("Harbour <b>reopens</b> & ferries run");
    assertThat(Mails.header(mail, "List-Unsubscribe"))
        .matches("<http://localhost:\\d+/newsletter/unsubscribe\\?t=\\d+\\.[A-Za-z0-9_-]+>");
    assertThat(Mails.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    assertThat(Mails.header(mail, "Message-ID"))
        .isEqualTo("<" + send.id() + "." + subscriberId("reader.one@example.org")
            + ".newsletter@courier.example>");
    var proofs = site.newsroom()
        .db()
        .read(tx -> tx.query(
                "SELECT event, wording_version, wording, "
                    + "ip_prefix, user_agent_hash FROM newsletter_consent WHERE subscriber_id = :id ORDER BY id")
            .bind("id", subscriberId("reader.one@example.org"))
            .map(rs -> List.of(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)))
            .list());
    assertThat(proofs).as("requested and confirmed, each with its proof").hasSize(2);
    var en = Messages.of(Locale.ENGLISH);
    var asked = Wording.of(en, Wording.SIGN_UP);
    assertThat(proofs.get(0))
        .containsExactly(
            "requested",
            asked.version(),
            en.text("newsletter.wording"),
            "127.0.0.0/24",
            dev.byline.consent.UserAgentHash.of(
                "Java-http-client/" + System.getProperty("java.version")));
    assertThat(asked.version()).startsWith(Wording.REVISION + ".en.");
    var confirmedWords = Wording.of(en, Wording.CONFIRM);
    assertThat(proofs.get(1).subList(0, 4))
        .containsExactly(
            "confirmed", confirmedWords.version(), confirmedWords.text(), "127.0.0.0/24");
    assertThat(confirmedWords.text())
        .isEqualTo(
            en.text("newsletter.confirm.text") + "\n" + en.text("newsletter.confirm.button"));
  }

  @Test
  void hostile_or_forged_sign_ups_are_refused_with_a_clear_error() {
    var reader = new AdminClient(site);
    var injected = signUp(reader, "victim@example.org\r\nBcc: many@example.org");
    assertThat(injected.statusCode()).isEqualTo(400);
    assertThat(injected.body()).contains("The email address");
    var notAddress = signUp(reader, "<script>alert(1)</script>");
    assertThat(notAddress.statusCode()).isEqualTo(400);
    assertThat(notAddress.body())
        .contains("The email address needs one @ between a name and a domain.")
        .doesNotContain("<script>");
    var noToken = new AdminClient(site).postRaw("/newsletter", Map.of("email", "csrf@example.org"));
    assertThat(noToken.statusCode()).as("no CSRF token").isEqualTo(403);
    assertThat(newsletter().subscribers().byAddress(new EmailAddress("csrf@example.org")))
        .isEmpty();
  }

  @Test
  void one_click_unsubscribe_from_the_mail_header_works_without_cookie_or_token() throws Exception {
    var address = "leaver@example.org";
    var reader = new AdminClient(site);
    signUp(reader, address);
    follow(reader, confirmLink(awaitOne(address, "Confirm your subscription")));
    briefing();
    var mail = awaitOne(address, "The Byline Courier briefing");
    var header = Mails.header(mail, "List-Unsubscribe");
    var url = header.substring(1, header.indexOf('>'));

    var page = HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Unsubscribe</button>").contains(address);
    assertThat(newsletter()
            .subscribers()
            .byAddress(new EmailAddress(address))
            .orElseThrow()
            .confirmed())
        .as("a GET (a link scanner) changes nothing")
        .isTrue();

    var bad = HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url + "x"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(400);

    var post = HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(200);
    var after = newsletter().subscribers().byAddress(new EmailAddress(address)).orElseThrow();
    assertThat(after.status()).isEqualTo(Subscriber.UNSUBSCRIBED);

    var next = briefing();
    assertThat(newsletter().sends().status(next.id(), after.id())).isEmpty();
    assertThat(mails.to(address, "The Byline Courier briefing")).hasSize(1);
  }

  @Test
  void an_editor_sends_a_breaking_alert_from_the_article_once_and_a_writer_cannot() {
    var address = "alerts@example.org";
    var reader = new AdminClient(site);
    signUp(reader, address);
    follow(reader, confirmLink(awaitOne(address, "Confirm your subscription")));

    var editorPage = admin.get("/admin/articles/" + story);
    assertThat(editorPage.body()).contains("Send as breaking alert");
    var writer = new AdminClient(site).signIn("writer@example.org", PASSWORD);
    writer.get("/admin/articles");
    assertThat(writer.postForm("/admin/articles/" + story + "/alert", Map.of()).statusCode())
        .isEqualTo(403);

    var sent = admin.postForm("/admin/articles/" + story + "/alert", Map.of());
    assertThat(sent.statusCode()).isEqualTo(303);
    assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("?alert=sent");
    var again = admin.postForm("/admin/articles/" + story + "/alert", Map.of());
    assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("?alert=again");
    var alert = awaitOne(address, "Breaking: Harbour");
    assertThat(Mails.part(alert, "text/plain")).contains("/news/");
    assertThat(site.byline().accounts().audit().recent("newsletter.alert", 0, 10))
        .hasSize(1);
  }

  @Test
  void a_bounce_report_suppresses_the_address_and_only_with_the_secret() throws Exception {
    var address = "bounces@example.org";
    var reader = new AdminClient(site);
    signUp(reader, address);
    follow(reader, confirmLink(awaitOne(address, "Confirm your subscription")));

    var body =
        "{\"email\":\"" + address + "\",\"type\":\"bounce\",\"detail\":\"550 5.1.1 user unknown\"}";
    assertThat(bounce(body, "application/json", "wrong").statusCode()).isEqualTo(401);
    assertThat(newsletter().subscribers().suppressed(new EmailAddress(address))).isFalse();
    assertThat(bounce(
                "{\"email\":\"x@example.org\",\"type\":\"soft\"}",
                "application/json",
                "bounce-secret-for-tests")
            .body())
        .contains("type must be");
    var ok = bounce(body, "application/json", "bounce-secret-for-tests");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"suppressed\":1");
    assertThat(newsletter().subscribers().suppressed(new EmailAddress(address))).isTrue();

    var dsn =
        "Reporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; dsn@example.org\r\n"
            + "Action: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 no such user\r\n";
    var byDsn = bounce(dsn, "message/delivery-status", "bounce-secret-for-tests");
    assertThat(byDsn.body()).contains("\"suppressed\":1");
    assertThat(newsletter().subscribers().suppressed(new EmailAddress("dsn@example.org")))
        .isTrue();

    var send = briefing();
    assertThat(newsletter().sends().status(send.id(), subscriberId(address)))
        .contains(Sends.SKIPPED);
    assertThat(mails.to(address, "The Byline Courier briefing")).isEmpty();
    signUp(new AdminClient(site), "dsn@example.org");
    Thread.sleep(300); // a confirmation would be queued and sent at once; none must come
    assertThat(mails.to("dsn@example.org"))
        .as("a suppressed address gets not even a confirmation")
        .isEmpty();
  }

  HttpResponse<String> bounce(String body, String type, String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(site.url("/api/newsletter/bounces")))
                .header("Content-Type", type)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void an_admin_exports_exactly_the_subscribers_and_erases_one_with_their_proofs() {
    for (var a : List.of("keep@example.org", "erase@example.org")) {
      var reader = new AdminClient(site);
      signUp(reader, a);
      follow(reader, confirmLink(awaitOne(a, "Confirm your subscription")));
    }
    var csv = admin.get("/admin/newsletter/subscribers.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    var lines = csv.body().split("\r\n");
    assertThat(lines[0]).startsWith("subscriber_id,email,status");
    var exported = java.util.Arrays.stream(lines)
        .skip(1)
        .map(l -> l.split(",")[1])
        .collect(Collectors.toSet());
    var stored = site.newsroom()
        .db()
        .read(tx -> tx.query("SELECT address FROM newsletter_subscriber")
            .mapTo(String.class)
            .list());
    assertThat(exported)
        .containsExactlyInAnyOrderElementsOf(stored)
        .contains("keep@example.org", "erase@example.org");

    long id = subscriberId("erase@example.org");
    assertThat(newsletter().subscribers().proofCount(id)).isEqualTo(2);
    admin.get("/admin/newsletter");
    var erased = admin.postForm("/admin/newsletter/delete", Map.of("email", "erase@example.org"));
    assertThat(erased.statusCode()).isEqualTo(303);
    assertThat(newsletter().subscribers().byAddress(new EmailAddress("erase@example.org")))
        .isEmpty();
    assertThat(newsletter().subscribers().proofCount(id)).isZero();
    long messages = site.newsroom()
        .db()
        .read(tx -> tx.query("SELECT COUNT(*) FROM newsletter_message WHERE subscriber_id = :id")
            .bind("id", id)
            .mapTo(Long.class)
            .one());
    assertThat(messages).isZero();
    assertThat(admin.get("/admin/newsletter/subscribers.csv").body())
        .doesNotContain("erase@example.org")
        .contains("keep@example.org");
    var audit = site.byline().accounts().audit().recent("newsletter.delete", 0, 10);
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).detail()).doesNotContain("erase@example.org");
    var unknown = admin.postForm("/admin/newsletter/delete", Map.of("email", "nobody@example.org"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("No subscriber has that address");

    var writer = new AdminClient(site).signIn("writer@example.org", PASSWORD);
    assertThat(writer.get("/admin/newsletter/subscribers.csv").statusCode()).isEqualTo(403);
  }
}
