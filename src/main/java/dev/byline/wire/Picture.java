package dev.byline.wire;

import java.util.Comparator;
import java.util.List;

/**
 * A photo that goes with a story, or a picture item itself.
 *
 * @param id the picture's own id at the agency (its guid or association name); may be empty
 * @param caption what it shows, as the agency wrote it
 * @param credit the credit line exactly as the agency requires, e.g. "Name/Handout via REUTERS"
 * @param byline the photographer
 * @param renditions the files, in any order
 */
public record Picture(
    String id, String caption, String credit, String byline, List<Rendition> renditions) {
  public Picture {
    id = id == null ? "" : id.strip();
    caption = clean(caption);
    credit = clean(credit);
    byline = clean(byline);
    renditions = List.copyOf(renditions == null ? List.of() : renditions);
  }

  /** Image renditions, largest first: the order in which to try them. */
  public List<Rendition> largestFirst() {
    return renditions.stream()
        .filter(Rendition::isImage)
        .sorted(Comparator.comparingInt((Rendition r) -> r.width() * Math.max(r.height(), 1))
            .reversed())
        .toList();
  }

  /** The credit a reader sees: the agency's credit line, else the photographer. */
  public String displayCredit() {
    return credit.isEmpty() ? byline : credit;
  }

  private static String clean(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ");
  }
}
