package dev.byline.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.config.Config;
import dev.byline.consent.ConsentRecords.RecordFilter;
import dev.byline.store.Database;
import dev.byline.testing.TestDatabases;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proof store on SQLite and PostgreSQL. */
class ConsentRecordsTest {
  static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

  @TempDir
  Path dir;

  @Test
  void records_keep_the_choice_with_a_truncated_address_and_export_as_csv_on_sqlite() {
    check(TestDatabases.sqlite(dir));
  }

  @Test
  void records_keep_the_choice_with_a_truncated_address_and_export_as_csv_on_postgresql() {
    var config = TestDatabases.postgres(dir);
    try {
      check(config);
    } finally {
      TestDatabases.drop(config);
    }
  }

  private void check(Config config) {
    try (var db = Database.open(config)) {
      var records = new ConsentRecords(db, Clock.fixed(AT, ZoneOffset.UTC));
      var id = UUID.fromString("3f2b8c1e-5d4a-4e8b-9c7d-1a2b3c4d5e6f");
      var cats = new LinkedHashMap<String, Boolean>();
      cats.put("necessary", true);
      cats.put("analytics", false);
      cats.put("media", true);
      var services = new LinkedHashMap<String, Boolean>();
      services.put("site", true);
      services.put("google-analytics", false);
      services.put("youtube", true);
      var saved = records.save(
          new ConsentChoice(id, 2, ConsentAction.CUSTOM, cats, services, "en-GB"),
          "198.51.100.23",
          "=HYPERLINK(\"x\")");
      assertThat(saved.ipPrefix()).isEqualTo("198.51.100.0/24");
      records.save(
          new ConsentChoice(
              UUID.randomUUID(),
              2,
              ConsentAction.REJECT_ALL,
              Map.of("necessary", true),
              Map.of("site", true),
              "en"),
          "2001:db8:1:2::9",
          "");

      assertThat(records.count()).isEqualTo(2);
      var found = records.latest(new RecordFilter(null, null, id), 10);
      assertThat(found).hasSize(1);
      assertThat(found.get(0).choice()).isEqualTo(saved.choice());
      assertThat(found.get(0).recordedAt()).isEqualTo(AT);
      assertThat(found.get(0).userAgentHash())
          .isEqualTo(UserAgentHash.of("=HYPERLINK(\"x\")"))
          .hasSize(64);
      assertThat(records.latest(new RecordFilter(AT.plusSeconds(1), null, null), 10))
          .isEmpty();
      assertThat(records.latest(new RecordFilter(AT, AT.plusSeconds(1), null), 10))
          .hasSize(2);

      var csv = new StringWriter();
      assertThat(records.exportCsv(csv, RecordFilter.ALL)).isEqualTo(2);
      var lines = List.of(csv.toString().split("\r\n"));
      assertThat(lines).hasSize(3);
      assertThat(lines.get(0)).isEqualTo(ConsentCsv.HEADER);
      assertThat(lines.get(1))
          .isEqualTo(saved.id()
              + ",3f2b8c1e-5d4a-4e8b-9c7d-1a2b3c4d5e6f,2026-03-01T10:15:30Z,2,custom,en-GB,"
              + "necessary media,analytics,site youtube,google-analytics,198.51.100.0/24,"
              + saved.userAgentHash());
      assertThat(lines.get(2)).contains(",reject-all,en,necessary,,site,,2001:db8:1::/48,");
      assertThat(csv.toString()).doesNotContain("198.51.100.23").doesNotContain("HYPERLINK");
    }
  }

  @Test
  void csv_cells_that_a_spreadsheet_would_run_are_defused() {
    assertThat(ConsentCsv.cell("=1+1")).isEqualTo("'=1+1");
    assertThat(ConsentCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(ConsentCsv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(ConsentCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(ConsentCsv.cell("plain")).isEqualTo("plain");
  }
}
