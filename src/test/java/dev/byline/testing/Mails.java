package dev.byline.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server for tests (GreenMail) on a free loopback port, and what arrived at it. It
 * takes mail for any address.
 */
public final class Mails implements AutoCloseable {
  private final GreenMail green;

  private Mails(GreenMail green) {
    this.green = green;
  }

  public static Mails start() {
    // GreenMail logs a line for every mailbox it creates: 10,000 in the crash test.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    var green =
        new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    green.start();
    return new Mails(green);
  }

  public int port() {
    return green.getSmtp().getPort();
  }

  /** Settings that send newsletters here, fast, with no daily schedule. */
  public Map<String, String> settings() {
    var s = new HashMap<String, String>();
    s.put("newsletter.smtp.host", "127.0.0.1");
    s.put("newsletter.smtp.port", Integer.toString(port()));
    s.put("newsletter.smtp.tls", "none");
    s.put("newsletter.from", "news@courier.example");
    s.put("newsletter.briefing.time", "");
    s.put("newsletter.poll.ms", "50");
    s.put("newsletter.smtp.timeout.ms", "5000");
    return s;
  }

  public List<MimeMessage> all() {
    return List.of(green.getReceivedMessages());
  }

  /** Messages whose To is {@code address}. */
  public List<MimeMessage> to(String address) {
    return all().stream().filter(m -> recipient(m).equalsIgnoreCase(address)).toList();
  }

  /** Messages to {@code address} whose subject starts with {@code prefix}. */
  public List<MimeMessage> to(String address, String prefix) {
    return to(address).stream().filter(m -> subject(m).startsWith(prefix)).toList();
  }

  /** Deliveries per recipient: the count a duplicate or a skip shows in. */
  public Map<String, Integer> countByRecipient() {
    var counts = new HashMap<String, Integer>();
    for (var m : all()) counts.merge(recipient(m), 1, Integer::sum);
    return counts;
  }

  public static String recipient(MimeMessage m) {
    try {
      return m.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  public static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  public static String header(MimeMessage m, String name) {
    try {
      var v = m.getHeader(name, ", ");
      return v == null ? null : v.replaceAll("\\r?\\n\\s*", " ");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The body part of type {@code text/plain} or {@code text/html}, decoded. */
  public static String part(MimeMessage m, String type) {
    try {
      var multipart = (Multipart) m.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart p = multipart.getBodyPart(i);
        if (p.isMimeType(type)) return (String) p.getContent();
      }
      throw new AssertionError("no " + type + " part in " + m.getContentType());
    } catch (AssertionError e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    green.stop();
  }
}
