package dev.byline.related;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The related links of an article page as a reader sees them: the "READ:" links in the story's
 * body, in order, and the "Related" list under it, best first. Paths as they are in the page.
 */
record ServedLinks(List<String> read, List<String> related) {
  private static final Pattern READ =
      Pattern.compile("<p class=\"read-link\"><span>Read:</span> <a href=\"([^\"]+)\">");
  private static final Pattern TEASER =
      Pattern.compile("<h3 class=\"teaser-headline\"><a href=\"([^\"]+)\">");

  ServedLinks {
    read = List.copyOf(read);
    related = List.copyOf(related);
  }

  static ServedLinks of(String html) {
    int bodyStart = html.indexOf("<div class=\"story-body\">");
    int bodyEnd = bodyStart < 0 ? -1 : html.indexOf("</div>", bodyStart);
    var body = bodyStart < 0 || bodyEnd < 0 ? "" : html.substring(bodyStart, bodyEnd);
    int listStart = html.indexOf("<section class=\"related\"");
    int listEnd = listStart < 0 ? -1 : html.indexOf("</section>", listStart);
    var list = listStart < 0 || listEnd < 0 ? "" : html.substring(listStart, listEnd);
    return new ServedLinks(paths(READ, body), paths(TEASER, list));
  }

  private static List<String> paths(Pattern pattern, String html) {
    return pattern.matcher(html).results().map(m -> m.group(1)).toList();
  }
}
