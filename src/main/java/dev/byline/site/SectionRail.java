package dev.byline.site;

import dev.byline.content.ArticleSummary;
import dev.byline.content.Section;
import java.util.List;

/** A section's newest stories on the front page. */
public record SectionRail(Section section, List<ArticleSummary> stories) {
  public SectionRail {
    stories = List.copyOf(stories);
  }
}
