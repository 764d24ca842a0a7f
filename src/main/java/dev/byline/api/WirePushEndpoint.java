package dev.byline.api;

import dev.byline.json.Json;
import dev.byline.web.Access;
import dev.byline.web.ClientAddress;
import dev.byline.web.Routes;
import dev.byline.wire.PictureResolver;
import dev.byline.wire.Quarantine;
import dev.byline.wire.Wire;
import dev.byline.wire.WireDesk;
import dev.byline.wire.WireIngest;
import dev.byline.wire.WireSource;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/wire/{source}}: an agency pushes one file (any format the desk reads) with
 * {@code Authorization: Bearer TOKEN}, the token configured for that source. Answers 200 with
 * what the desk did; 422 with the reason when the file or one of its items is refused (the body
 * is quarantined); 503 with {@code Retry-After} when an item could not be stored for a reason
 * that may pass; 500, in JSON, when storing failed otherwise (the body is quarantined); 401 for
 * a wrong token; 404 for a source that takes no pushes. Exempt from CSRF: {@link #PATH_PREFIX}.
 */
public final class WirePushEndpoint implements Routes {
  public static final String PATH_PREFIX = "/api/wire/";
  private static final Logger log = LoggerFactory.getLogger(WirePushEndpoint.class);

  private final Wire wire;
  private final Clock clock;

  public WirePushEndpoint(Wire wire, Clock clock) {
    this.wire = wire;
    this.clock = clock;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.post(PATH_PREFIX + "{source}", this::push, Access.TOKEN);
  }

  private void push(Context ctx) throws Exception {
    ctx.header("Cache-Control", "no-store");
    var source = wire.sources()
        .byName(ctx.pathParam("source"))
        .filter(s -> !s.pushToken().isEmpty());
    if (source.isEmpty()) {
      json(ctx, 404, Map.of("error", "this source does not take pushed items"));
      return;
    }
    var auth = ctx.header("Authorization");
    var given = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip() : "";
    if (!MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8),
        source.get().pushToken().getBytes(StandardCharsets.UTF_8))) {
      log.warn(
          "event=wire_push_refused source={} ip={}", source.get().name(), ClientAddress.of(ctx));
      ctx.header("WWW-Authenticate", "Bearer");
      json(ctx, 401, Map.of("error", "missing or wrong token"));
      return;
    }
    var bytes = ctx.bodyAsBytes();
    var name = "push-" + clock.millis() + (bytes.length > 0 && bytes[0] == '{' ? ".json" : ".xml");
    try {
      take(ctx, source.get(), name, bytes);
    } catch (Exception | Error e) {
      // Nothing one delivery does may take the endpoint down: it is kept for the desk and the
      // agency is told, in JSON, that the fault was ours.
      log.error("event=wire_push_failed source={} error={}", source.get().name(), e.getClass(), e);
      try {
        quarantine(source.get(), name, bytes, "", WireIngest.unreadable(e).reason());
      } catch (RuntimeException again) {
        log.error("event=wire_push_not_quarantined source={}", source.get().name(), again);
      }
      json(ctx, 500, Map.of("error", "the item could not be stored; it was kept for the desk"));
    }
  }

  private void take(Context ctx, WireSource source, String name, byte[] bytes) throws Exception {
    var read = wire.ingest().read(source, name, bytes, PictureResolver.Beside.NONE);
    if (read.failed()) {
      quarantine(source, name, bytes, read.failure().where(), read.failure().reason());
      json(ctx, 422, Map.of("error", read.failure().getMessage()));
      return;
    }
    int imported = 0, updated = 0, ignored = 0, failed = 0;
    boolean retry = false;
    var errors = new ArrayList<String>();
    for (var o : wire.ingest().ingest(read.items(), WireDesk.Options.NONE)) {
      switch (o.result()) {
        case IMPORTED -> imported++;
        case UPDATED -> updated++;
        case IGNORED -> ignored++;
        case FAILED -> {
          failed++;
          retry |= o.mayPass();
          errors.add("item " + o.incoming().item().guid() + ": " + o.reason());
        }
      }
    }
    if (failed > 0 && !retry) quarantine(source, name, bytes, "", String.join("; ", errors));
    var body = new LinkedHashMap<String, Object>(
        Map.of("imported", imported, "updated", updated, "ignored", ignored, "failed", failed));
    if (!errors.isEmpty()) body.put("errors", errors);
    if (retry) {
      // The fault is ours and may pass: the agency's software should send the item again.
      ctx.header("Retry-After", "60");
      json(ctx, 503, body);
      return;
    }
    json(ctx, failed > 0 ? 422 : 200, body);
  }

  private void quarantine(
      WireSource source, String name, byte[] bytes, String where, String reason) {
    new Quarantine(source.folder().resolve("quarantine"))
        .copy(name, bytes, where, reason, wire.ingest().clock().instant());
  }

  private static void json(Context ctx, int status, Map<String, ?> body) throws Exception {
    ctx.status(status).contentType("application/json").result(Json.MAPPER.writeValueAsString(body));
  }
}
