package dev.byline.search;

import java.util.TreeSet;

/**
 * The years a text mentions ("in May 2005", "the 2013 season"): when two stories each mention
 * years and share none, they are about different events however alike their words (a coach hired
 * in 2005 and the same coach fired in 2008). A year is a free-standing run of four digits from
 * {@link #FIRST} to {@link #LAST}.
 */
final class Years {
  /** Earlier four-digit numbers are more often counts than dates in news copy. */
  static final int FIRST = 1900;
  /** Later ones are counts, not dates, in anything written this century. */
  static final int LAST = 2099;
  /** A story that mentions more years than this is a chronology; the first ones are kept. */
  static final int MAX = 16;

  private Years() {}

  /** The distinct years mentioned in the texts, ascending (at most {@link #MAX}). */
  static long[] of(String... texts) {
    var found = new TreeSet<Long>();
    for (var text : texts) {
      int n = text.length();
      for (int i = 0; i + 4 <= n && found.size() < MAX; i++) {
        if (!startsYear(text, i)) continue;
        int year = Integer.parseInt(text, i, i + 4, 10);
        if (year >= FIRST && year <= LAST) found.add((long) year);
        i += 3;
      }
    }
    return found.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Whether four digits start at {@code i} and are not part of something longer: another digit
   * or a letter next to them ("12005", "A2005"), or a decimal or group mark leading on to more
   * digits ("1.2005", "2005,000"). A full stop or comma after the year ends a sentence or clause.
   */
  private static boolean startsYear(String text, int i) {
    for (int k = 0; k < 4; k++) if (!isDigit(text.charAt(i + k))) return false;
    if (i > 0 && isWordChar(text.charAt(i - 1))) return false;
    if (i > 1 && isMark(text.charAt(i - 1)) && isDigit(text.charAt(i - 2))) return false;
    int after = i + 4;
    if (after < text.length() && isWordChar(text.charAt(after))) return false;
    return !(after + 1 < text.length()
        && isMark(text.charAt(after))
        && isDigit(text.charAt(after + 1)));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordChar(char c) {
    return isDigit(c) || Character.isLetter(c);
  }

  private static boolean isMark(char c) {
    return c == ',' || c == '.';
  }

  /** Whether two sorted year lists share a year. */
  static boolean shareAny(long[] a, long[] b) {
    int i = 0;
    int k = 0;
    while (i < a.length && k < b.length) {
      if (a[i] == b[k]) return true;
      if (a[i] < b[k]) i++;
      else k++;
    }
    return false;
  }
}
