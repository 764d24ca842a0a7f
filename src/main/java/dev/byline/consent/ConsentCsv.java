package dev.byline.consent;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CSV (RFC 4180) of consent records. Lists are space-separated ids. A cell that a spreadsheet
 * would run as a formula is prefixed with an apostrophe (record fields are checked, but an export
 * must be safe to open whatever it holds).
 */
final class ConsentCsv {
  static final String HEADER = "record_id,consent_id,recorded_at,policy_revision,action,language,"
      + "accepted_categories,rejected_categories,accepted_services,rejected_services,ip_prefix,user_agent_sha256";

  private ConsentCsv() {}

  static void header(Writer out) throws IOException {
    out.write(HEADER);
    out.write("\r\n");
  }

  static void row(Writer out, ConsentRecord r) throws IOException {
    var c = r.choice();
    String[] cells = {
      Long.toString(r.id()),
      c.consentId().toString(),
      DateTimeFormatter.ISO_INSTANT.format(r.recordedAt()),
      Integer.toString(c.revision()),
      c.action().id(),
      c.language(),
      ids(c.categories(), true),
      ids(c.categories(), false),
      ids(c.services(), true),
      ids(c.services(), false),
      r.ipPrefix(),
      r.userAgentHash()
    };
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) out.write(',');
      out.write(cell(cells[i]));
    }
    out.write("\r\n");
  }

  private static String ids(Map<String, Boolean> flags, boolean accepted) {
    return flags.entrySet().stream()
        .filter(e -> e.getValue() == accepted)
        .map(Map.Entry::getKey)
        .collect(Collectors.joining(" "));
  }

  static String cell(String value) {
    return dev.byline.content.Text.csvCell(value);
  }
}
