package dev.byline.newsletter;

import java.util.List;

/** What each kind of mail says to one subscriber, ready for the templates. */
final class Letters {
  private final NewsletterSettings settings;
  private final Links links;

  Letters(NewsletterSettings settings, Links links) {
    this.settings = settings;
    this.links = links;
  }

  LetterContent confirmation(QueuedMessage m) {
    return new LetterContent(
        Send.CONFIRM,
        settings.siteName(),
        settings.baseUrl() + "/",
        "Confirm your subscription to " + settings.siteName(),
        "One more step",
        "Someone, we hope you, asked to get the " + settings.siteName()
            + " briefing and breaking news alerts at this address. Follow the link to confirm; "
            + "it works once and expires in " + settings.confirmWithin().toHours()
            + " hours. If it was not you, ignore this mail and you will hear nothing more.",
        List.of(),
        links.confirmUrl(m.subscriberId(), m.payload()),
        "Confirm my subscription",
        "");
  }

  LetterContent of(Send send, QueuedMessage m) {
    boolean alert = send.kind().equals(Send.ALERT);
    return new LetterContent(
        send.kind(),
        settings.siteName(),
        settings.baseUrl() + "/",
        send.subject(),
        alert ? "Breaking news" : send.subject(),
        alert ? "" : "The top stories on " + settings.siteName() + " this morning.",
        send.stories(),
        "",
        "",
        links.unsubscribeUrl(m.subscriberId(), m.unsubscribeKey()));
  }
}
