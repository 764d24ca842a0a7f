package dev.byline;

import dev.byline.admin.WebhookPages;
import dev.byline.auth.Role;
import dev.byline.config.Config;
import dev.byline.content.Article;
import dev.byline.delivery.Deliveries;
import dev.byline.delivery.DeliveryQueue;
import dev.byline.delivery.Subscriptions;
import dev.byline.store.NodePositions;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import java.time.Clock;

/**
 * What goes out when content changes: webhooks to subscribers and purges to the caches in front
 * of the site (Varnish, Fastly, Cloudflare), queued from the change feed, and the admin pages
 * for subscriptions and the delivery log.
 */
final class DeliveryFeature implements Routes, AutoCloseable {
  private final Subscriptions subscriptions;
  private final Deliveries deliveries;
  private final DeliveryQueue queue;
  private final WebhookPages pages;

  DeliveryFeature(Config config, Newsroom newsroom, AdminFeature admin, Clock clock) {
    subscriptions = new Subscriptions(newsroom.db(), clock);
    deliveries = new Deliveries(newsroom.db());
    var base = config.baseUrl();
    queue = DeliveryQueue.start(
        config,
        deliveries,
        subscriptions,
        newsroom.feed(),
        id -> newsroom.articles().byId(id).map(Article::path).map(path -> base + path),
        new NodePositions(newsroom.db(), clock),
        clock);
    pages = new WebhookPages(
        admin.site(), subscriptions, deliveries, queue, admin.accounts().audit());
    admin.site().addNav("webhooks", "Webhooks", "/admin/webhooks", Role.ADMIN);
  }

  Deliveries deliveries() {
    return deliveries;
  }

  DeliveryQueue queue() {
    return queue;
  }

  @Override
  public void routes(RoutesConfig r) {
    pages.routes(r);
  }

  @Override
  public void close() {
    queue.close();
  }
}
