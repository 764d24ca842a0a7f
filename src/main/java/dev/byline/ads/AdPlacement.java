package dev.byline.ads;

import dev.byline.content.Block;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides where slots go in one article body: after the configured paragraph, moved past any
 * "READ:" link that follows it (so a link stays next to the paragraph it was placed after), only
 * where another paragraph still follows (ads never end an article), and at least
 * {@link #MIN_PARAGRAPHS_BETWEEN} paragraphs apart. Short articles simply get fewer slots.
 */
public final class AdPlacement {
  /** Two ads with less than this many paragraphs between them crowd the story. */
  public static final int MIN_PARAGRAPHS_BETWEEN = 2;

  private AdPlacement() {}

  /** Block index → the slot to render after that block. */
  public static Map<Integer, AdSlot> place(List<Block> body, List<AdSlot> slots) {
    var placed = new TreeMap<Integer, AdSlot>();
    int lastParagraphCount = -MIN_PARAGRAPHS_BETWEEN;
    var ordered = slots.stream()
        .sorted(java.util.Comparator.comparingInt(AdSlot::afterParagraph))
        .toList();
    for (var slot : ordered) {
      int after = Math.max(slot.afterParagraph(), lastParagraphCount + MIN_PARAGRAPHS_BETWEEN);
      int index = indexOfParagraph(body, after);
      if (index < 0) break;
      while (index + 1 < body.size() && body.get(index + 1) instanceof Block.RelatedLink) index++;
      if (!paragraphFollows(body, index)) break;
      placed.put(index, slot);
      lastParagraphCount = after;
    }
    return Collections.unmodifiableMap(placed);
  }

  private static int indexOfParagraph(List<Block> body, int n) {
    int seen = 0;
    for (int i = 0; i < body.size(); i++) {
      if (body.get(i) instanceof Block.Paragraph && ++seen == n) return i;
    }
    return -1;
  }

  private static boolean paragraphFollows(List<Block> body, int index) {
    for (int i = index + 1; i < body.size(); i++)
      if (body.get(i) instanceof Block.Paragraph) return true;
    return false;
  }
}
