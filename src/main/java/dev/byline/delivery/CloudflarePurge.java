package dev.byline.delivery;

import dev.byline.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Purges Cloudflare by cache tag: {@code POST /zones/<zone>/purge_cache} with {@code {"tags":
 * [...]}} and a bearer API token. Cloudflare matches tags against the {@code Cache-Tag} header the
 * site sends with every page (the same keys as {@code Surrogate-Key}).
 */
final class CloudflarePurge extends PurgeTarget {
  /** Cloudflare takes at most 30 tags in one purge request on every plan. */
  static final int MAX_TAGS = 30;

  private final URI api;
  private final String zone;
  private final String token;
  private final Http http;

  CloudflarePurge(URI api, String zone, String token, Http http) {
    this.api = api;
    this.zone = zone;
    this.token = token;
    this.http = http;
  }

  @Override
  public String name() {
    return "cloudflare";
  }

  @Override
  public int send(Delivery d) throws DeliveryFailed {
    int status = 0;
    var base = api.toString().endsWith("/") ? api.toString() : api + "/";
    for (var chunk : chunks(keys(d), MAX_TAGS)) {
      var body = Json.MAPPER.createObjectNode();
      var tags = body.putArray("tags");
      chunk.forEach(tags::add);
      status = http.send(HttpRequest.newBuilder(URI.create(base + "zones/" + zone + "/purge_cache"))
          .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json"));
    }
    return status;
  }
}
