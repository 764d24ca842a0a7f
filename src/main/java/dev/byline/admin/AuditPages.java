package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.site.Dates;
import dev.byline.web.Access;
import dev.byline.web.PageNumber;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** The audit log for admins, newest first, filtered by kind of action. */
public final class AuditPages implements Routes {
  static final int PAGE_SIZE = 50;

  /** One page of the audit log. */
  public record AuditView(
      AdminChrome chrome,
      Dates dates,
      List<AuditLog.Entry> entries,
      String filter,
      int page,
      boolean hasNext) {}

  private final AdminSite site;
  private final AuditLog audit;

  public AuditPages(AdminSite site, AuditLog audit) {
    this.site = site;
    this.audit = audit;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get("/admin/audit", this::show, Access.ADMIN);
  }

  private void show(Context ctx) {
    var filter =
        ctx.queryParam("action") == null ? "" : ctx.queryParam("action").strip();
    int page = PageNumber.of(ctx).value();
    var rows = audit.recent(filter, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
    boolean next = rows.size() > PAGE_SIZE;
    site.render(
        ctx,
        "admin/audit.jte",
        new AuditView(
            site.chrome(ctx, "audit"),
            site.dates(),
            next ? rows.subList(0, PAGE_SIZE) : rows,
            filter,
            page,
            next));
  }
}
