package dev.byline.personalize;

import dev.byline.content.ArticleSummary;

/**
 * One article picked for a reader.
 *
 * @param reason why, in words the reader sees ("Because you follow Norreland")
 */
public record Recommendation(ArticleSummary story, String reason) {}
