package dev.byline.delivery;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Purges Fastly by surrogate key: {@code POST /service/<id>/purge} with the keys in the {@code
 * Surrogate-Key} request header and the API token in {@code Fastly-Key}. Fastly matches them
 * against the {@code Surrogate-Key} header the site sends with every page.
 */
final class FastlyPurge extends PurgeTarget {
  /** Fastly takes at most 256 keys in one purge request. */
  static final int MAX_KEYS = 256;

  private final URI api;
  private final String service;
  private final String token;
  private final boolean soft;
  private final Http http;

  FastlyPurge(URI api, String service, String token, boolean soft, Http http) {
    this.api = api;
    this.service = service;
    this.token = token;
    this.soft = soft;
    this.http = http;
  }

  @Override
  public String name() {
    return "fastly";
  }

  @Override
  public int send(Delivery d) throws DeliveryFailed {
    int status = 0;
    for (var chunk : chunks(keys(d), MAX_KEYS)) {
      var request = HttpRequest.newBuilder(api.resolve("/service/" + service + "/purge"))
          .POST(HttpRequest.BodyPublishers.noBody())
          .header("Fastly-Key", token)
          .header("Accept", "application/json")
          .header("Surrogate-Key", String.join(" ", chunk));
      if (soft) request.header("Fastly-Soft-Purge", "1");
      status = http.send(request);
    }
    return status;
  }
}
