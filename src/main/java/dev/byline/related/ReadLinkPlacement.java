package dev.byline.related;

import dev.byline.content.Block;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where inline "READ:" links go in a body. Pure and deterministic: the same body and links give
 * the same result, so pages cache well.
 *
 * <p>Rules: a link goes only between two paragraphs (so never next to an image, quote, embed,
 * heading, list or another link); never after the last paragraph, and not before the second
 * unless the story has no slot from there on (a short wire story of two paragraphs): then one
 * link goes after the first, since a short story is where a reader most wants more; at least
 * {@link #MIN_PARAGRAPHS_APART} paragraphs from any other link, including links an editor placed;
 * and the links are spread as evenly as the slots allow. When not all fit, fewer are placed.
 *
 * <pre>{@code
 * var body = ReadLinkPlacement.place(article.body(), List.of(12L, 40L, 7L), 3);
 * }</pre>
 */
public final class ReadLinkPlacement {
  /** Closer than this, links crowd the story; readers skim past them. */
  public static final int MIN_PARAGRAPHS_APART = 3;
  /** The first link goes after this many paragraphs at the earliest: let the story start first. */
  public static final int MIN_PARAGRAPHS_BEFORE = 2;
  /** In a story with no slot after {@link #MIN_PARAGRAPHS_BEFORE}, one link may go after this many. */
  public static final int MIN_PARAGRAPHS_BEFORE_SHORT = 1;

  private ReadLinkPlacement() {}

  /**
   * Returns the body with up to {@code max} of {@code targets} (in order) placed as
   * {@link Block.RelatedLink} blocks; links already in the body count towards {@code max}.
   */
  public static List<Block> place(List<Block> body, List<Long> targets, int max) {
    var existing = existingLinkPositions(body);
    int wanted = Math.min(targets.size(), max - existing.size());
    if (wanted <= 0) return body;
    var chosen = slots(body, existing, wanted);
    return chosen.isEmpty() ? body : insert(body, chosen, targets.subList(0, chosen.size()));
  }

  /** How many more links this body can take, at most {@code max} including those already there. */
  public static int capacity(List<Block> body, int max) {
    var existing = existingLinkPositions(body);
    return max - existing.size() <= 0
        ? 0
        : slots(body, existing, max - existing.size()).size();
  }

  /** The most slots, up to {@code wanted}, that the rules allow; none when there is no room. */
  private static List<Gap> slots(List<Block> body, List<Integer> existing, int wanted) {
    int paragraphs =
        (int) body.stream().filter(b -> b instanceof Block.Paragraph).count();
    var gaps = eligibleGaps(body, MIN_PARAGRAPHS_BEFORE);
    for (int k = wanted; k > 0; k--) {
      var chosen = choose(gaps, existing, paragraphs, k);
      if (chosen != null) return chosen;
    }
    if (!existing.isEmpty()) return List.of();
    var early = choose(eligibleGaps(body, MIN_PARAGRAPHS_BEFORE_SHORT), existing, paragraphs, 1);
    return early == null ? List.of() : early;
  }

  /** A place after {@code blockIndex}, with {@code paragraphsBefore} paragraphs above it. */
  private record Gap(int blockIndex, int paragraphsBefore) {}

  private static List<Gap> eligibleGaps(List<Block> body, int minParagraphsBefore) {
    var gaps = new ArrayList<Gap>();
    int paragraphs = 0;
    for (int i = 0; i < body.size(); i++) {
      if (!(body.get(i) instanceof Block.Paragraph)) continue;
      paragraphs++;
      boolean nextIsParagraph = i + 1 < body.size() && body.get(i + 1) instanceof Block.Paragraph;
      if (nextIsParagraph && paragraphs >= minParagraphsBefore) gaps.add(new Gap(i, paragraphs));
    }
    return gaps;
  }

  private static List<Integer> existingLinkPositions(List<Block> body) {
    var positions = new ArrayList<Integer>();
    int paragraphs = 0;
    for (var b : body) {
      if (b instanceof Block.Paragraph) paragraphs++;
      if (b instanceof Block.RelatedLink) positions.add(paragraphs);
    }
    return positions;
  }

  /**
   * Picks {@code k} gaps, each at least {@link #MIN_PARAGRAPHS_APART} paragraphs from the others
   * and from existing links, minimising the distance to evenly spaced ideal positions; ties go
   * to the earlier gap. Dynamic programming over (link, gap): a handful of links and gaps.
   */
  private static List<Gap> choose(List<Gap> gaps, List<Integer> existing, int paragraphs, int k) {
    var usable = gaps.stream()
        .filter(g -> existing.stream()
            .allMatch(e -> Math.abs(e - g.paragraphsBefore()) >= MIN_PARAGRAPHS_APART))
        .toList();
    int n = usable.size();
    if (n < k) return null;
    double[] ideal = new double[k];
    for (int j = 0; j < k; j++) ideal[j] = paragraphs * (j + 1) / (double) (k + 1);
    double[][] cost = new double[k][n];
    int[][] from = new int[k][n];
    for (double[] row : cost) Arrays.fill(row, Double.POSITIVE_INFINITY);
    for (int g = 0; g < n; g++) cost[0][g] = Math.abs(usable.get(g).paragraphsBefore() - ideal[0]);
    for (int j = 1; j < k; j++) {
      for (int g = 0; g < n; g++) {
        for (int p = 0; p < g; p++) {
          if (cost[j - 1][p] == Double.POSITIVE_INFINITY) continue;
          if (usable.get(g).paragraphsBefore() - usable.get(p).paragraphsBefore()
              < MIN_PARAGRAPHS_APART) continue;
          double c = cost[j - 1][p] + Math.abs(usable.get(g).paragraphsBefore() - ideal[j]);
          if (c < cost[j][g]) {
            cost[j][g] = c;
            from[j][g] = p;
          }
        }
      }
    }
    int best = -1;
    for (int g = 0; g < n; g++)
      if (cost[k - 1][g] < Double.POSITIVE_INFINITY
          && (best < 0 || cost[k - 1][g] < cost[k - 1][best])) best = g;
    if (best < 0) return null;
    var chosen = new Gap[k];
    for (int j = k - 1, g = best; j >= 0; j--) {
      chosen[j] = usable.get(g);
      g = from[j][g];
    }
    return List.of(chosen);
  }

  private static List<Block> insert(List<Block> body, List<Gap> gaps, List<Long> targets) {
    var out = new ArrayList<Block>(body.size() + gaps.size());
    int next = 0;
    for (int i = 0; i < body.size(); i++) {
      out.add(body.get(i));
      if (next < gaps.size() && gaps.get(next).blockIndex() == i)
        out.add(new Block.RelatedLink(targets.get(next++)));
    }
    return out;
  }
}
