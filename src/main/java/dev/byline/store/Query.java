package dev.byline.store;

/** A statement that returns rows; {@link #map} or {@link #mapTo} says what each row becomes. */
public final class Query extends Statement<Query> {
  private final org.jdbi.v3.core.statement.Query query;

  Query(org.jdbi.v3.core.statement.Query query) {
    super(query);
    this.query = query;
  }

  @Override
  Query self() {
    return this;
  }

  /** Rows fetched per round trip when reading a long result one row at a time. */
  public Query fetchSize(int rows) {
    query.setFetchSize(rows);
    return this;
  }

  /** Each row through {@code row}. */
  public <T> Rows<T> map(Row<T> row) {
    return new Rows<>(query.map((rs, ctx) -> row.read(rs)));
  }

  /** The first column of each row as a {@code Long}, {@code Integer}, {@code String} and so on. */
  public <T> Rows<T> mapTo(Class<T> type) {
    return new Rows<>(query.mapTo(type));
  }
}
