package dev.byline.site;

import dev.byline.content.ArticleSummary;
import java.util.List;

/** The front page: a lead story, top stories, collections, a rail per section and the latest. */
public record FrontView(
    Chrome chrome,
    Meta meta,
    Dates dates,
    ArticleSummary lead,
    List<ArticleSummary> top,
    List<SectionRail> rails,
    List<ArticleSummary> latest,
    List<CollectionBlock> collections) {
  public FrontView {
    top = List.copyOf(top);
    rails = List.copyOf(rails);
    latest = List.copyOf(latest);
    collections = List.copyOf(collections);
  }
}
