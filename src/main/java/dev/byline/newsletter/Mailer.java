package dev.byline.newsletter;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Hands messages to the SMTP server (Jakarta Mail on Eclipse Angus), keeping one connection open
 * between messages. Each message is multipart/alternative (plain text, then HTML), carries the
 * Message-ID it was queued with, and, unless it is a confirmation, {@code List-Unsubscribe} and
 * {@code List-Unsubscribe-Post} (RFC 8058). Used by one worker thread.
 */
final class Mailer implements AutoCloseable {
  /**
   * One mail ready to go.
   *
   * @param senderName the site's name as the mail was made, shown beside the From address
   * @param language the language the mail is written in, for {@code Content-Language}
   */
  record Outgoing(
      String to,
      String senderName,
      String language,
      String subject,
      LetterTemplates.Rendered body,
      String messageId,
      String unsubscribeUrl,
      String unsubscribeMailto,
      java.time.Instant date) {}

  private final NewsletterSettings settings;
  private final Session session;
  private Transport transport;

  Mailer(NewsletterSettings settings) {
    this.settings = settings;
    this.session = Session.getInstance(properties(settings));
    from(settings.siteName()); // a From that cannot be written stops start-up, not a send
  }

  private InternetAddress from(String name) {
    try {
      var from = new InternetAddress(settings.from(), oneLine(name), "UTF-8");
      from.validate();
      return from;
    } catch (UnsupportedEncodingException | MessagingException e) {
      throw new dev.byline.config.ConfigException(
          "newsletter.from", "is not an email address: " + settings.from());
    }
  }

  static Properties properties(NewsletterSettings s) {
    var p = new Properties();
    String proto = s.tls().equals("tls") ? "smtps" : "smtp";
    p.put("mail.transport.protocol", proto);
    p.put("mail." + proto + ".host", s.smtpHost());
    p.put("mail." + proto + ".port", Integer.toString(s.smtpPort()));
    String timeout = Long.toString(s.smtpTimeout().toMillis());
    p.put("mail." + proto + ".connectiontimeout", timeout);
    p.put("mail." + proto + ".timeout", timeout);
    p.put("mail." + proto + ".writetimeout", timeout);
    p.put("mail." + proto + ".from", s.from()); // the envelope sender: bounces come back here
    p.put("mail." + proto + ".auth", Boolean.toString(!s.smtpUser().isEmpty()));
    if (s.tls().equals("starttls")) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    if (!s.tls().equals("none")) p.put("mail." + proto + ".ssl.checkserveridentity", "true");
    return p;
  }

  /** Sends one message; throws what the server said when it did not take it. */
  void send(Outgoing m) throws MailFailure {
    MimeMessage message;
    try {
      message = build(m);
    } catch (MessagingException e) {
      throw new MailFailure(true, 0, "cannot build the message: " + e.getMessage(), e);
    }
    try {
      if (transport == null || !transport.isConnected()) connect();
      transport.sendMessage(message, message.getAllRecipients());
    } catch (SendFailedException e) {
      throw classify(e);
    } catch (MessagingException e) {
      closeQuietly(); // the connection is in an unknown state; the next message opens another
      throw new MailFailure(false, 0, "SMTP: " + e.getMessage(), e);
    }
  }

  private void connect() throws MessagingException {
    closeQuietly();
    transport = session.getTransport();
    if (settings.smtpUser().isEmpty()) transport.connect();
    else transport.connect(settings.smtpUser(), settings.smtpPassword());
  }

  /** A refused recipient with 5xx is permanent; a refused sender is ours to fix, not theirs. */
  private static MailFailure classify(SendFailedException e) {
    for (Exception x = e; x != null; x = next(x)) {
      if (x instanceof SMTPAddressFailedException a)
        return new MailFailure(a.getReturnCode() / 100 == 5, a.getReturnCode(), reply(a), e);
      if (x instanceof SMTPSenderFailedException s)
        return new MailFailure(false, s.getReturnCode(), "sender refused: " + reply(s), e);
    }
    if (e instanceof SMTPSendFailedException d)
      return new MailFailure(false, d.getReturnCode(), "message refused: " + reply(d), e);
    return new MailFailure(false, 0, "SMTP: " + e.getMessage(), e);
  }

  private static Exception next(Exception x) {
    return x instanceof MessagingException m ? m.getNextException() : null;
  }

  private static String reply(MessagingException e) {
    var text = e.getMessage() == null ? "" : e.getMessage().strip();
    return text.replaceAll("[\\r\\n]+", " ");
  }

  private MimeMessage build(Outgoing m) throws MessagingException {
    var message = new FixedIdMessage(session, m.messageId());
    message.setFrom(from(m.senderName()));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to(), true));
    message.setSubject(oneLine(m.subject()), "UTF-8");
    message.setSentDate(java.util.Date.from(m.date()));
    message.setContentLanguage(new String[] {m.language()});
    if (!m.unsubscribeUrl().isEmpty()) {
      var list = "<" + m.unsubscribeUrl() + ">";
      if (!m.unsubscribeMailto().isEmpty())
        list += ", <mailto:" + m.unsubscribeMailto() + "?subject=unsubscribe>";
      message.setHeader("List-Unsubscribe", list);
      message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      message.setHeader("Precedence", "bulk");
    }
    var text = new MimeBodyPart();
    text.setText(m.body().text(), "UTF-8", "plain");
    var html = new MimeBodyPart();
    html.setText(m.body().html(), "UTF-8", "html");
    var parts = new MimeMultipart("alternative", text, html);
    message.setContent(parts);
    message.saveChanges();
    return message;
  }

  static String oneLine(String text) {
    return text.replaceAll("\\p{Cntrl}+", " ").strip();
  }

  private void closeQuietly() {
    if (transport == null) return;
    try {
      transport.close();
    } catch (MessagingException ignored) {
      // Closing a broken connection: nothing more to learn from it.
    }
    transport = null;
  }

  @Override
  public void close() {
    closeQuietly();
  }

  /** A message that keeps the Message-ID it was queued with instead of making a new one. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
