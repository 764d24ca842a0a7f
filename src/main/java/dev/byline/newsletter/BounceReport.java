package dev.byline.newsletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.content.InvalidInput;
import dev.byline.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One address a mail provider reports as undeliverable or complained about, read from either a
 * small JSON report or a delivery status notification (RFC 3464). Only what means "never mail
 * this address again" is reported: a permanent bounce, or a complaint; a soft (4.x.x) bounce is
 * not, since the queue already retries those.
 *
 * <pre>{@code
 * {"email": "reader@example.org", "type": "bounce", "detail": "550 5.1.1 user unknown"}
 * {"email": "reader@example.org", "type": "complaint"}
 * }</pre>
 */
public record BounceReport(EmailAddress address, String kind, String detail) {
  public static final String BOUNCE = "bounce";
  public static final String COMPLAINT = "complaint";
  /** Larger bodies are refused before they are read: a report is a few hundred bytes. */
  public static final int MAX_BYTES = 64 * 1024;

  private static final Pattern FINAL_RECIPIENT =
      Pattern.compile("(?im)^Final-Recipient:\\s*rfc822\\s*;\\s*<?([^>\\s]+)>?\\s*$");
  private static final Pattern ACTION = Pattern.compile("(?im)^Action:\\s*([a-z]+)\\s*$");
  private static final Pattern STATUS =
      Pattern.compile("(?im)^Status:\\s*([245])\\.(\\d{1,3})\\.(\\d{1,3})\\s*$");
  private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:\\s*(.+)$");

  /** Reads a JSON report; throws InvalidInput naming what is missing or wrong. */
  public static BounceReport fromJson(String body) {
    JsonNode node;
    try {
      node = Json.STRICT.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidInput("body", "is not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) throw new InvalidInput("body", "is not a JSON object");
    var email = node.path("email");
    if (!email.isTextual()) throw new InvalidInput("email", "is missing (a string)");
    var type = node.path("type").asText("").toLowerCase(Locale.ROOT);
    if (!type.equals(BOUNCE) && !type.equals(COMPLAINT))
      throw new InvalidInput("type", "must be \"bounce\" or \"complaint\"");
    if (node.path("permanent").isBoolean() && !node.path("permanent").asBoolean())
      throw new InvalidInput("permanent", "is false: soft bounces are retried, not reported");
    var detail = node.path("detail").asText("");
    return new BounceReport(new EmailAddress(email.asText()), type, clip(detail));
  }

  /**
   * The permanently failed recipients of a delivery status notification (the
   * message/delivery-status part, or the whole report): {@code Action: failed} with a 5.x.x
   * status. Empty when it reports no permanent failure.
   */
  public static List<BounceReport> fromDsn(String body) {
    var out = new ArrayList<BounceReport>();
    // Per-recipient fields are separated by blank lines; the first block is per-message.
    for (var block : body.replace("\r\n", "\n").split("\n\\s*\n")) {
      var recipient = FINAL_RECIPIENT.matcher(block);
      var action = ACTION.matcher(block);
      var status = STATUS.matcher(block);
      if (!recipient.find() || !action.find() || !status.find()) continue;
      if (!action.group(1).equalsIgnoreCase("failed") || !status.group(1).equals("5")) continue;
      var diagnostic = DIAGNOSTIC.matcher(block);
      var detail = "DSN " + status.group(1) + "." + status.group(2) + "." + status.group(3)
          + (diagnostic.find() ? " " + diagnostic.group(1).strip() : "");
      out.add(new BounceReport(new EmailAddress(recipient.group(1)), BOUNCE, clip(detail)));
    }
    return out;
  }

  private static String clip(String s) {
    var one = s.replaceAll("\\p{Cntrl}+", " ").strip();
    return one.length() > 500 ? one.substring(0, 500) : one;
  }
}
