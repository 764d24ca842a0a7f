package dev.byline.newsletter;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * What each kind of mail says to one subscriber, ready for the templates, in the site's voice at
 * the moment the mail is made (its language, name and time zone).
 */
final class Letters {
  private final NewsletterSettings settings;
  private final Links links;

  Letters(NewsletterSettings settings, Links links) {
    this.settings = settings;
    this.links = links;
  }

  LetterContent confirmation(QueuedMessage m, SiteVoice v) {
    var t = v.t();
    var intro = t.text("newsletter.mail.confirm.intro", v.siteName()) + " "
        + t.plural("newsletter.mail.confirm.expiry", settings.confirmWithin().toHours()) + " "
        + t.text("newsletter.mail.confirm.ignore");
    return new LetterContent(
        Send.CONFIRM,
        t,
        v.siteName(),
        settings.baseUrl() + "/",
        t.text("newsletter.mail.confirm.subject", v.siteName()),
        t.text("newsletter.mail.confirm.heading"),
        intro,
        List.of(),
        links.confirmUrl(m.subscriberId(), m.payload()),
        t.text("newsletter.confirm.button"),
        "");
  }

  LetterContent of(Send send, QueuedMessage m, SiteVoice v) {
    var t = v.t();
    boolean alert = send.kind().equals(Send.ALERT);
    var subject = subject(send.kind(), send.stories(), send.createdAt(), v);
    return new LetterContent(
        send.kind(),
        t,
        v.siteName(),
        settings.baseUrl() + "/",
        subject,
        alert ? t.text("newsletter.mail.alert.heading") : subject,
        alert ? "" : t.text("newsletter.mail.briefing.intro", v.siteName()),
        send.stories(),
        "",
        "",
        links.unsubscribeUrl(m.subscriberId(), m.unsubscribeKey()));
  }

  /**
   * A send's subject line: an alert's is its headline, a briefing's names the day it was made,
   * written in the language's long date in the site's zone ("7. Dezember 2026").
   */
  static String subject(String kind, List<Story> stories, Instant made, SiteVoice v) {
    var t = v.t();
    if (kind.equals(Send.ALERT))
      return t.text(
          "newsletter.mail.alert.subject", Mailer.oneLine(stories.get(0).headline()));
    var day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(t.locale())
        .withZone(v.zone())
        .format(made);
    return t.text("newsletter.mail.briefing.subject", v.siteName(), day);
  }
}
