package dev.byline.api;

import dev.byline.content.InvalidInput;
import dev.byline.json.Json;
import dev.byline.newsletter.BounceReport;
import dev.byline.newsletter.Newsletter;
import dev.byline.web.Access;
import dev.byline.web.ClientAddress;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a mail provider (or the operator's own bounce processor) reports addresses that bounced
 * or complained: {@code POST /api/newsletter/bounces} with {@code Authorization: Bearer SECRET}
 * ({@code newsletter.bounce.secret}), a JSON report ({@code application/json}) or a delivery
 * status notification ({@code message/delivery-status}, {@code multipart/report} or plain
 * text). Each permanent failure or complaint suppresses its address. Answers 200 with how many
 * addresses were suppressed; 400 naming what is wrong with a report; 401 without the secret; 404
 * while no secret is configured. Exempt from CSRF: {@link #PATH}.
 */
public final class BounceIntake implements Routes {
  private static final Logger log = LoggerFactory.getLogger(BounceIntake.class);
  public static final String PATH = "/api/newsletter/bounces";

  private final Newsletter newsletter;

  public BounceIntake(Newsletter newsletter) {
    this.newsletter = newsletter;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.post(PATH, this::take, Access.TOKEN);
  }

  private void take(Context ctx) throws Exception {
    ctx.header("Cache-Control", "no-store");
    var secret = newsletter.settings().bounceSecret();
    if (secret.isEmpty()) {
      json(ctx, 404, Map.of("error", "bounce reports are off: set newsletter.bounce.secret"));
      return;
    }
    var auth = ctx.header("Authorization");
    var given = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip() : "";
    if (!MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
      log.warn("event=newsletter_bounce_refused ip={}", ClientAddress.of(ctx));
      ctx.header("WWW-Authenticate", "Bearer");
      json(ctx, 401, Map.of("error", "missing or wrong token"));
      return;
    }
    if (ctx.contentLength() > BounceReport.MAX_BYTES) {
      json(ctx, 413, Map.of("error", "a report is at most " + BounceReport.MAX_BYTES + " bytes"));
      return;
    }
    var body = ctx.body();
    if (body.length() > BounceReport.MAX_BYTES) {
      json(ctx, 413, Map.of("error", "a report is at most " + BounceReport.MAX_BYTES + " bytes"));
      return;
    }
    List<BounceReport> reports;
    try {
      var type = ctx.contentType() == null ? "" : ctx.contentType();
      reports = type.startsWith("application/json")
          ? List.of(BounceReport.fromJson(body))
          : BounceReport.fromDsn(body);
    } catch (InvalidInput e) {
      json(ctx, 400, Map.of("error", e.field() + " " + e.reason()));
      return;
    }
    int added = 0;
    for (var r : reports) if (newsletter.bounce(r)) added++;
    log.info("event=newsletter_bounces reports={} newly_suppressed={}", reports.size(), added);
    json(ctx, 200, Map.of("reports", reports.size(), "suppressed", added));
  }

  private static void json(Context ctx, int status, Map<String, ?> body) throws Exception {
    ctx.status(status).contentType("application/json").result(Json.MAPPER.writeValueAsString(body));
  }
}
