package dev.byline.wire;

import dev.byline.config.Config;
import dev.byline.testing.TestDatabases;
import java.util.Map;

/** The same desk decisions on PostgreSQL, the multi-node database. */
class WireDeskPostgresTest extends WireDeskTest {
  @Override
  Config config(Map<String, String> settings) {
    return TestDatabases.postgres(dir, settings);
  }
}
