package dev.byline.related;

import java.util.List;
import java.util.Map;

/**
 * Counts of related links judged against ECB+ labels: a link is right when its story is about the
 * article's event, a near miss when it is about the other event of the same ECB+ topic (the
 * closest wrong answer there is), otherwise plainly wrong.
 *
 * @param articles articles asked
 * @param links links shown, all places counted
 * @param right links to the same event
 * @param nearMiss links to the same topic's other event
 * @param withLinks articles that showed at least one link
 * @param firstRight articles whose first link is right
 */
record LinkTally(
    String name, int articles, int links, int right, int nearMiss, int withLinks, int firstRight) {
  static final LinkTally EMPTY = new LinkTally("", 0, 0, 0, 0, 0, 0);

  /** The tally of one article's links (at most {@code depth} of them, in order). */
  static LinkTally of(
      String name,
      EcbPlusCorpus.Labelled article,
      List<Long> links,
      Map<Long, EcbPlusCorpus.Labelled> byId,
      int depth) {
    int right = 0;
    int nearMiss = 0;
    boolean firstRight = false;
    var shown = links.subList(0, Math.min(depth, links.size()));
    for (int i = 0; i < shown.size(); i++) {
      var other = byId.get(shown.get(i));
      if (other != null && other.event().equals(article.event())) {
        right++;
        if (i == 0) firstRight = true;
      } else if (other != null && other.topic() == article.topic()) {
        nearMiss++;
      }
    }
    return new LinkTally(
        name, 1, shown.size(), right, nearMiss, shown.isEmpty() ? 0 : 1, firstRight ? 1 : 0);
  }

  LinkTally plus(LinkTally o) {
    return new LinkTally(
        name.isEmpty() ? o.name : name,
        articles + o.articles,
        links + o.links,
        right + o.right,
        nearMiss + o.nearMiss,
        withLinks + o.withLinks,
        firstRight + o.firstRight);
  }

  double precision() {
    return links == 0 ? 0 : right / (double) links;
  }

  double nearMissRate() {
    return links == 0 ? 0 : nearMiss / (double) links;
  }

  /** Of the articles that showed a link, the share whose first link is right. */
  double firstLinkPrecision() {
    return withLinks == 0 ? 0 : firstRight / (double) withLinks;
  }

  /** Share of the articles asked that showed at least one link. */
  double coverage() {
    return articles == 0 ? 0 : withLinks / (double) articles;
  }

  double linksPerArticle() {
    return articles == 0 ? 0 : links / (double) articles;
  }

  String line() {
    return String.format(
        "%-40s precision %.3f   first link %.3f   near-miss %.3f   coverage %.3f (%d of %d)"
            + "   links/article %.2f",
        name,
        precision(),
        firstLinkPrecision(),
        nearMissRate(),
        coverage(),
        withLinks,
        articles,
        linksPerArticle());
  }
}
