package dev.byline.site;

import dev.byline.consent.ConsentChoiceReader;
import dev.byline.consent.ConsentRecords;
import dev.byline.consent.IpPrefix;
import dev.byline.consent.SubmissionLimiter;
import dev.byline.content.InvalidInput;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /consent/records}: the consent script reports each choice here as proof.
 *
 * <p>Readers have no session, so this path is exempt from the session CSRF check (see
 * {@link #CSRF_EXEMPT_PREFIX}); instead a request must come from this site's own pages (its
 * {@code Origin}, or {@code Sec-Fetch-Site: same-origin}), be {@code application/json} (which a
 * cross-site form cannot send without a CORS preflight that is never granted), stay under
 * {@link ConsentChoiceReader#MAX_BYTES}, and keep within the rate limit for its network.
 * Answers: 204 stored; 400 naming the bad field; 403 foreign origin; 413 too large; 415 not JSON;
 * 429 too many.
 */
public final class ConsentRoutes implements Routes {
  /** The path prefix the composition root exempts from the session CSRF check. */
  public static final String CSRF_EXEMPT_PREFIX = "/consent/";

  private static final Logger log = LoggerFactory.getLogger(ConsentRoutes.class);

  private final ConsentChoiceReader reader;
  private final ConsentRecords records;
  private final SubmissionLimiter limiter;
  private final String siteOrigin;
  private final Function<Context, String> clientAddress;

  /**
   * @param clientAddress the reader's address as the server should believe it (the connection's,
   *     or a trusted proxy's report); it is truncated before it is stored or used as a rate-limit key
   */
  public ConsentRoutes(
      ConsentChoiceReader reader,
      ConsentRecords records,
      SubmissionLimiter limiter,
      String baseUrl,
      Function<Context, String> clientAddress) {
    this.reader = reader;
    this.records = records;
    this.limiter = limiter;
    this.siteOrigin = origin(baseUrl);
    this.clientAddress = clientAddress;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.post(ConsentMarkup.RECORDS_PATH, this::record);
  }

  private void record(Context ctx) throws IOException {
    ctx.header("Cache-Control", "no-store");
    if (!sameOrigin(ctx)) {
      reply(ctx, 403, "consent records are accepted only from this site's own pages");
      return;
    }
    var type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/json")) {
      reply(ctx, 415, "send the choice as application/json");
      return;
    }
    var length = ctx.req().getContentLengthLong();
    if (length > ConsentChoiceReader.MAX_BYTES) {
      reply(ctx, 413, "a consent record is at most " + ConsentChoiceReader.MAX_BYTES + " bytes");
      return;
    }
    var address = clientAddress.apply(ctx);
    var network = IpPrefix.of(address);
    if (!limiter.tryAcquire(network)) {
      ctx.header("Retry-After", Long.toString(limiter.retryAfterSeconds()));
      reply(ctx, 429, "too many consent records from your network; try again shortly");
      return;
    }
    var body = ctx.req().getInputStream().readNBytes(ConsentChoiceReader.MAX_BYTES + 1);
    if (body.length > ConsentChoiceReader.MAX_BYTES) {
      reply(ctx, 413, "a consent record is at most " + ConsentChoiceReader.MAX_BYTES + " bytes");
      return;
    }
    try {
      var choice = reader.read(body);
      var saved = records.save(choice, address, ctx.userAgent());
      log.info(
          "event=consent_recorded record={} action={} revision={}",
          saved.id(),
          choice.action().id(),
          choice.revision());
      ctx.status(204);
    } catch (InvalidInput e) {
      reply(ctx, 400, e.getMessage());
    }
  }

  private boolean sameOrigin(Context ctx) {
    var origin = ctx.header("Origin");
    if (origin == null || origin.isEmpty())
      return "same-origin".equals(ctx.header("Sec-Fetch-Site"));
    if (origin.equals(siteOrigin)) return true;
    var host = ctx.header("Host");
    var own = origin(origin);
    return host != null
        && !own.isEmpty()
        && own.substring(own.indexOf("://") + 3).equalsIgnoreCase(host);
  }

  private static void reply(Context ctx, int status, String message) {
    ctx.status(status);
    ctx.json(Map.of("error", message));
  }

  /** scheme://host[:port] of a URL, or empty if it is not one. */
  static String origin(String url) {
    try {
      var u = URI.create(url.strip());
      if (u.getScheme() == null || u.getHost() == null) return "";
      return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT)
          + (u.getPort() < 0 ? "" : ":" + u.getPort());
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
