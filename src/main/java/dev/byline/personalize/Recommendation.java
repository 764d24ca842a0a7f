package dev.byline.personalize;

import dev.byline.content.ArticleSummary;

/**
 * One article picked for a reader.
 *
 * @param reason why (a story read, a topic followed)
 */
public record Recommendation(ArticleSummary story, Reason reason) {}
