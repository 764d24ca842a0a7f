package dev.byline.admin;

import dev.byline.consent.ConsentPolicy;
import dev.byline.consent.ConsentRecord;
import java.util.List;

/** The proof-of-consent page for administrators. */
public record ConsentAdminView(
    AdminChrome chrome,
    dev.byline.site.Dates dates,
    ConsentPolicy policy,
    long total,
    List<ConsentRecord> latest,
    String from,
    String to,
    String consent,
    String csvHref) {
  public ConsentAdminView {
    latest = List.copyOf(latest);
  }

  public static String accepted(java.util.Map<String, Boolean> flags) {
    return String.join(
        ", ",
        flags.entrySet().stream()
            .filter(java.util.Map.Entry::getValue)
            .map(java.util.Map.Entry::getKey)
            .toList());
  }
}
