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
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Newsletters speak the site language, as the site settings say when each mail goes: the
 * double opt-in in German (mail, pages and the stored proof of consent), a briefing in French
 * with a French date, an Arabic alert written right to left. The language is switched the way an
 * administrator switches it, on the settings page, and mails are read at a real SMTP server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsletterLanguagesHttpTest {
  static final String PASSWORD = "a long enough password";
  static final String SITE = "The Byline Courier";
  static final Pattern CONFIRM_LINK =
      Pattern.compile("(http://localhost:\\d+/newsletter/confirm\\?t=[A-Za-z0-9._-]+)");
  static final Duration WAIT = Duration.ofSeconds(20);
  /** English the German mails and pages must not show. */
  static final List<String> ENGLISH = List.of(
      "Confirm your subscription",
      "Confirm my subscription",
      "One more step",
      "Someone, we hope you",
      "expires in",
      "You get this mail",
      "Or paste this address",
      "Unsubscribe",
      "briefing,",
      "Send me the daily briefing");

  @TempDir
  static Path dir;

  Mails mails;
  TestSite site;
  AdminClient admin;
  long story;

  @BeforeAll
  void start() {
    mails = Mails.start();
    var settings = new HashMap<>(mails.settings());
    settings.put("newsletter.rate.per.second", "200");
    settings.put("newsletter.subscribe.burst", "1000");
    site = TestSite.start(dir, settings);
    site.byline()
        .accounts()
        .users()
        .create("chief@example.org", "Chief", Role.ADMIN, PASSWORD, false);
    admin = new AdminClient(site).signIn("chief@example.org", PASSWORD);
    long section = site.newsroom().sections().ensure("news", "News", "", 1).id();
    story = site.newsroom()
        .articles()
        .create(ArticleDraft.of(
            "Harbour reopens",
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

  static Messages t(String language) {
    return Messages.of(Locale.forLanguageTag(language));
  }

  @Test
  void a_german_site_asks_confirms_and_records_consent_in_german() throws Exception {
    useLanguage("de");
    var de = t("de");
    var reader = new AdminClient(site);
    var form = reader.get("/newsletter");
    assertThat(form.body())
        .contains("<html lang=\"de\" dir=\"ltr\">", de.text("newsletter.wording"))
        .contains("name=\"wording\" value=\"" + Wording.of(de, Wording.SIGN_UP).version() + "\"");
    var bad = reader.postForm("/newsletter", Map.of("email", "kein-at.example.org"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains(de.text("newsletter.error.address.at"));
    assertThat(
            reader.postForm("/newsletter", Map.of("email", "leser@example.org")).statusCode())
        .isEqualTo(303);

    var mail = awaitOne("leser@example.org", de.text("newsletter.mail.confirm.subject", SITE));
    assertThat(Mails.subject(mail))
        .isEqualTo("Bitte bestätigen Sie Ihr Abonnement von The Byline Courier");
    assertThat(Mails.header(mail, "Content-Language")).isEqualTo("de");
    var html = Mails.part(mail, "text/html");
    var text = Mails.part(mail, "text/plain");
    assertThat(html)
        .contains("<html lang=\"de\" dir=\"ltr\">", "Nur noch ein Schritt")
        .contains("verfällt nach 48 Stunden", "Abonnement bestätigen")
        .contains(de.text("newsletter.mail.why.confirm", SITE));
    assertThat(text)
        .contains(de.text("newsletter.mail.confirm.intro", SITE), "verfällt nach 48 Stunden")
        .contains(de.text("newsletter.mail.why.confirm", SITE));
    for (var english : ENGLISH) {
      assertThat(html).as("English in the German HTML part").doesNotContain(english);
      assertThat(text).as("English in the German text part").doesNotContain(english);
      assertThat(Mails.subject(mail)).doesNotContain(english);
    }

    var link = confirmLink(mail);
    var page = reader.get(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery());
    assertThat(page.body())
        .contains("<html lang=\"de\" dir=\"ltr\">", de.text("newsletter.confirm.text"))
        .contains(">Abonnement bestätigen</button>");
    for (var english : ENGLISH) assertThat(page.body()).doesNotContain(english);
    var confirmed = confirm(reader, link);
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(confirmed.body()).contains(de.text("newsletter.confirmed"));

    var proofs = proofs("leser@example.org");
    assertThat(proofs).hasSize(2);
    var asked = Wording.of(de, Wording.SIGN_UP);
    assertThat(proofs.get(0))
        .containsExactly("requested", asked.version(), de.text("newsletter.wording"), "de");
    assertThat(proofs.get(0).get(2))
        .as("the German words, as the form showed them")
        .startsWith("Schicken Sie mir das tägliche Briefing");
    assertThat(asked.version())
        .startsWith(Wording.REVISION + ".de.")
        .isNotEqualTo(Wording.of(t("en"), Wording.SIGN_UP).version());
    var pressed = Wording.of(de, Wording.CONFIRM);
    assertThat(proofs.get(1))
        .containsExactly(
            "confirmed",
            pressed.version(),
            de.text("newsletter.confirm.text") + "\n" + de.text("newsletter.confirm.button"),
            "de");

    var csv = admin.get("/admin/newsletter/subscribers.csv").body();
    var row = csv.lines().filter(l -> l.contains(",leser@example.org,")).findFirst();
    assertThat(row).isPresent();
    assertThat(row.get())
        .contains("," + asked.version() + ",")
        .endsWith(",de," + dev.byline.content.Text.csvCell(de.text("newsletter.wording")));
  }

  @Test
  void a_form_shown_before_the_language_changed_records_the_words_it_showed() {
    useLanguage("es");
    var reader = new AdminClient(site);
    var version = Pattern.compile("name=\"wording\" value=\"([^\"]+)\"")
        .matcher(reader.get("/newsletter").body());
    assertThat(version.find()).isTrue();
    useLanguage("fr");
    var r = reader.postForm(
        "/newsletter", Map.of("email", "lenta@example.org", "wording", version.group(1)));
    assertThat(r.statusCode()).isEqualTo(303);
    var proof = proofs("lenta@example.org").get(0);
    assertThat(proof.get(3)).isEqualTo("es");
    assertThat(proof.get(2)).isEqualTo(t("es").text("newsletter.wording"));
    // The mail goes in the language of the site when it is sent.
    var mail = awaitOne("lenta@example.org", t("fr").text("newsletter.mail.confirm.subject", SITE));
    assertThat(Mails.header(mail, "Content-Language")).isEqualTo("fr");
  }

  @Test
  void a_briefing_goes_in_french_with_a_french_date_after_the_language_changes() {
    useLanguage("en");
    var address = "lecteur@example.org";
    subscribe(address, t("en"));
    useLanguage("fr");
    var fr = t("fr");
    var send = briefing();
    var subject = Pattern.compile("Le point de The Byline Courier du \\d{1,2} (janvier|février|"
        + "mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \\d{4}");
    assertThat(send.subject()).matches(subject);
    var mail = awaitOne(address, "Le point de ");
    assertThat(Mails.subject(mail)).matches(subject);
    assertThat(Mails.header(mail, "Content-Language")).isEqualTo("fr");
    var html = Mails.part(mail, "text/html");
    assertThat(html)
        .contains("<html lang=\"fr\" dir=\"ltr\">", fr.text("newsletter.mail.briefing.intro", SITE))
        .contains(fr.text("newsletter.mail.why.subscribed", SITE))
        .contains(">Se désabonner en un clic</a>", "Harbour reopens")
        .doesNotContain("You get this mail", "Unsubscribe");
    assertThat(Mails.part(mail, "text/plain"))
        .contains("Se désabonner en un clic : http://")
        .doesNotContain("Unsubscribe");
    assertThat(mails.to(address, "The Byline Courier briefing")).isEmpty();
  }

  @Test
  void an_arabic_alert_is_written_right_to_left() {
    useLanguage("ar");
    var ar = t("ar");
    var address = "qari@example.org";
    var confirmation = subscribe(address, ar);
    assertThat(Mails.part(confirmation, "text/html")).contains("<html lang=\"ar\" dir=\"rtl\">");
    assertThat(admin.postForm("/admin/articles/" + story + "/alert", Map.of()).statusCode())
        .isEqualTo(303);
    var alert = awaitOne(address, "عاجل: ");
    assertThat(Mails.subject(alert)).isEqualTo("عاجل: Harbour reopens");
    assertThat(Mails.header(alert, "Content-Language")).isEqualTo("ar");
    assertThat(Mails.part(alert, "text/html"))
        .contains("<html lang=\"ar\" dir=\"rtl\">", "<body dir=\"rtl\"")
        .contains(ar.text("newsletter.mail.alert.heading"), ar.text("newsletter.mail.unsubscribe"))
        .doesNotContain("Breaking", "Unsubscribe");
  }

  /** Signs up and confirms through the pages, in the site's language now; returns the mail. */
  MimeMessage subscribe(String address, Messages t) {
    var reader = new AdminClient(site);
    reader.get("/newsletter");
    assertThat(reader.postForm("/newsletter", Map.of("email", address)).statusCode())
        .isEqualTo(303);
    var mail = awaitOne(address, t.text("newsletter.mail.confirm.subject", SITE));
    var link = confirmLink(mail);
    reader.get(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery());
    assertThat(confirm(reader, link).statusCode()).isEqualTo(200);
    return mail;
  }

  HttpResponse<String> confirm(AdminClient reader, String link) {
    var token = link.substring(link.indexOf("t=") + 2);
    var wording = Pattern.compile("name=\"wording\" value=\"([^\"]+)\"")
        .matcher(reader.get(URI.create(link).getRawPath() + "?t=" + token).body());
    assertThat(wording.find()).as("the confirm form carries its words' version").isTrue();
    return reader.postForm("/newsletter/confirm", Map.of("t", token, "wording", wording.group(1)));
  }

  MimeMessage awaitOne(String address, String subjectPrefix) {
    Eventually.await(
        subjectPrefix + " to " + address,
        WAIT,
        () -> !mails.to(address, subjectPrefix).isEmpty());
    return mails.to(address, subjectPrefix).get(0);
  }

  static String confirmLink(MimeMessage mail) {
    var m = CONFIRM_LINK.matcher(Mails.part(mail, "text/plain"));
    assertThat(m.find()).as("a confirmation link in the text part").isTrue();
    return m.group(1);
  }

  Send briefing() {
    admin.get("/admin/newsletter");
    assertThat(admin.postForm("/admin/newsletter/briefing", Map.of()).statusCode())
        .isEqualTo(303);
    var send = newsletter().sends().recent(1).get(0).send();
    Eventually.await(
        "briefing " + send.id() + " sent",
        WAIT,
        () -> newsletter().sends().unfinished(send.id()) == 0);
    return send;
  }

  Newsletter newsletter() {
    return site.byline().newsletter().orElseThrow();
  }

  /** Each proof of {@code address}: event, wording version, wording, language. */
  List<List<String>> proofs(String address) {
    long id = newsletter()
        .subscribers()
        .byAddress(new EmailAddress(address))
        .orElseThrow()
        .id();
    return site.newsroom()
        .db()
        .read(tx -> tx.query("SELECT event, wording_version, wording, language "
                + "FROM newsletter_consent WHERE subscriber_id = :id ORDER BY id")
            .bind("id", id)
            .map(rs -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            .list());
  }

  /** Switches the site language on the settings page, as an administrator does. */
  void useLanguage(String language) {
    var page = admin.get("/admin/settings");
    assertThat(page.statusCode()).isEqualTo(200);
    var fields = new HashMap<String, String>();
    var input = Pattern.compile(
            "<input id=\"([A-Za-z]+)\" name=\"\\1\" type=\"text\" value=\"([^\"]*)\"")
        .matcher(page.body());
    while (input.find()) fields.put(input.group(1), unescape(input.group(2)));
    var area = Pattern.compile("<textarea id=\"([A-Za-z]+)\" name=\"\\1\"[^>]*>([^<]*)</textarea>")
        .matcher(page.body());
    while (area.find()) fields.put(area.group(1), unescape(area.group(2)));
    var select = Pattern.compile("<select id=\"([A-Za-z]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL)
        .matcher(page.body());
    while (select.find()) {
      var chosen = Pattern.compile("<option (?:value=\"([^\"]*)\" )?selected>([^<]*)</option>")
          .matcher(select.group(2));
      fields.put(
          select.group(1),
          !chosen.find() ? "" : chosen.group(1) != null ? chosen.group(1) : chosen.group(2));
    }
    fields.put("language", language);
    var saved = admin.postForm("/admin/settings", fields);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    Eventually.await(
        "the site speaks " + language,
        WAIT,
        () -> newsletter().voice().t().language().equals(language));
  }

  private static String unescape(String s) {
    return s.replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
