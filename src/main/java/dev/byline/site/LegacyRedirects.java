package dev.byline.site;

import dev.byline.content.PublishedArticles;
import dev.byline.redirect.LegacyPath;
import dev.byline.redirect.LegacyUrl;
import dev.byline.redirect.RedirectStore;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Old addresses answered with 301: a previous site's permalinks, its {@code ?p=123} forms,
 * category, tag and author pages, feeds and paged lists, from the table imports and
 * {@code byline redirects import} fill. The table is asked only when nothing else answered (a
 * 404), for WordPress's query forms on the front page, and for {@code /category/} and {@code
 * /tag/}, which would otherwise be read as a section and a story. A redirect to an article
 * answers only while the article is published: an old address never gives a draft away.
 */
public final class LegacyRedirects implements Routes {
  /** WordPress's query forms of an address, in the order WordPress reads them. */
  static final List<String> QUERY_KEYS =
      List.of("p", "page_id", "attachment_id", "cat", "tag", "author");

  private static final Pattern QUERY_VALUE = Pattern.compile("[A-Za-z0-9_%-]{1,200}");
  /** Browsers and caches may keep an old address's answer a day; an editor's fix shows by then. */
  static final String CACHE_CONTROL = "public, max-age=86400";

  private final RedirectStore redirects;
  private final PublishedArticles articles;

  public LegacyRedirects(RedirectStore redirects, PublishedArticles articles) {
    this.redirects = redirects;
    this.articles = articles;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.before("/", this::query);
    routes.before("/category/*", this::early);
    routes.before("/tag/*", this::early);
    routes.error(404, this::notFound);
  }

  /** {@code /?p=123}, {@code /?cat=4}, {@code /?s=words}, {@code /?feed=rss2} on the front page. */
  private void query(Context ctx) {
    if (ctx.queryString() == null || !ctx.path().equals("/")) return;
    var search = ctx.queryParam("s");
    if (search != null && !search.isBlank())
      throw moved("/search?q=" + URLEncoder.encode(search.strip(), StandardCharsets.UTF_8));
    var feed = ctx.queryParam("feed");
    if (feed != null)
      throw moved(feed.equalsIgnoreCase("atom") ? "/feed/atom.xml" : "/feed/rss.xml");
    for (var key : QUERY_KEYS) {
      var value = ctx.queryParam(key);
      if (value == null || !QUERY_VALUE.matcher(value).matches()) continue;
      var found = resolve(LegacyPath.normalise("/", key + "=" + value));
      if (found.isPresent()) throw moved(found.get());
    }
  }

  private void early(Context ctx) {
    var found = resolve(LegacyPath.normalise(ctx.path(), ctx.queryString()));
    if (found.isPresent()) throw moved(found.get());
  }

  private void notFound(Context ctx) {
    if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) return;
    var path = ctx.path();
    if (path.length() > LegacyPath.MAX_LENGTH) return;
    var found = resolve(LegacyPath.normalise(path, ctx.queryString()));
    if (found.isEmpty() && ctx.queryString() != null)
      found = resolve(LegacyPath.normalise(path, null));
    if (found.isEmpty()) return;
    ctx.status(301);
    ctx.header("Location", found.get());
    ctx.header("Cache-Control", CACHE_CONTROL);
    ctx.contentType("text/plain; charset=utf-8");
    ctx.result("Moved to " + found.get() + "\n");
  }

  /** Where an old address leads now, if anywhere a reader may go. */
  Optional<String> resolve(String normalised) {
    var exact = redirects.find(normalised);
    if (exact.isPresent()) return target(exact.get());
    var suffixed = LegacyPath.withoutSuffix(normalised);
    if (suffixed.isEmpty()) return Optional.empty();
    var s = suffixed.get();
    return redirects.find(s.base()).flatMap(u -> target(u).map(t -> adapt(u, t, s)));
  }

  private Optional<String> target(LegacyUrl u) {
    if (u.articleId() != null) {
      var published = articles.summaries(List.of(u.articleId()));
      if (published.isEmpty()) return Optional.empty();
      return Optional.of(u.target().isEmpty() ? published.get(0).path() : u.target());
    }
    return Optional.of(u.target());
  }

  /** A list's page 2 or feed, for an old list address with WordPress's suffix. */
  private static String adapt(LegacyUrl u, String target, LegacyPath.Suffixed s) {
    if (!u.leadsToList()) return target;
    return switch (s.kind()) {
      case PAGE -> target + "?page=" + s.page();
      case FEED -> "/feed" + target + "/" + s.feed();
      case SAME -> target;
    };
  }

  private static Redirect moved(String location) {
    return Redirect.permanent(location);
  }
}
