package dev.byline.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a reader can reach on a site, found the way a reader or a search engine finds it:
 * from the front page, the feeds, the sitemaps and the search box, following every link on the
 * site until no new address turns up. Admin pages, static assets and image files are left out.
 *
 * <pre>{@code
 * var crawl = ReaderCrawl.of(site, List.of("ferry", "budget"));
 * assertThat(crawl.pagesContaining("HIDDEN")).isEmpty();
 * }</pre>
 */
public final class ReaderCrawl {
  /** Far more than any test site has; a crawl that reaches it has found a link loop. */
  static final int MAX_PAGES = 5_000;

  private static final Pattern HREF = Pattern.compile("(?:href|src)=\"([^\"]+)\"");
  private static final Pattern LOC = Pattern.compile("<(?:loc|link|id)>([^<]+)</(?:loc|link|id)>");
  private static final Pattern JSON_URL = Pattern.compile("\"(?:url|id)\"\\s*:\\s*\"([^\"]+)\"");
  private static final List<String> SEEDS = List.of(
      "/",
      "/robots.txt",
      "/sitemap.xml",
      "/feed/rss.xml",
      "/feed/atom.xml",
      "/feed/feed.json",
      "/most-read",
      "/most-read.json");

  private final Map<String, Page> pages;

  /** One address fetched: its status and body. */
  public record Page(String path, int status, String body) {}

  private ReaderCrawl(Map<String, Page> pages) {
    this.pages = pages;
  }

  /**
   * Crawls the site from its front door, its feeds and sitemaps, and a search (and autocomplete
   * request) for each of {@code searches}.
   */
  public static ReaderCrawl of(TestSite site, Collection<String> searches) {
    var queue = new ArrayDeque<String>(SEEDS);
    for (var q : searches) {
      var encoded = URLEncoder.encode(q, StandardCharsets.UTF_8);
      queue.add("/search?q=" + encoded);
      queue.add("/search/suggest?q=" + encoded);
    }
    var seen = new LinkedHashSet<String>(queue);
    var out = new LinkedHashMap<String, Page>();
    var origin = site.url("");
    while (!queue.isEmpty()) {
      if (out.size() >= MAX_PAGES)
        throw new AssertionError("more than " + MAX_PAGES + " pages: a link loop?");
      var path = queue.poll();
      var r = site.get(path);
      var body = r.body();
      if (r.statusCode() >= 300 && r.statusCode() < 400) {
        body = r.headers().firstValue("Location").orElse("");
      }
      out.put(path, new Page(path, r.statusCode(), body));
      for (var link : links(body, origin)) if (seen.add(link)) queue.add(link);
    }
    return new ReaderCrawl(out);
  }

  private static Set<String> links(String body, String origin) {
    var found = new LinkedHashSet<String>();
    for (var p : List.of(HREF, LOC, JSON_URL)) {
      var m = p.matcher(body);
      while (m.find()) {
        var link = m.group(1).replace("&amp;", "&").strip();
        if (link.startsWith(origin)) link = link.substring(origin.length() - 1);
        if (link.startsWith("/") && !link.startsWith("//") && readerPath(link)) {
          int hash = link.indexOf('#');
          found.add(hash >= 0 ? link.substring(0, hash) : link);
        }
      }
    }
    if (body.startsWith("/") && readerPath(body)) found.add(body); // a redirect's Location
    return found;
  }

  private static boolean readerPath(String path) {
    return !path.startsWith("/admin")
        && !path.startsWith("/static/")
        && !path.startsWith("/media/")
        && !path.startsWith("/beacon")
        && !path.isEmpty();
  }

  public Collection<Page> pages() {
    return pages.values();
  }

  /** The addresses whose body (or redirect target) contains the text, ignoring case. */
  public List<String> pagesContaining(String text) {
    var lower = text.toLowerCase(java.util.Locale.ROOT);
    return pages.values().stream()
        .filter(p -> p.body().toLowerCase(java.util.Locale.ROOT).contains(lower))
        .map(Page::path)
        .toList();
  }

  public boolean reached(String path) {
    var p = pages.get(path);
    return p != null && p.status() == 200;
  }

  public int size() {
    return pages.size();
  }
}
