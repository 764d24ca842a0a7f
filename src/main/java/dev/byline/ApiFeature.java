package dev.byline;

import dev.byline.admin.ArticleActions;
import dev.byline.api.ApiError;
import dev.byline.api.ApiGate;
import dev.byline.api.ApiReplies;
import dev.byline.api.RateLimits;
import dev.byline.api.content.ContentApi;
import dev.byline.api.keys.AdminApi;
import dev.byline.api.keys.ApiKeyPages;
import dev.byline.auth.ApiKeys;
import dev.byline.auth.Role;
import dev.byline.config.Config;
import dev.byline.content.ArticleRevisions;
import dev.byline.content.PublishedListing;
import dev.byline.web.Access;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.time.Clock;

/**
 * The API under {@code /api/v1/}: the Content API (published content, for anybody), the Admin
 * API (changes, for scoped keys) and the admin pages where administrators make and revoke keys.
 * Its routes go before the site's catch-all addresses.
 */
final class ApiFeature implements Routes {
  private final ApiGate gate;
  private final ContentApi content;
  private final AdminApi adminApi;
  private final ApiKeyPages keyPages;

  ApiFeature(
      Config config, Newsroom newsroom, SearchFeature search, AdminFeature admin, Clock clock) {
    var accounts = admin.accounts();
    var keys = new ApiKeys(newsroom.db(), accounts.tokens(), clock);
    gate = new ApiGate(config, keys, new RateLimits(clock));
    content = new ContentApi(
        config.baseUrl(),
        newsroom.published(),
        new PublishedListing(newsroom.db()),
        newsroom.sections(),
        newsroom.topics(),
        newsroom.authors(),
        newsroom.live(),
        search.index());
    var actions = new ArticleActions(
        newsroom.db(),
        newsroom.articles(),
        new ArticleRevisions(newsroom.db(), clock),
        newsroom.sections(),
        newsroom.topics(),
        newsroom.authors(),
        newsroom.images(),
        accounts.audit(),
        clock);
    adminApi = new AdminApi(
        actions, newsroom.sections(), newsroom.images(), accounts.audit(), config.baseUrl());
    keyPages = new ApiKeyPages(admin.site(), keys, accounts.audit());
    admin.site().addNav("api-keys", "API keys", ApiKeyPages.PATH, Role.ADMIN);
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.exception(ApiError.class, (e, ctx) -> ApiReplies.error(ctx, e));
    gate.routes(routes);
    content.routes(routes);
    adminApi.routes(routes);
    keyPages.routes(routes);
    // Any other address under the prefix answers in JSON too, naming where the API is
    // described. Only for GET: another method there is answered 405 with the methods taken.
    Handler notFound = ctx -> {
      throw new ApiError(
          404, "nothing at " + ctx.path() + "; see " + ApiGate.PREFIX + "openapi.json");
    };
    routes.get(ApiGate.PREFIX + "*", notFound, Access.ANYONE);
  }
}
