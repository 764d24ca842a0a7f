package dev.byline.store;

/** The two databases Byline runs on. SQL that differs between them asks this. */
public enum Dialect {
  SQLITE("sqlite"),
  POSTGRESQL("postgresql");

  private final String migrationFolder;

  Dialect(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  public static Dialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) return SQLITE;
    if (jdbcUrl.startsWith("jdbc:postgresql:")) return POSTGRESQL;
    throw new StoreException("database.url must start with jdbc:sqlite: or jdbc:postgresql:, not "
        + jdbcUrl.replaceAll("(?i)password=[^&;]*", "password=***"));
  }

  String migrationLocation() {
    return "classpath:db/migration/" + migrationFolder;
  }

  /** A case-insensitive LIKE operator. */
  public String ilike() {
    return this == POSTGRESQL ? "ILIKE" : "LIKE";
  }
}
