package dev.byline.distribution;

import dev.byline.content.PublishedArchive;
import dev.byline.content.PublishedArchive.Cursor;
import dev.byline.content.PublishedArchive.PublishedMonth;
import dev.byline.content.PublishedArticles;
import dev.byline.media.Image;
import dev.byline.pages.SitePage;
import dev.byline.store.SurrogateKey;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The sitemap set: an index, article sitemaps by month of first publication (split into parts
 * past the per-file limit), list-page sitemaps, and the Google News sitemap. Everything is read
 * in keyset batches of {@link #BATCH} and streamed, so memory does not grow with the site.
 *
 * <pre>{@code
 * var sitemaps = new Sitemaps(baseUrl, "The Courier", "en", articles, Sitemaps.MAX_URLS, clock);
 * sitemaps.writeIndex(out);                               // /sitemap.xml
 * Sitemap.parse("articles-2026-11.xml").filter(sitemaps::exists).ifPresent(s -> sitemaps.write(s, out));
 * }</pre>
 */
public final class Sitemaps {
  /** The sitemaps.org limit on URLs in one file. */
  public static final int MAX_URLS = 50_000;
  /** The sitemaps.org limit on one uncompressed file: 50 MiB. */
  public static final long MAX_BYTES = 50L * 1024 * 1024;
  /** Google News takes stories first published in the last two days... */
  public static final Duration NEWS_WINDOW = Duration.ofHours(48);
  /** ...and at most 1,000 of them in one news sitemap. */
  public static final int NEWS_MAX = 1000;
  /** Rows read per query: large enough to amortise a round trip, small enough to stay in cache. */
  static final int BATCH = 1000;
  /** Image URLs longer than this are left out, so one entry's size has a known bound. */
  static final int MAX_IMAGE_URL = 512;

  private final String baseUrl;
  private final String publication;
  private final String newsLanguage;
  private final PublishedArticles articles;
  private final PublishedArchive archive;
  private final int perFile;
  private final Clock clock;
  /** The site's own published pages (About, Imprint...), listed after the front page. */
  private final Supplier<List<SitePage>> sitePages;

  /**
   * @param urlsPerFile the most URLs per file (at most {@link #MAX_URLS}); it is lowered further
   *     if the worst-case entry for this base URL could take a full file past {@link #MAX_BYTES}
   */
  public Sitemaps(
      String baseUrl,
      String publication,
      String language,
      PublishedArticles articles,
      int urlsPerFile,
      Clock clock) {
    this(baseUrl, publication, language, articles, urlsPerFile, clock, List::of);
  }

  /** As above, with the site's own pages in the general sitemap, read when it is written. */
  public Sitemaps(
      String baseUrl,
      String publication,
      String language,
      PublishedArticles articles,
      int urlsPerFile,
      Clock clock,
      Supplier<List<SitePage>> sitePages) {
    this.sitePages = sitePages;
    if (urlsPerFile < 1 || urlsPerFile > MAX_URLS) {
      throw new IllegalArgumentException(
          "URLs per sitemap must be 1 to " + MAX_URLS + ", not " + urlsPerFile);
    }
    this.baseUrl = baseUrl;
    this.publication = publication;
    this.newsLanguage = newsLanguage(language);
    this.articles = articles;
    this.archive = articles.archive();
    this.perFile = (int) Math.min(urlsPerFile, (MAX_BYTES - 1024) / worstEntryBytes(baseUrl));
    this.clock = clock;
  }

  /** How many URLs one file holds here. */
  public int urlsPerFile() {
    return perFile;
  }

  /** An entry of the index: a sitemap file and when it last changed (null when unknown). */
  public record Listed(Sitemap sitemap, Instant lastModified) {}

  /** Every sitemap the index lists, list pages first, then months oldest first, then news. */
  public List<Listed> listed() {
    var months = archive.months();
    var out = new ArrayList<Listed>();
    var newest = months.stream()
        .map(PublishedMonth::lastChanged)
        .max(Comparator.naturalOrder())
        .orElse(null);
    for (int p = 1; p <= pagesParts(); p++) out.add(new Listed(new Sitemap.Pages(p), newest));
    for (var m : months) {
      for (int p = 1; p <= parts(m.published()); p++)
        out.add(new Listed(new Sitemap.ArticleMonth(m.month(), p), m.lastChanged()));
    }
    out.add(new Listed(new Sitemap.News(), archive.newest().orElse(null)));
    return out;
  }

  public void writeIndex(OutputStream out) {
    try (var w = UrlsetWriter.index(out)) {
      for (var l : listed()) w.sitemap(url(l.sitemap()), l.lastModified());
    }
  }

  /** The absolute URL a sitemap is served at. */
  public String url(Sitemap s) {
    return baseUrl + "/sitemaps/" + s.fileName();
  }

  /** True when the file has something to list now (a month with that many parts, say). */
  public boolean exists(Sitemap s) {
    if (s instanceof Sitemap.News) return true;
    if (s instanceof Sitemap.Pages p) return p.part() <= pagesParts();
    var m = (Sitemap.ArticleMonth) s;
    return archive.month(m.month()).map(pm -> m.part() <= parts(pm.published())).orElse(false);
  }

  /** Surrogate keys of what the file shows, so the page cache purges it with them. */
  public Set<String> surrogateKeys(Sitemap s) {
    var keys = new LinkedHashSet<String>();
    keys.add(SurrogateKey.SECTIONS); // section slugs are in every URL
    if (s instanceof Sitemap.ArticleMonth m) {
      keys.add(PublishedArchive.monthKey(m.month()));
    } else {
      keys.add(SurrogateKey.LISTS);
      keys.add(SurrogateKey.PAGES);
    }
    return keys;
  }

  /** Streams one sitemap to {@code out}; returns how many URLs it holds. */
  public int write(Sitemap s, OutputStream out) {
    if (s instanceof Sitemap.News) return writeNews(out);
    if (s instanceof Sitemap.Pages p)
      return new PagesSitemap(baseUrl, archive, sitePages.get(), perFile).write(p.part(), out);
    return writeMonth((Sitemap.ArticleMonth) s, out);
  }

  private int writeMonth(Sitemap.ArticleMonth s, OutputStream out) {
    try (var w = UrlsetWriter.urlset(out, false)) {
      Cursor after = archive.start(s.month(), (long) (s.part() - 1) * perFile);
      int left = perFile;
      while (left > 0) {
        var batch = archive.inMonth(s.month(), after, Math.min(BATCH, left));
        if (batch.isEmpty()) break;
        for (var e : batch) w.url(baseUrl + e.path(), e.lastModified(), imageUrl(e.image()));
        left -= batch.size();
        after = Cursor.after(batch.get(batch.size() - 1));
      }
      if (w.count() == 0) w.url(baseUrl + "/", null, null); // a urlset must hold one URL
      return w.count();
    }
  }

  private int writeNews(OutputStream out) {
    var cutoff = clock.instant().minus(NEWS_WINDOW);
    var recent = articles.latest(1, NEWS_MAX).items().stream()
        .filter(a -> a.firstPublishedAt() != null && a.firstPublishedAt().isAfter(cutoff))
        .toList();
    try (var w = UrlsetWriter.urlset(out, true)) {
      for (var a : recent) {
        w.news(
            baseUrl + a.path(),
            publication,
            // A story in a language of its own is listed in it; the rest in the site's.
            a.language() == null ? newsLanguage : newsLanguage(a.language()),
            a.firstPublishedAt(),
            a.headline(),
            imageUrl(a.image()));
      }
      // A urlset must hold one URL; with no story in the window the front page stands in.
      if (recent.isEmpty()) w.url(baseUrl + "/", null, null);
      return w.count();
    }
  }

  private int pagesParts() {
    long total = 1
        + sitePages.get().size()
        + archive.sections().size()
        + archive.countTopics()
        + archive.countAuthors();
    return (int) Math.max(1, (total + perFile - 1) / perFile);
  }

  private int parts(int urls) {
    return Math.max(1, (urls + perFile - 1) / perFile);
  }

  private String imageUrl(Image image) {
    if (image == null || image.variants().isEmpty()) return null;
    var url = baseUrl + image.largest().url();
    return escapedBytes(url) > MAX_IMAGE_URL ? null : url;
  }

  /**
   * The most bytes one entry can take: markup and a date, the article URL (the base URL, two
   * slugs at their maximum) and the longest image URL kept, all as written (escaped, UTF-8).
   */
  static long worstEntryBytes(String baseUrl) {
    return 120
        + escapedBytes(baseUrl)
        + 2
        + 2L * dev.byline.content.Slugs.MAX_LENGTH
        + MAX_IMAGE_URL;
  }

  /** Bytes a text takes in the file: UTF-8, with {@code & < >} written as entities. */
  static long escapedBytes(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '&') n += 5;
      else if (c == '<' || c == '>') n += 4;
      else if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }

  /** Google News wants an ISO 639 code, lower case, except zh-cn and zh-tw. */
  static String newsLanguage(String tag) {
    var locale = Locale.forLanguageTag(tag == null || tag.isBlank() ? "en" : tag);
    var lang = locale.getLanguage().toLowerCase(Locale.ROOT);
    if (lang.equals("zh")) {
      var region = locale.getCountry().toUpperCase(Locale.ROOT);
      boolean traditional =
          region.equals("TW") || region.equals("HK") || locale.getScript().equals("Hant");
      return traditional ? "zh-tw" : "zh-cn";
    }
    return lang.matches("[a-z]{2,3}") ? lang : "en";
  }
}
