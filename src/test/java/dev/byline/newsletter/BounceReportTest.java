package dev.byline.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.content.InvalidInput;
import org.junit.jupiter.api.Test;

/** Bounce reports in: JSON from a provider, and delivery status notifications (RFC 3464). */
class BounceReportTest {
  @Test
  void a_json_report_names_the_address_and_kind_and_refuses_what_is_not_a_permanent_failure() {
    var r = BounceReport.fromJson("{\"email\":\"Reader@Example.org\",\"type\":\"complaint\"}");
    assertThat(r.address().value()).isEqualTo("reader@example.org");
    assertThat(r.kind()).isEqualTo(BounceReport.COMPLAINT);
    assertThatThrownBy(() -> BounceReport.fromJson(
            "{\"email\":\"a@example.org\",\"type\":\"bounce\",\"permanent\":false}"))
        .hasMessageContaining("permanent");
    assertThatThrownBy(() -> BounceReport.fromJson("{\"type\":\"bounce\"}"))
        .hasMessageContaining("email is missing");
    assertThatThrownBy(() -> BounceReport.fromJson(
            "{\"email\":\"a@example.org\",\"email\":\"b@example.org\",\"type\":\"bounce\"}"))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> BounceReport.fromJson("not json")).hasMessageContaining("is not JSON");
  }

  @Test
  void a_dsn_reports_only_its_permanently_failed_recipients() {
    var dsn = String.join(
        "\r\n",
        "Reporting-MTA: dns; mx.example.org",
        "Arrival-Date: Mon, 7 Dec 2026 07:00:00 +0000",
        "",
        "Final-Recipient: rfc822; gone@example.org",
        "Action: failed",
        "Status: 5.1.1",
        "Diagnostic-Code: smtp; 550 5.1.1 user unknown",
        "",
        "Final-Recipient: rfc822;<later@example.org>",
        "Action: delayed",
        "Status: 4.2.2",
        "",
        "Final-Recipient: rfc822; full@example.org",
        "Action: failed",
        "Status: 4.2.2",
        "");
    var reports = BounceReport.fromDsn(dsn);
    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).address().value()).isEqualTo("gone@example.org");
    assertThat(reports.get(0).detail()).isEqualTo("DSN 5.1.1 smtp; 550 5.1.1 user unknown");
    assertThat(BounceReport.fromDsn("hello")).isEmpty();
  }
}
