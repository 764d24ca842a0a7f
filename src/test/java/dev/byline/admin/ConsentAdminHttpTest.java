package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.auth.User;
import dev.byline.consent.ConsentAction;
import dev.byline.consent.ConsentChoice;
import dev.byline.consent.ConsentPolicy;
import dev.byline.consent.ConsentRecords;
import dev.byline.store.Database;
import dev.byline.testing.TestDatabases;
import dev.byline.web.Auth;
import dev.byline.web.Routes;
import dev.byline.web.SecurityHeaders;
import dev.byline.web.Views;
import dev.byline.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof-of-consent export over real HTTP, with the signed-in user the auth feature would put
 * on the request (here set by a stand-in before-handler, as the auth contract describes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentAdminHttpTest {
  static final UUID READER = UUID.fromString("11111111-2222-4333-8444-555555555555");
  @TempDir static Path dir;
  Database db;
  WebServer server;
  volatile User user;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() {
    var config = TestDatabases.sqlite(dir);
    db = Database.open(config);
    var records = new ConsentRecords(db, Clock.fixed(Instant.parse("2026-02-10T09:00:00Z"), ZoneOffset.UTC));
    records.save(new ConsentChoice(READER, 1, ConsentAction.ACCEPT_ALL, Map.of("necessary", true, "media", true),
        Map.of("site", true, "youtube", true), "en"), "192.0.2.44", "Firefox");
    records.save(new ConsentChoice(UUID.randomUUID(), 1, ConsentAction.REJECT_ALL, Map.of("necessary", true, "media", false),
        Map.of("site", true, "youtube", false), "en"), "192.0.2.45", "Chrome");
    var policy = ConsentPolicy.from(config, List.of());
    Routes signedIn = routes -> routes.before(ctx -> {
      if (user != null) ctx.attribute(Auth.USER_ATTRIBUTE, user);
    });
    server = WebServer.create(SecurityHeaders.strict(false), (status, title, message) -> (status + " " + message).getBytes(),
        List.of(signedIn, new ConsentAdmin(records, policy, new Views(), ZoneId.of("UTC")))).start("127.0.0.1", 0);
  }

  @AfterAll
  void stop() {
    server.close();
    db.close();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void an_administrator_downloads_every_record_as_csv() throws Exception {
    user = new User(1, "ada@example.org", "Ada", Role.ADMIN);
    var r = get("/admin/consent/records.csv");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".csv");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    var lines = r.body().split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("record_id,consent_id,recorded_at,policy_revision,action");
    assertThat(lines[1]).contains(READER.toString(), "accept-all", "192.0.2.0/24").doesNotContain("192.0.2.44");
    assertThat(lines[2]).contains("reject-all");
  }

  @Test
  void the_page_finds_the_records_of_one_consent_id_and_dates_narrow_the_export() throws Exception {
    user = new User(1, "ada@example.org", "Ada", Role.ADMIN);
    var page = get("/admin/consent?consent=" + READER);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Consent records", "2 choices recorded", READER.toString(), "accept-all")
        .doesNotContain("reject-all").contains("href=\"/admin/consent/records.csv?consent=" + READER + "\"");
    assertThat(get("/admin/consent/records.csv?from=2026-02-11").body().split("\r\n")).hasSize(1);
    assertThat(get("/admin/consent/records.csv?from=2026-02-10&to=2026-02-10").body().split("\r\n")).hasSize(3);
    var bad = get("/admin/consent?from=yesterday");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("from must be a date such as 2026-01-31");
  }

  @Test
  void editors_and_signed_out_visitors_cannot_see_consent_records() throws Exception {
    user = new User(2, "ed@example.org", "Ed", Role.EDITOR);
    assertThat(get("/admin/consent/records.csv").statusCode()).isEqualTo(403);
    user = null;
    var r = get("/admin/consent/records.csv");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.body()).doesNotContain(READER.toString());
  }
}
