package dev.byline.related;

import dev.byline.search.SimilarArticle;

/**
 * How sure the engine is that a candidate is about the same story as the article: a logistic
 * model over the evidence the index returns, 0 to 1, and the least confidence for each place a
 * link can go. The weights were fitted to labelled pairs (the ECB+ dev split, with whole topics
 * held out in turn to check that they carry over to stories never seen; {@code
 * ConfidenceTraining} in the tests fits them again and prints the held-out figures).
 *
 * <pre>{@code
 * double p = Confidence.DEFAULT.of(candidate, bestSimilarity);   // 0.97: worth a READ link
 * }</pre>
 *
 * @param bias the log-odds with no evidence at all
 * @param similarity per unit of text cosine
 * @param relative per unit of the candidate's cosine over the best candidate's: a story is
 *     judged against what else the archive offers for the article
 * @param names per unit of name cosine (the same people, places and organisations)
 * @param headline per unit of headline cosine (the candidate tells the story the headline names)
 * @param years per step of year evidence: +1 when both mention a shared year, -1 when both
 *     mention years and share none, 0 otherwise
 * @param readAt the least confidence for a "READ:" link
 * @param listAt the least confidence for a place in the Related list
 */
record Confidence(
    double bias,
    double similarity,
    double relative,
    double names,
    double headline,
    double years,
    double readAt,
    double listAt) {
  /**
   * A "READ:" link interrupts the story, so it must be near certain: below this confidence the
   * story gets no inline link at all rather than a doubtful one.
   */
  static final double READ_AT = 0.9;
  /**
   * The Related list is read after the story, and a list of two good stories beats four with a
   * wrong one: below this confidence a candidate is not offered anywhere.
   */
  static final double LIST_AT = 0.8;
  /** Confidence is capped just under 1 so that its odds stay finite. */
  static final double MAX = 1 - 1e-9;

  /** Fitted on every article of the ECB+ dev split by {@code ConfidenceTraining}. */
  static final Confidence DEFAULT =
      new Confidence(-5.33, 0.7, 4.67, 5.51, 6.15, 1.44, READ_AT, LIST_AT);

  Confidence {
    if (!(listAt >= 0 && listAt <= readAt && readAt <= 1))
      throw new IllegalArgumentException(
          "thresholds must be 0 <= list <= read <= 1, not " + listAt + " and " + readAt);
  }

  /** The probability that {@code c} is about the article's story, given the best cosine offered. */
  double of(SimilarArticle c, double bestSimilarity) {
    double z = bias
        + similarity * c.similarity()
        + relative * (bestSimilarity <= 0 ? 0 : c.similarity() / bestSimilarity)
        + names * c.nameSimilarity()
        + headline * c.headlineSimilarity()
        + years * yearStep(c.years());
    return Math.min(MAX, 1 / (1 + Math.exp(-z)));
  }

  /**
   * The odds of a confidence, p / (1 - p): what ranking multiplies by its other factors. Near 1 a
   * confidence saturates (0.990 and 0.999 look alike), its odds do not (99 against 999): ranked by
   * confidence, the time between two stories would decide the order of every sure candidate.
   */
  static double odds(double confidence) {
    double p = Math.min(MAX, confidence);
    return p / (1 - p);
  }

  Confidence withThresholds(double read, double list) {
    return new Confidence(bias, similarity, relative, names, headline, years, read, list);
  }

  static double yearStep(SimilarArticle.YearMatch match) {
    return switch (match) {
      case SHARED -> 1;
      case DIFFERENT -> -1;
      case UNKNOWN -> 0;
    };
  }
}
