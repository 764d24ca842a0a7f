package dev.byline.search;

import java.util.Map;

/**
 * The terms a text writes as names: capitalised inside a sentence, as people, places,
 * organisations, teams and named events are in news copy ("… said Maurice Cheeks in
 * Philadelphia"). The first word of a sentence is capitalised whatever it is, so it does not count;
 * headlines are left out, since many are written in title case. Two stories about one event name
 * the same people and places; two look-alike events (two earthquakes, two coaches fired) share
 * their ordinary words but rarely their names.
 */
final class Names {
  private Names() {}

  /** Adds the analysed terms of {@code tokens} that {@code text} writes as names to {@code counts}. */
  static void count(TextTerms.Tokens tokens, String text, Map<String, Integer> counts) {
    for (int i = 0; i < tokens.size; i++) {
      if (isName(text, tokens.starts[i])) counts.merge(tokens.terms[i], 1, Integer::sum);
    }
  }

  /** Whether the word starting at {@code start} is capitalised and does not start a sentence. */
  static boolean isName(String text, int start) {
    if (start < 0 || start >= text.length() || !Character.isUpperCase(text.charAt(start)))
      return false;
    int i = start - 1;
    while (i >= 0 && isOpening(text.charAt(i))) i--;
    if (i < 0) return false;
    char before = text.charAt(i);
    if (before == '\n') return false;
    if (!Character.isWhitespace(before)) return true; // inside a word: "McDonald", "O'Brien"
    while (i >= 0 && (Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\n')) i--;
    while (i >= 0 && isClosing(text.charAt(i))) i--;
    return i >= 0 && ".!?:\n".indexOf(text.charAt(i)) < 0;
  }

  private static boolean isOpening(char c) {
    return c == '"' || c == '\'' || c == '“' || c == '‘' || c == '(' || c == '[';
  }

  private static boolean isClosing(char c) {
    return c == '"' || c == '\'' || c == '”' || c == '’' || c == ')' || c == ']';
  }
}
