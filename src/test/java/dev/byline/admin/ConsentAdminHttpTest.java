package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.consent.ConsentAction;
import dev.byline.consent.ConsentChoice;
import dev.byline.consent.ConsentRecords;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The proof-of-consent page and CSV export over real HTTP, signed in through the real form. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentAdminHttpTest {
  static final UUID READER = UUID.fromString("11111111-2222-4333-8444-555555555555");
  static final String PASSWORD = "correct horse battery staple";

  @TempDir
  static Path dir;

  TestSite site;

  @BeforeAll
  void start() {
    site = TestSite.start(dir);
    var users = site.byline().accounts().users();
    users.create("ada@example.org", "Ada Admin", Role.ADMIN, PASSWORD, false);
    users.create("ed@example.org", "Ed Editor", Role.EDITOR, PASSWORD, false);
    var records = new ConsentRecords(
        site.newsroom().db(), Clock.fixed(Instant.parse("2026-02-10T09:00:00Z"), ZoneOffset.UTC));
    records.save(
        new ConsentChoice(
            READER,
            1,
            ConsentAction.ACCEPT_ALL,
            Map.of("necessary", true, "media", true),
            Map.of("site", true, "youtube", true),
            "en"),
        "192.0.2.44",
        "Firefox");
    records.save(
        new ConsentChoice(
            UUID.randomUUID(),
            1,
            ConsentAction.REJECT_ALL,
            Map.of("necessary", true, "media", false),
            Map.of("site", true, "youtube", false),
            "en"),
        "192.0.2.45",
        "Chrome");
  }

  @AfterAll
  void stop() {
    site.close();
  }

  @Test
  void an_administrator_downloads_every_record_as_csv() {
    var admin = new AdminClient(site).signIn("ada@example.org", PASSWORD);
    var r = admin.get("/admin/consent/records.csv");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", ".csv");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    var lines = r.body().split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("record_id,consent_id,recorded_at,policy_revision,action");
    assertThat(lines[1])
        .contains(READER.toString(), "accept-all", "192.0.2.0/24")
        .doesNotContain("192.0.2.44");
    assertThat(lines[2]).contains("reject-all");
  }

  @Test
  void the_page_finds_the_records_of_one_consent_id_and_dates_narrow_the_export() {
    var admin = new AdminClient(site).signIn("ada@example.org", PASSWORD);
    assertThat(admin.get("/admin").body()).as("navigation").contains("href=\"/admin/consent\"");
    var page = admin.get("/admin/consent?consent=" + READER);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1>Consent records</h1>", "2 choices recorded", READER.toString(), "accept-all")
        .doesNotContain("reject-all")
        .contains("href=\"/admin/consent/records.csv?consent=" + READER + "\"");
    assertThat(admin.get("/admin/consent/records.csv?from=2026-02-11").body().split("\r\n"))
        .hasSize(1);
    assertThat(admin
            .get("/admin/consent/records.csv?from=2026-02-10&to=2026-02-10")
            .body()
            .split("\r\n"))
        .hasSize(3);
    var bad = admin.get("/admin/consent?from=yesterday");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("from must be a date such as 2026-01-31");
  }

  @Test
  void editors_and_signed_out_visitors_cannot_see_consent_records() {
    var editor = new AdminClient(site).signIn("ed@example.org", PASSWORD);
    assertThat(editor.get("/admin/consent/records.csv").statusCode()).isEqualTo(403);
    assertThat(editor.get("/admin").body()).doesNotContain("href=\"/admin/consent\"");
    var r = site.get("/admin/consent/records.csv");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.body()).doesNotContain(READER.toString());
  }
}
