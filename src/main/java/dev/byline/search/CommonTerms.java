package dev.byline.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The analysed terms of the words news writing uses most ({@code common-words.txt}): "from",
 * "said", "president", "friday". Each is in a large share of a news archive, so a phrase made of
 * two of them is slow to search by positions; such pairs are indexed as single terms instead
 * ({@link IndexSchema#PAIRS}). Pairs with a rarer word are not: positions are then read only where
 * the rarer word occurs, which is cheap, and leaving them out keeps the index small.
 */
final class CommonTerms {
  private static final Set<String> TERMS = load();

  private CommonTerms() {}

  static boolean contains(String term) {
    return TERMS.contains(term);
  }

  static int size() {
    return TERMS.size();
  }

  private static Set<String> load() {
    String text;
    try (InputStream in = CommonTerms.class.getResourceAsStream("common-words.txt")) {
      if (in == null)
        throw new IllegalStateException("common-words.txt is missing from the classpath");
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var terms = new HashSet<String>();
    try (var analyzer = IndexSchema.analyzer()) {
      for (var line : text.lines().toList()) {
        if (line.isBlank() || line.startsWith("#")) continue;
        // Analysed as the text is: stop words drop out, the rest become the stems the index holds.
        var tokens = TextTerms.Tokens.of(analyzer, line, TextTerms.MAX_TOKENS);
        for (int i = 0; i < tokens.size; i++) terms.add(tokens.terms[i]);
      }
    }
    return Set.copyOf(terms);
  }
}
