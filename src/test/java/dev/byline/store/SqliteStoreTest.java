package dev.byline.store;

import dev.byline.config.Config;
import dev.byline.testing.TestDatabases;
import java.nio.file.Path;

class SqliteStoreTest extends StoreContract {
  @Override
  Config database(Path dir) {
    return TestDatabases.sqlite(dir);
  }
}
