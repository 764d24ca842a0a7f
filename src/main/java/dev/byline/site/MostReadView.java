package dev.byline.site;

import dev.byline.content.ArticleSummary;
import java.util.List;

/** The "Most read" page: the stories read most in the last 24 hours, best first. */
public record MostReadView(
    Chrome chrome, Meta meta, Dates dates, List<ArticleSummary> stories, List<Breadcrumb> crumbs) {
  public MostReadView {
    stories = List.copyOf(stories);
    crumbs = List.copyOf(crumbs);
  }
}
