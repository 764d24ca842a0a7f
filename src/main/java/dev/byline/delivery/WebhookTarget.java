package dev.byline.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.byline.json.Json;
import dev.byline.live.LiveBlog;
import dev.byline.store.Change;
import dev.byline.wire.PictureFetcher;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * One subscriber's webhook: a JSON body per article event (live coverage included), signed, with the idempotency key in
 * {@code Byline-Delivery}. Loopback and private addresses are refused at each send unless
 * {@code webhooks.allow.private} is set, so a subscription cannot reach into the newsroom's own
 * network.
 *
 * <p>Known limit: the address is checked before the request and the JDK client resolves the name
 * again, so a hostile DNS server could answer differently the second time (rebinding).
 */
final class WebhookTarget implements Target {
  static final String DELIVERY_HEADER = "Byline-Delivery";
  static final String EVENT_HEADER = "Byline-Event";

  private final Subscription subscription;
  private final Http http;
  private final boolean allowPrivate;
  private final LongFunction<Optional<String>> articleUrl;
  private final Clock clock;

  WebhookTarget(
      Subscription subscription,
      Http http,
      boolean allowPrivate,
      LongFunction<Optional<String>> articleUrl,
      Clock clock) {
    this.subscription = subscription;
    this.http = http;
    this.allowPrivate = allowPrivate;
    this.articleUrl = articleUrl;
    this.clock = clock;
  }

  @Override
  public String name() {
    return subscription.target();
  }

  @Override
  public Optional<Queued> wants(Change change) {
    Optional<Event> event;
    if (change.entity().equals("article")) {
      event = Event.ofAction(change.action()).filter(e -> e != Event.LIVE);
    } else if (change.entity().equals(LiveBlog.ENTITY)) {
      event = Optional.of(Event.LIVE);
    } else {
      return Optional.empty();
    }
    event = event.filter(subscription.events()::contains);
    if (event.isEmpty()) return Optional.empty();
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("id", Deliveries.idempotencyKey(change.seq(), name()));
    body.put("event", "article." + event.get().wireName());
    body.put("sequence", change.seq());
    body.put("occurred_at", change.at().toString());
    var article = body.putObject("article");
    article.put("id", change.entityId());
    articleUrl.apply(change.entityId()).ifPresent(url -> article.put("url", url));
    // The live event says what happened; the posts themselves are one API call away.
    if (event.get() == Event.LIVE) body.putObject("live").put("action", change.action());
    return Optional.of(
        new Queued("article:" + change.entityId(), event.get().wireName(), body.toString()));
  }

  @Override
  public int send(Delivery d) throws DeliveryFailed {
    var uri = URI.create(subscription.url());
    refusePrivate(uri);
    long now = clock.millis() / 1000;
    var request = HttpRequest.newBuilder(uri)
        .POST(HttpRequest.BodyPublishers.ofString(d.payload()))
        .header("Content-Type", "application/json")
        .header("User-Agent", "Byline-Webhooks/1")
        .header(DELIVERY_HEADER, d.idempotencyKey())
        .header(EVENT_HEADER, "article." + d.event())
        .header(Signature.HEADER, Signature.header(subscription.secret(), now, d.payload()));
    return http.send(request);
  }

  private void refusePrivate(URI uri) throws DeliveryFailed {
    if (allowPrivate) return;
    try {
      for (var a : InetAddress.getAllByName(uri.getHost())) {
        if (PictureFetcher.isInternal(a))
          throw new DeliveryFailed(
              uri.getHost() + " resolves to " + a.getHostAddress()
                  + ", a private or local address (set webhooks.allow.private to allow it)",
              0);
      }
    } catch (UnknownHostException e) {
      throw new DeliveryFailed(uri.getHost() + " does not resolve", 0);
    }
  }
}
