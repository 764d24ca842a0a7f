package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.auth.Role;
import dev.byline.content.ArticleStatus;
import dev.byline.content.Desk;
import dev.byline.content.DeskItem;
import dev.byline.site.Dates;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The newsroom's front door at {@code /admin}: what is waiting, what is mine, what just happened. */
public final class Dashboard implements Routes {
  /** The dashboard page. {@code activity} is empty for roles that may not read the audit log. */
  public record DashboardView(
      AdminChrome chrome,
      Dates dates,
      Map<ArticleStatus, Integer> counts,
      List<DeskItem> mine,
      List<DeskItem> inReview,
      List<AuditLog.Entry> activity) {}

  private final AdminSite site;
  private final Desk desk;
  private final AuditLog audit;

  public Dashboard(AdminSite site, Desk desk, AuditLog audit) {
    this.site = site;
    this.desk = desk;
    this.audit = audit;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get("/admin", this::show, Access.WRITER);
  }

  private void show(Context ctx) {
    var user = Auth.signedIn(ctx);
    var mine = desk.list(null, "", user.id(), 1, 10).items();
    var review = user.can(Role.EDITOR)
        ? desk.list(ArticleStatus.IN_REVIEW, "", null, 1, 10).items()
        : List.<DeskItem>of();
    var activity = user.can(Role.ADMIN) ? audit.recent("", 0, 10) : List.<AuditLog.Entry>of();
    site.render(
        ctx,
        "admin/dashboard.jte",
        new DashboardView(
            site.chrome(ctx, "dashboard"),
            site.dates(),
            desk.countByStatus(),
            mine,
            review,
            activity));
  }
}
