package dev.byline.admin;

import dev.byline.auth.AuditLog;
import dev.byline.content.InvalidInput;
import dev.byline.delivery.Deliveries;
import dev.byline.delivery.Delivery;
import dev.byline.delivery.DeliveryQueue;
import dev.byline.delivery.Event;
import dev.byline.delivery.Subscription;
import dev.byline.delivery.Subscriptions;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.ClientAddress;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;

/**
 * Webhooks for admins: {@code /admin/webhooks} lists subscriptions (with their signing secrets)
 * and adds or removes them; {@code /admin/deliveries} is the delivery log of webhooks and cache
 * purges, newest first, with status, attempts and the last error.
 */
public final class WebhookPages implements Routes {
  static final int LOG_SIZE = 100;

  /** The subscriptions page. */
  public record WebhooksView(
      AdminChrome chrome, List<Subscription> subscriptions, List<Event> events, Form form) {}

  /** The delivery log. */
  public record DeliveriesView(
      AdminChrome chrome, dev.byline.site.Dates dates, List<Delivery> deliveries, String target) {}

  private final AdminSite site;
  private final Subscriptions subscriptions;
  private final Deliveries deliveries;
  private final DeliveryQueue queue;
  private final AuditLog audit;

  public WebhookPages(
      AdminSite site,
      Subscriptions subscriptions,
      Deliveries deliveries,
      DeliveryQueue queue,
      AuditLog audit) {
    this.site = site;
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.queue = queue;
    this.audit = audit;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get("/admin/webhooks", ctx -> page(ctx, Form.empty(), 200), Access.ADMIN);
    r.post("/admin/webhooks", this::create, Access.ADMIN);
    r.post("/admin/webhooks/{id}/remove", this::remove, Access.ADMIN);
    r.get("/admin/deliveries", this::log, Access.ADMIN);
  }

  private void page(Context ctx, Form form, int status) {
    ctx.status(status);
    site.render(
        ctx,
        "admin/webhooks.jte",
        new WebhooksView(
            site.chrome(ctx, "webhooks"), subscriptions.all(), List.of(Event.values()), form));
  }

  private void create(Context ctx) {
    var user = Auth.signedIn(ctx);
    var fields = new String[Event.values().length + 1];
    fields[0] = "url";
    for (var e : Event.values()) fields[e.ordinal() + 1] = "event-" + e.wireName();
    var form = Form.read(ctx, fields);
    var events = EnumSet.noneOf(Event.class);
    for (var e : Event.values()) if (form.checked("event-" + e.wireName())) events.add(e);
    try {
      var made = subscriptions.create(form.value("url"), events);
      audit.record(user, "webhook.create", "webhook", made.id(), made.url(), ClientAddress.of(ctx));
    } catch (InvalidInput e) {
      form.error(
          e.field().equals("events") ? "event-published" : e.field(),
          e.field().equals("events")
              ? "Choose at least one event"
              : ArticleInput.sentence("Address", e.reason()));
      page(ctx, form, 400);
      return;
    }
    queue.refresh();
    throw new Redirect("/admin/webhooks", 303);
  }

  private void remove(Context ctx) {
    var user = Auth.signedIn(ctx);
    long id = Params.id(ctx, "id");
    subscriptions.deactivate(id);
    audit.record(user, "webhook.remove", "webhook", id, "", ClientAddress.of(ctx));
    queue.refresh();
    throw new Redirect("/admin/webhooks", 303);
  }

  private void log(Context ctx) {
    var target =
        ctx.queryParam("target") == null ? "" : ctx.queryParam("target").strip();
    site.render(
        ctx,
        "admin/deliveries.jte",
        new DeliveriesView(
            site.chrome(ctx, "deliveries"),
            site.dates(),
            deliveries.recent(target, LOG_SIZE),
            target));
  }
}
