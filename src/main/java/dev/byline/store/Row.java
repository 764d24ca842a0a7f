package dev.byline.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one row of results into a value. */
@FunctionalInterface
public interface Row<T> {
  T read(ResultSet rs) throws SQLException;
}
