package dev.byline.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.result.ResultIterable;

/** The results of a {@link Query}, read once in one of these ways. */
public final class Rows<T> {
  private final ResultIterable<T> results;

  Rows(ResultIterable<T> results) {
    this.results = results;
  }

  public List<T> list() {
    return results.list();
  }

  /** Exactly one row; fails when there is none or more than one. */
  public T one() {
    return results.one();
  }

  /** At most one row; fails when there are more. */
  public Optional<T> findOne() {
    return results.findOne();
  }

  /** The first row, if any; the rest are not read. */
  public Optional<T> findFirst() {
    return results.findFirst();
  }

  public void forEach(Consumer<? super T> each) {
    results.forEach(each);
  }

  /** The rows one by one; close the stream, or read it to the end. */
  public Stream<T> stream() {
    return results.stream();
  }
}
