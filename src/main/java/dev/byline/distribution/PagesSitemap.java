package dev.byline.distribution;

import dev.byline.content.PublishedArchive;
import dev.byline.pages.SitePage;
import java.io.OutputStream;
import java.util.List;

/**
 * The list pages as one numbered sequence: the front page, the site's own pages (About,
 * Imprint...), then sections, topics and authors by id. Part {@code p} holds positions {@code [(p-1)·n, p·n)}; topics and authors with no
 * published story keep their position but are left out, so parts never shift when a topic goes
 * quiet. Each page's {@code lastmod} is when its newest story was published or updated.
 */
final class PagesSitemap {
  private final String baseUrl;
  private final PublishedArchive archive;
  private final List<SitePage> sitePages;
  private final int perFile;

  PagesSitemap(String baseUrl, PublishedArchive archive, List<SitePage> sitePages, int perFile) {
    this.baseUrl = baseUrl;
    this.archive = archive;
    this.sitePages = sitePages;
    this.perFile = perFile;
  }

  int write(int part, OutputStream out) {
    long from = (long) (part - 1) * perFile;
    long to = from + perFile;
    try (var w = UrlsetWriter.urlset(out, false)) {
      long pos = 0;
      if (from == 0) w.url(baseUrl + "/", archive.newest().orElse(null), null);
      pos++;
      for (var page : sitePages) {
        if (pos >= from && pos < to) {
          var changed = page.updatedAt() != null ? page.updatedAt() : page.publishedAt();
          w.url(baseUrl + page.path(), changed, null);
        }
        pos++;
      }
      for (var s : archive.sections()) {
        if (pos >= from && pos < to && s.newest() != null)
          w.url(baseUrl + "/" + s.slug(), s.newest(), null);
        pos++;
      }
      long topics = archive.countTopics();
      walk(w, "/topic/", true, pos, topics, from, to);
      pos += topics;
      walk(w, "/author/", false, pos, archive.countAuthors(), from, to);
      if (w.count() == 0) w.url(baseUrl + "/", null, null); // a urlset must hold one URL
      return w.count();
    }
  }

  /** Writes the topics (or authors) whose positions, starting at {@code first}, fall in [from, to). */
  private void walk(
      UrlsetWriter w, String prefix, boolean topics, long first, long count, long from, long to) {
    long start = Math.max(from, first);
    long end = Math.min(to, first + count);
    if (start >= end) return;
    long skip = start - first;
    long afterId = topics ? archive.topicIdBefore(skip) : archive.authorIdBefore(skip);
    long left = end - start;
    while (left > 0) {
      int n = (int) Math.min(Sitemaps.BATCH, left);
      var batch = topics ? archive.topics(afterId, n) : archive.authors(afterId, n);
      if (batch.scanned() == 0) break;
      for (var page : batch.active()) w.url(baseUrl + prefix + page.slug(), page.newest(), null);
      left -= batch.scanned();
      afterId = batch.lastId();
    }
  }
}
