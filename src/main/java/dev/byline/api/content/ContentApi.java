package dev.byline.api.content;

import static dev.byline.api.ApiReplies.object;

import dev.byline.api.ApiError;
import dev.byline.api.ApiGate;
import dev.byline.api.ApiReplies;
import dev.byline.content.Article;
import dev.byline.content.AuthorStore;
import dev.byline.content.PublishedArticles;
import dev.byline.content.PublishedListing;
import dev.byline.content.SectionStore;
import dev.byline.content.TopicStore;
import dev.byline.live.LiveBlog;
import dev.byline.search.SearchIndex;
import dev.byline.search.SearchQuery;
import dev.byline.web.Access;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The Content API: published articles, sections, topics and authors, and search, as JSON. Lists
 * page with opaque cursors; every answer carries an entity tag. Nothing here reads a draft, a
 * scheduled or an unpublished article: lists come from {@link PublishedListing}, single articles
 * are checked for {@code isPublished()}, search hits are looked up again as published summaries.
 */
public final class ContentApi implements Routes {
  /** Twenty a page unless asked: a list screen's worth. */
  static final int DEFAULT_LIMIT = 20;
  /** At most a hundred a page: enough for a sync job, small enough to answer fast. */
  static final int MAX_LIMIT = 100;

  private final PublishedArticles articles;
  private final PublishedListing listing;
  private final SectionStore sections;
  private final TopicStore topics;
  private final AuthorStore authors;
  private final LiveBlog live;
  private final SearchIndex index;
  private final ArticleJson json;
  private final OpenApiDocument openApi;

  public ContentApi(
      String baseUrl,
      PublishedArticles articles,
      PublishedListing listing,
      SectionStore sections,
      TopicStore topics,
      AuthorStore authors,
      LiveBlog live,
      SearchIndex index) {
    this.articles = articles;
    this.listing = listing;
    this.sections = sections;
    this.topics = topics;
    this.authors = authors;
    this.live = live;
    this.index = index;
    this.json = new ArticleJson(baseUrl);
    this.openApi = new OpenApiDocument(baseUrl);
  }

  @Override
  public void routes(RoutesConfig routes) {
    var p = ApiGate.PREFIX;
    routes.get(p + "articles", this::list, Access.ANYONE);
    routes.get(p + "articles/{id}", this::article, Access.ANYONE);
    routes.get(p + "articles/{id}/live", this::liveCoverage, Access.ANYONE);
    routes.get(p + "sections", this::sections, Access.ANYONE);
    routes.get(p + "topics", this::topics, Access.ANYONE);
    routes.get(p + "authors", this::authors, Access.ANYONE);
    routes.get(p + "search", this::search, Access.ANYONE);
    routes.get(p + "openapi.json", ctx -> ApiReplies.cacheable(ctx, openApi.tree()), Access.ANYONE);
  }

  private void list(Context ctx) {
    int limit = limit(ctx);
    var filter = new PublishedListing.Filter(
        slugParam(ctx, "section", s -> sections.bySlug(s).map(x -> x.id())),
        slugParam(ctx, "topic", s -> topics.bySlug(s).map(x -> x.id())),
        slugParam(ctx, "author", s -> authors.bySlug(s).map(x -> x.id())),
        since(ctx.queryParam("updated_since")));
    var slice = listing.after(filter, Cursor.article(ctx.queryParam("cursor")), limit);
    var summaries = articles.summaries(slice.ids());
    var topicsOf = articles.topicsOf(slice.ids());
    var authorsOf = listing.authorsOf(slice.ids());
    var items = summaries.stream()
        .map(s -> json.summary(
            s, authorsOf.getOrDefault(s.id(), List.of()), topicsOf.getOrDefault(s.id(), List.of())))
        .toList();
    var next = Cursor.ofArticle(slice.next());
    if (next != null) ctx.header("Link", "<" + nextUrl(ctx, next) + ">; rel=\"next\"");
    ApiReplies.cacheable(ctx, object("items", items, "next_cursor", next));
  }

  private void article(Context ctx) {
    var article = published(ctx);
    var body = json.full(article);
    body.put(
        "live_coverage", live.of(article.id()).isPresent() ? json.liveUrl(article.id()) : null);
    ApiReplies.cacheable(ctx, body);
  }

  private void liveCoverage(Context ctx) {
    var article = published(ctx);
    var coverage = live.of(article.id())
        .orElseThrow(() -> new ApiError(404, "article " + article.id() + " has no live coverage"));
    ApiReplies.cacheable(ctx, json.live(article, coverage));
  }

  private Article published(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiError.badField("id", "id must be a whole number");
    }
    return articles
        .article(id)
        .orElseThrow(() -> new ApiError(404, "no published article has id " + id));
  }

  private void sections(Context ctx) {
    ApiReplies.cacheable(
        ctx, object("items", sections.all().stream().map(json::section).toList()));
  }

  private void topics(Context ctx) {
    int limit = limit(ctx);
    var page = listing.topics(Cursor.id("t", ctx.queryParam("cursor")), limit);
    var next = page.size() == limit ? Cursor.ofId("t", page.get(page.size() - 1).id()) : null;
    ApiReplies.cacheable(
        ctx, object("items", page.stream().map(json::topic).toList(), "next_cursor", next));
  }

  private void authors(Context ctx) {
    int limit = limit(ctx);
    var page = listing.authors(Cursor.id("u", ctx.queryParam("cursor")), limit);
    var next = page.size() == limit ? Cursor.ofId("u", page.get(page.size() - 1).id()) : null;
    ApiReplies.cacheable(
        ctx, object("items", page.stream().map(json::author).toList(), "next_cursor", next));
  }

  private void search(Context ctx) {
    var q = ctx.queryParam("q");
    if (q == null || q.isBlank())
      throw ApiError.badField("q", "q is empty: say what to search for");
    int page = intParam(ctx, "page", 1, 1, SearchQuery.MAX_PAGE);
    var results =
        index.search(new SearchQuery(q, null, null, null, null, SearchQuery.Sort.RELEVANCE, page));
    var hits = results.hits();
    var published = articles.summaries(hits.stream().map(h -> h.id()).toList());
    var byId = new java.util.HashMap<Long, dev.byline.content.ArticleSummary>();
    published.forEach(s -> byId.put(s.id(), s));
    var items = hits.stream()
        .filter(h -> byId.containsKey(h.id()))
        .map(h -> {
          var m = json.summary(byId.get(h.id()), List.of(), List.of());
          m.put("headline_html", h.headlineHtml());
          m.put("snippet_html", h.snippetHtml());
          return m;
        })
        .toList();
    ApiReplies.cacheable(
        ctx,
        object(
            "items",
            items,
            "total",
            results.total(),
            "page",
            page,
            "next_page",
            results.hasNext() ? page + 1 : null));
  }

  private static int limit(Context ctx) {
    return intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
  }

  static int intParam(Context ctx, String name, int fallback, int min, int max) {
    var v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) return fallback;
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException ignored) {
      // Answered below, with the range.
    }
    throw ApiError.badField(name, name + " must be a whole number from " + min + " to " + max);
  }

  private static Long slugParam(
      Context ctx,
      String name,
      java.util.function.Function<String, java.util.Optional<Long>> find) {
    var v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) return null;
    return find.apply(v)
        .orElseThrow(() -> ApiError.badField(name, "no " + name + " has the slug " + v));
  }

  /** An instant (2026-03-01T12:00:00Z) or a date (2026-03-01, from its start in UTC). */
  static Instant since(String v) {
    if (v == null || v.isEmpty()) return null;
    try {
      return v.length() == 10
          ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiError.badField(
          "updated_since", "updated_since must be a date or an instant, e.g. 2026-03-01T12:00:00Z");
    }
  }

  private static String nextUrl(Context ctx, String cursor) {
    var params = new java.util.TreeMap<String, String>();
    ctx.queryParamMap().forEach((k, v) -> {
      if (!k.equals("cursor") && !v.isEmpty()) params.put(k, v.get(0));
    });
    params.put("cursor", cursor);
    var q = new StringBuilder();
    for (Map.Entry<String, String> e : params.entrySet()) {
      q.append(q.length() == 0 ? "?" : "&")
          .append(java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8))
          .append('=')
          .append(
              java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8));
    }
    return ctx.path() + q;
  }
}
