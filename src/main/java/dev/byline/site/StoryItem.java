package dev.byline.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.byline.content.ArticleSummary;

/**
 * A story as the "Most read" and "For you" fragments send it: what a link needs, nothing more.
 *
 * @param published ISO-8601 instant
 * @param time the same, as the site shows dates
 * @param reason why a "For you" story was picked; absent elsewhere
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoryItem(
    long id,
    String headline,
    String path,
    String section,
    String published,
    String time,
    String reason) {
  static StoryItem of(ArticleSummary s, Dates dates, String reason) {
    return new StoryItem(
        s.id(),
        s.headline(),
        s.path(),
        s.section() == null ? "" : s.section().name(),
        Dates.iso(s.firstPublishedAt()),
        dates.human(s.firstPublishedAt()),
        reason);
  }
}
