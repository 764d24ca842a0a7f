package dev.byline.analytics;

/**
 * A set of visitor numbers in 8 bytes each (open addressing, linear probing), so a day with a
 * million visitors costs about 16 MB rather than the 80 MB boxed longs would. Zero marks an
 * empty slot, so the number 0 is stored as 1: the chance of that merging two visitors is 2^-63.
 */
final class VisitorSet {
  /** Grows at half full, keeping probes short. */
  private static final int INITIAL_CAPACITY = 1024;

  private long[] slots = new long[INITIAL_CAPACITY];
  private int size;

  /** Adds the number; true when it was not there before. */
  synchronized boolean add(long visitor) {
    if (visitor == 0) visitor = 1;
    if (size * 2 >= slots.length) grow();
    return insert(slots, visitor);
  }

  synchronized int size() {
    return size;
  }

  private boolean insert(long[] table, long v) {
    int mask = table.length - 1;
    int i = mix(v) & mask;
    while (table[i] != 0) {
      if (table[i] == v) return false;
      i = (i + 1) & mask;
    }
    table[i] = v;
    if (table == slots) size++;
    return true;
  }

  private void grow() {
    var old = slots;
    slots = new long[old.length * 2];
    int kept = size;
    size = 0;
    for (long v : old) if (v != 0) insert(slots, v);
    assert size == kept;
  }

  private static int mix(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
