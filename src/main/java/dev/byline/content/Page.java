package dev.byline.content;

import java.util.List;

/** One page of a list. Pages count from 1. */
public record Page<T>(List<T> items, int number, int size, boolean hasNext) {
  public Page {
    items = List.copyOf(items);
    if (number < 1) throw new InvalidInput("page", "must be 1 or more");
  }

  public boolean hasPrevious() {
    return number > 1;
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** Builds a page from a query that asked for one item more than the page size. */
  public static <T> Page<T> fromOverfetch(List<T> itemsPlusOne, int number, int size) {
    boolean next = itemsPlusOne.size() > size;
    return new Page<>(next ? itemsPlusOne.subList(0, size) : itemsPlusOne, number, size, next);
  }
}
