package dev.byline.site;

import dev.byline.content.AuthorStore;
import dev.byline.content.SectionStore;
import dev.byline.content.Slugs;
import dev.byline.content.TopicStore;
import dev.byline.distribution.FeedBuilder;
import dev.byline.distribution.FeedFormat;
import dev.byline.distribution.FeedScope;
import dev.byline.distribution.FeedWriter;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Feeds under {@code /feed/}: {@code rss.xml}, {@code atom.xml} and {@code feed.json} for the
 * front page ({@code /feed/rss.xml}), each section ({@code /feed/world/rss.xml}), topic
 * ({@code /feed/topic/ukraine/rss.xml}) and author ({@code /feed/author/ana-lima/rss.xml}).
 * "feed" is a reserved section slug, and these routes come before the article catch-all.
 *
 * <p>Feeds are cached like pages and purged by the same surrogate keys. Last-Modified is when
 * the cached copy was made: every change the feed shows purges it, so a copy is never older than
 * the newest change it shows, and an unpublished story (which changes no item's date) still
 * moves Last-Modified on.
 */
public final class FeedRoutes implements Routes {
  private final Site site;
  private final FeedBuilder builder;
  private final SectionStore sections;
  private final TopicStore topics;
  private final AuthorStore authors;
  private final Clock clock;

  public FeedRoutes(
      Site site,
      FeedBuilder builder,
      SectionStore sections,
      TopicStore topics,
      AuthorStore authors,
      Clock clock) {
    this.site = site;
    this.builder = builder;
    this.sections = sections;
    this.topics = topics;
    this.authors = authors;
    this.clock = clock;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get("/feed", ctx -> {
      throw Redirect.permanent("/feed/" + FeedFormat.RSS.fileName());
    });
    routes.get("/feed/{file}", ctx -> serve(ctx, FeedScope.Front::new));
    routes.get(
        "/feed/topic/{slug}/{file}",
        ctx -> serve(
            ctx,
            () -> new FeedScope.OfTopic(topics
                .bySlug(slug(ctx))
                .orElseThrow(() -> new NotFoundResponse("There is no topic at this address.")))));
    routes.get(
        "/feed/author/{slug}/{file}",
        ctx -> serve(
            ctx,
            () -> new FeedScope.OfAuthor(authors
                .bySlug(slug(ctx))
                .orElseThrow(() -> new NotFoundResponse("There is no author at this address.")))));
    routes.get(
        "/feed/{section}/{file}",
        ctx -> serve(
            ctx,
            () -> new FeedScope.OfSection(sections
                .bySlug(ctx.pathParam("section"))
                .orElseThrow(() -> new NotFoundResponse("There is no section at this address.")))));
  }

  private static String slug(Context ctx) {
    var slug = ctx.pathParam("slug");
    if (!Slugs.isValid(slug)) throw new NotFoundResponse("There is no feed at this address.");
    return slug;
  }

  private void serve(Context ctx, Supplier<FeedScope> scope) {
    var format = FeedFormat.byFileName(ctx.pathParam("file"))
        .orElseThrow(() -> new NotFoundResponse("Feeds are rss.xml, atom.xml and feed.json."));
    site.cache().serve(ctx, ctx.path(), () -> render(scope.get(), format));
  }

  RenderedPage render(FeedScope scope, FeedFormat format) {
    var made = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    var feed = builder.build(scope);
    // As their pages: a topic or author no published story has is not shown, nor is its feed.
    if (feed.channel().items().isEmpty()
        && (scope instanceof FeedScope.OfTopic || scope instanceof FeedScope.OfAuthor))
      throw new NotFoundResponse("There is no feed at this address.");
    var out = new ByteArrayOutputStream(16 * 1024);
    FeedWriter.write(format, feed.channel(), out);
    return new RenderedPage(200, format.contentType(), out.toByteArray(), feed.keys(), made);
  }
}
