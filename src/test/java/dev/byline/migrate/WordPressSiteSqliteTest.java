package dev.byline.migrate;

import dev.byline.config.Config;
import dev.byline.testing.TestDatabases;
import java.nio.file.Path;

class WordPressSiteSqliteTest extends WordPressSiteContract {
  @Override
  Config config(Path dataDir) {
    return TestDatabases.sqlite(dataDir);
  }
}
