/**
 * Outbound delivery of changes: webhooks to subscribers and purges to HTTP caches, both driven by
 * the change feed and queued in the database.
 *
 * <p>Glossary: a <em>target</em> is where deliveries go (one webhook subscription, or one cache:
 * Varnish, Fastly, Cloudflare); a <em>delivery</em> is one change for one target, identified by
 * its <em>idempotency key</em> (change sequence and target), so a receiver can drop repeats; an
 * <em>event</em> is what a subscriber sees happen to an article (published, updated,
 * unpublished, deleted); the <em>order key</em> names what deliveries must stay in order for
 * (one article), so a retried delivery holds back later ones for the same article only. A purge
 * is also held until every live node has applied its change to its page cache ({@code
 * NodePositions}), or the shared cache would fetch the old page again from a lagging node.
 *
 * <pre>{@code
 * var queue = DeliveryQueue.start(config, deliveries, subscriptions, feed, urls, positions, clock);
 * subscriptions.create("https://example.org/hook", Set.of(Event.PUBLISHED));
 * queue.refresh(); // start a worker for the new subscription now
 * }</pre>
 */
package dev.byline.delivery;
