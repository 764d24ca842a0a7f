package dev.byline.newsletter;

import dev.byline.content.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * CSV (RFC 4180) of subscribers with the proof of their latest request and confirmation: what they
 * agreed to is the wording of their request, in the language they were shown it in. Cells a
 * spreadsheet would run as formulas are defused ({@link Text#csvCell}).
 */
final class SubscriberCsv {
  static final String HEADER = "subscriber_id,email,status,created_at,confirmed_at,unsubscribed_at,"
      + "wording_version,requested_ip_prefix,confirmed_ip_prefix,wording_language,wording";

  /** One row per subscriber; the proof columns come from their newest matching consent rows. */
  static final String QUERY = "SELECT s.*, "
      + "(SELECT c.wording_version FROM newsletter_consent c WHERE c.subscriber_id = s.id "
      + "AND c.event = 'requested' ORDER BY c.id DESC LIMIT 1) AS wording_version, "
      + "(SELECT c.ip_prefix FROM newsletter_consent c WHERE c.subscriber_id = s.id "
      + "AND c.event = 'requested' ORDER BY c.id DESC LIMIT 1) AS requested_ip, "
      + "(SELECT c.ip_prefix FROM newsletter_consent c WHERE c.subscriber_id = s.id "
      + "AND c.event = 'confirmed' ORDER BY c.id DESC LIMIT 1) AS confirmed_ip, "
      + "(SELECT c.language FROM newsletter_consent c WHERE c.subscriber_id = s.id "
      + "AND c.event = 'requested' ORDER BY c.id DESC LIMIT 1) AS wording_language, "
      + "(SELECT c.wording FROM newsletter_consent c WHERE c.subscriber_id = s.id "
      + "AND c.event = 'requested' ORDER BY c.id DESC LIMIT 1) AS wording "
      + "FROM newsletter_subscriber s";

  private SubscriberCsv() {}

  static void header(java.io.Writer out) throws java.io.IOException {
    out.write(HEADER);
    out.write("\r\n");
  }

  static String row(ResultSet rs) throws SQLException {
    var s = Subscribers.read(rs);
    String[] cells = {
      Long.toString(s.id()),
      s.address(),
      s.status(),
      time(s.createdAt()),
      time(s.confirmedAt()),
      time(s.unsubscribedAt()),
      nullToEmpty(rs.getString("wording_version")),
      nullToEmpty(rs.getString("requested_ip")),
      nullToEmpty(rs.getString("confirmed_ip")),
      nullToEmpty(rs.getString("wording_language")),
      nullToEmpty(rs.getString("wording"))
    };
    var line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) line.append(',');
      line.append(Text.csvCell(cells[i]));
    }
    return line.append("\r\n").toString();
  }

  private static String time(Instant t) {
    return t == null ? "" : DateTimeFormatter.ISO_INSTANT.format(t);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
