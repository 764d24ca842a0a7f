package dev.byline.search;

import dev.byline.content.Html;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Highlighted text as search results show it: the text escaped by {@link Html#escape} (the one
 * escaper, so a headline reads the same whether the search touched it or not), each match in
 * {@code <mark>}, and {@value #GAP} between passages that do not follow on from each other.
 */
final class MarkedPassages extends PassageFormatter {
  static final String GAP = " … ";

  @Override
  public String format(Passage[] passages, String content) {
    var out = new StringBuilder();
    boolean first = true;
    int lastEnd = 0;
    for (var passage : passages) {
      if (!first && passage.getStartOffset() > lastEnd) out.append(GAP);
      first = false;
      int at = passage.getStartOffset();
      int[] starts = passage.getMatchStarts();
      int[] ends = passage.getMatchEnds();
      for (int i = 0; i < passage.getNumMatches(); i++) {
        int from = Math.max(starts[i], at);
        int to = ends[i];
        // Overlapping matches (a word and a phrase it is part of) make one mark.
        while (i + 1 < passage.getNumMatches() && starts[i + 1] < to) to = Math.max(to, ends[++i]);
        to = Math.min(to, passage.getEndOffset());
        if (to <= from) continue;
        text(out, content, at, from);
        out.append("<mark>");
        text(out, content, from, to);
        out.append("</mark>");
        at = to;
      }
      text(out, content, at, passage.getEndOffset());
      lastEnd = passage.getEndOffset();
    }
    return out.toString();
  }

  private static void text(StringBuilder out, String content, int from, int to) {
    if (to > from) out.append(Html.escape(content.substring(from, to)));
  }
}
