package dev.byline.distribution;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One sitemap file under {@code /sitemaps/}: a part of a month of articles, a part of the list
 * pages (front page, sections, topics, authors), or the Google News sitemap. Part numbers start
 * at 1; part 1 has no number in its name, so a month's URL stays the same when it grows a
 * second part.
 */
public sealed interface Sitemap {
  String fileName();

  /** Articles first published in {@code month} (UTC). */
  record ArticleMonth(YearMonth month, int part) implements Sitemap {
    public ArticleMonth {
      if (part < 1) throw new IllegalArgumentException("parts count from 1");
    }

    @Override
    public String fileName() {
      return "articles-" + month + (part == 1 ? "" : "-" + part) + ".xml";
    }
  }

  /** The front page, section, topic and author pages. */
  record Pages(int part) implements Sitemap {
    public Pages {
      if (part < 1) throw new IllegalArgumentException("parts count from 1");
    }

    @Override
    public String fileName() {
      return "pages" + (part == 1 ? "" : "-" + part) + ".xml";
    }
  }

  /** Stories first published in the last 48 hours, for Google News. */
  record News() implements Sitemap {
    @Override
    public String fileName() {
      return "news.xml";
    }
  }

  Pattern MONTH = Pattern.compile("articles-(\\d{4})-(\\d{2})(?:-([2-9]|[1-9]\\d{1,3}))?\\.xml");
  Pattern PAGES = Pattern.compile("pages(?:-([2-9]|[1-9]\\d{1,3}))?\\.xml");

  /** The sitemap a file name names, if it is well formed. */
  static Optional<Sitemap> parse(String fileName) {
    if (fileName == null) return Optional.empty();
    if (fileName.equals("news.xml")) return Optional.of(new News());
    var m = MONTH.matcher(fileName);
    if (m.matches()) {
      int month = Integer.parseInt(m.group(2));
      if (month < 1 || month > 12) return Optional.empty();
      return Optional.of(new ArticleMonth(
          YearMonth.of(Integer.parseInt(m.group(1)), month),
          m.group(3) == null ? 1 : Integer.parseInt(m.group(3))));
    }
    var p = PAGES.matcher(fileName);
    if (p.matches())
      return Optional.of(new Pages(p.group(1) == null ? 1 : Integer.parseInt(p.group(1))));
    return Optional.empty();
  }
}
