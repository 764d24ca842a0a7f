package dev.byline.archfixture.jdbi;

import org.jdbi.v3.core.Jdbi;

public final class RunsItsOwnSql {
  int count(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
  }
}
