package dev.byline.admin;

import dev.byline.consent.ConsentPolicy;
import dev.byline.consent.ConsentRecords;
import dev.byline.consent.ConsentRecords.RecordFilter;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.BadRequest;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proof of consent for administrators: {@code /admin/consent} shows the policy revision, how many
 * choices are recorded and the latest ones (or those of one consent id a reader quotes), and
 * {@code /admin/consent/records.csv} exports them, optionally between two dates.
 */
public final class ConsentAdmin implements Routes {
  static final int LATEST = 50;
  private static final Logger log = LoggerFactory.getLogger(ConsentAdmin.class);

  private final AdminSite site;
  private final ConsentRecords records;
  private final ConsentPolicy policy;
  private final Clock clock;

  public ConsentAdmin(AdminSite site, ConsentRecords records, ConsentPolicy policy, Clock clock) {
    this.site = site;
    this.records = records;
    this.policy = policy;
    this.clock = clock.withZone(site.config().timeZone());
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get("/admin/consent", this::page, Access.ADMIN);
    routes.get("/admin/consent/records.csv", this::export, Access.ADMIN);
  }

  private void page(Context ctx) {
    var filter = filter(ctx);
    site.render(
        ctx,
        "admin/consent.jte",
        new ConsentAdminView(
            site.chrome(ctx, "consent"),
            site.dates(),
            policy,
            records.count(),
            records.latest(filter, LATEST),
            text(ctx, "from"),
            text(ctx, "to"),
            text(ctx, "consent"),
            csvLink(ctx)));
  }

  private void export(Context ctx) throws IOException {
    var user = Auth.signedIn(ctx);
    var filter = filter(ctx);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"consent-records-" + LocalDate.now(clock) + ".csv\"");
    var out =
        new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
    long n = records.exportCsv(out, filter);
    log.info("event=consent_export user={} rows={}", user.id(), n);
  }

  private RecordFilter filter(Context ctx) {
    var from = date(ctx, "from");
    var to = date(ctx, "to");
    var id = text(ctx, "consent");
    UUID consentId = null;
    if (!id.isEmpty()) {
      try {
        consentId = UUID.fromString(id);
      } catch (IllegalArgumentException e) {
        throw new BadRequest(
            "consent must be a consent id such as 3f2b8c1e-5d4a-4e8b-9c7d-1a2b3c4d5e6f");
      }
    }
    return new RecordFilter(
        from == null ? null : from.atStartOfDay(clock.getZone()).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(clock.getZone()).toInstant(),
        consentId);
  }

  private static LocalDate date(Context ctx, String name) {
    var v = text(ctx, name);
    if (v.isEmpty()) return null;
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new BadRequest(name + " must be a date such as 2026-01-31");
    }
  }

  private static String text(Context ctx, String name) {
    var v = ctx.queryParam(name);
    return v == null ? "" : v.strip();
  }

  private static String csvLink(Context ctx) {
    var q = ctx.queryString();
    return "/admin/consent/records.csv" + (q == null || q.isEmpty() ? "" : "?" + q);
  }
}
