package dev.byline.site;

import dev.byline.content.ArticlePath;
import dev.byline.content.Section;
import dev.byline.content.SectionStore;
import dev.byline.content.Slugs;
import dev.byline.content.TopicStore;
import dev.byline.json.Json;
import dev.byline.search.SearchIndex;
import dev.byline.search.SearchQuery;
import dev.byline.search.SearchResults;
import dev.byline.store.SurrogateKey;
import dev.byline.web.BadRequest;
import dev.byline.web.PageNumber;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search page at {@code /search} and the search box's autocomplete at
 * {@code /search/suggest}. Both are the same bytes for every reader, so they are cached, but in a
 * cache of their own with a small bound: readers can ask for endless different searches, and
 * those must never push article pages out of the page cache. Every article change purges them.
 */
public final class SearchPages implements Routes {
  /** Headlines and topics offered while typing: a short list reads faster than a long one. */
  static final int SUGGESTIONS = 6;

  static final String JSON = "application/json; charset=utf-8";

  private final Site site;
  private final SearchIndex index;
  private final SectionStore sections;
  private final TopicStore topics;
  private final PageCache cache;

  public SearchPages(
      Site site, SearchIndex index, SectionStore sections, TopicStore topics, PageCache cache) {
    this.site = site;
    this.index = index;
    this.sections = sections;
    this.topics = topics;
    this.cache = cache;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get("/search", this::page);
    routes.get("/search/suggest", this::suggest);
  }

  private void page(Context ctx) {
    var form = SearchForm.read(ctx, site.config().timeZone());
    var sectionList = sections.all();
    Long sectionId = null;
    if (!form.section().isEmpty()) {
      sectionId = sectionList.stream()
          .filter(s -> s.slug().equals(form.section()))
          .map(Section::id)
          .findFirst()
          .orElseThrow(
              () -> new BadRequest("section: there is no section \"" + form.section() + "\""));
    }
    Long topicId = null;
    String topicName = "";
    if (!form.topic().isEmpty()) {
      var topic = Slugs.isValid(form.topic())
          ? topics.bySlug(form.topic())
          : java.util.Optional.<dev.byline.content.Topic>empty();
      if (topic.isEmpty())
        throw new BadRequest("topic: there is no topic \"" + form.topic() + "\"");
      topicId = topic.get().id();
      topicName = topic.get().name();
    }
    var query = new SearchQuery(
        form.q(),
        sectionId,
        topicId,
        form.fromInstant(),
        form.toInstant(),
        form.sortValue(),
        form.page());
    var finalTopicName = topicName;
    cache.serve(ctx, form.canonicalUrl(), () -> render(form, query, sectionList, finalTopicName));
  }

  private RenderedPage render(
      SearchForm form, SearchQuery query, List<Section> sectionList, String topicName) {
    SearchResults results = index.search(query);
    var chrome = site.chrome();
    var bySection = new HashMap<Long, Section>();
    sectionList.forEach(s -> bySection.put(s.id(), s));
    var rows = new ArrayList<SearchView.Result>();
    for (var hit : results.hits()) {
      var section = bySection.get(hit.sectionId());
      rows.add(new SearchView.Result(
          ArticlePath.of(section, hit.slug()),
          hit.headlineHtml(),
          hit.snippetHtml(),
          section == null ? "" : section.name(),
          hit.publishedAt()));
    }
    var t = chrome.t();
    String total = "";
    String notice = "";
    if (!query.isEmpty()) {
      total = t.plural(
          results.totalIsExact() ? "search.results" : "search.results.more", results.total());
      if (!results.understood()) notice = t.text("search.nothing");
    }
    if (!index.isReady())
      notice = (notice.isEmpty() ? "" : notice + " ") + t.text("search.rebuilding");
    var suggestion = results.suggestion() == null ? "" : results.suggestion();
    var title =
        query.text().isEmpty() ? t.text("search.title") : t.text("search.title.for", query.text());
    // The first page of results for plain words is a useful page about a subject, and search
    // engines may index it under its own address. Everything else (no results, filters, later
    // pages, sorting) would be a crawl trap of near-duplicates, so it stays out of the index.
    boolean indexable = results.total() > 0
        && results.understood()
        && !query.hasFilters()
        && query.page() == 1
        && query.sort() == SearchQuery.Sort.RELEVANCE;
    var meta = Meta.simple(
        title + " | " + chrome.siteName(),
        t.text("search.description", chrome.siteName()),
        chrome.absolute(indexable ? form.canonicalUrl() : "/search"));
    if (!indexable) meta = meta.noindexed();
    var view = new SearchView(
        chrome,
        meta,
        site.dates(),
        form.q(),
        form.section(),
        form.topic(),
        topicName,
        form.from(),
        form.to(),
        form.sort(),
        sectionList,
        rows,
        total,
        suggestion,
        suggestion.isEmpty() ? "" : form.withQ(suggestion).canonicalUrl(),
        notice,
        results.page() > 1 ? form.withPage(results.page() - 1).canonicalUrl() : "",
        results.hasNext() ? form.withPage(results.page() + 1).canonicalUrl() : "",
        results.page());
    return RenderedPage.html(
        site.views().render("site/search.jte", view),
        Set.of(
            SurrogateKey.LISTS,
            SurrogateKey.SECTIONS,
            SurrogateKey.CHROME,
            SurrogateKey.SOCIAL_IMAGE),
        null);
  }

  private void suggest(Context ctx) {
    var q = SearchForm.text(ctx, "q");
    if (q.length() > SearchQuery.MAX_LENGTH)
      throw new BadRequest("q is longer than " + SearchQuery.MAX_LENGTH + " characters");
    cache.serve(ctx, "/search/suggest?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), () -> {
      var body = new LinkedHashMap<String, Object>();
      body.put("query", q);
      var headlines = new ArrayList<Map<String, String>>();
      var bySection = new HashMap<Long, Section>();
      sections.all().forEach(s -> bySection.put(s.id(), s));
      for (var c : index.complete(q, SUGGESTIONS)) {
        var section = bySection.get(c.sectionId());
        headlines.add(Map.of("headline", c.headline(), "url", ArticlePath.of(section, c.slug())));
      }
      var topicList = new ArrayList<Map<String, String>>();
      if (q.strip().length() >= 2) {
        for (var t : topics.publishedStartingWith(q.strip(), SUGGESTIONS)) {
          topicList.add(
              Map.of("name", t.name(), "url", t.path(), "type", t.type().dbValue()));
        }
      }
      body.put("topics", topicList);
      body.put("headlines", headlines);
      try {
        return new RenderedPage(
            200,
            JSON,
            Json.MAPPER.writeValueAsBytes(body),
            Set.of(SurrogateKey.LISTS, SurrogateKey.SECTIONS),
            null);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The search form's fields as given, checked at the edge. */
  record SearchForm(
      String q,
      String section,
      String topic,
      String from,
      String to,
      String sort,
      int page,
      java.time.ZoneId zone) {

    static SearchForm read(Context ctx, java.time.ZoneId zone) {
      var sort = text(ctx, "sort");
      if (!sort.isEmpty() && !sort.equals("relevance") && !sort.equals("newest")) {
        throw new BadRequest("sort must be \"relevance\" or \"newest\"");
      }
      // Search goes less deep than lists: SearchQuery refuses pages past its own MAX_PAGE.
      int page = PageNumber.parse(text(ctx, "page")).value();
      var form = new SearchForm(
          text(ctx, "q"),
          text(ctx, "section"),
          text(ctx, "topic"),
          text(ctx, "from"),
          text(ctx, "to"),
          sort.equals("newest") ? "newest" : "relevance",
          page,
          zone);
      form.fromInstant();
      form.toInstant();
      return form;
    }

    static String text(Context ctx, String name) {
      try {
        var v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
      } catch (RuntimeException e) {
        throw new BadRequest("the query string is not properly encoded");
      }
    }

    SearchQuery.Sort sortValue() {
      return sort.equals("newest") ? SearchQuery.Sort.NEWEST : SearchQuery.Sort.RELEVANCE;
    }

    java.time.Instant fromInstant() {
      return from.isEmpty() ? null : date("from", from).atStartOfDay(zone).toInstant();
    }

    /** The end date is inclusive: "to 3 March" means up to the end of that day. */
    java.time.Instant toInstant() {
      return to.isEmpty() ? null : date("to", to).plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate date(String field, String value) {
      try {
        if (value.length() != 10) throw new DateTimeParseException("length", value, 0);
        var d = LocalDate.parse(value);
        if (d.getYear() < 1800 || d.getYear() > 2999)
          throw new DateTimeParseException("range", value, 0);
        return d;
      } catch (DateTimeParseException e) {
        throw new BadRequest(field + " must be a date like 2024-03-01");
      }
    }

    SearchForm withQ(String newQ) {
      return new SearchForm(newQ, section, topic, from, to, sort, 1, zone);
    }

    SearchForm withPage(int newPage) {
      return new SearchForm(q, section, topic, from, to, sort, newPage, zone);
    }

    /** The page's own address with the fields in a fixed order: one cache entry per distinct search. */
    String canonicalUrl() {
      var sb = new StringBuilder("/search?q=").append(enc(q));
      if (!section.isEmpty()) sb.append("&section=").append(enc(section));
      if (!topic.isEmpty()) sb.append("&topic=").append(enc(topic));
      if (!from.isEmpty()) sb.append("&from=").append(enc(from));
      if (!to.isEmpty()) sb.append("&to=").append(enc(to));
      if (sort.equals("newest")) sb.append("&sort=newest");
      if (page > 1) sb.append("&page=").append(page);
      return sb.toString();
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }
}
