package dev.byline.api.keys;

import dev.byline.admin.AdminSite;
import dev.byline.admin.Form;
import dev.byline.auth.AccountException;
import dev.byline.auth.ApiKeys;
import dev.byline.auth.ApiScope;
import dev.byline.auth.AuditLog;
import dev.byline.web.Access;
import dev.byline.web.Auth;
import dev.byline.web.ClientAddress;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code /admin/api-keys}, for administrators: the keys, a form to make one (its secret is shown
 * once, on the answer to that form, and never again), and a button to revoke each. These are
 * browser forms under {@code /admin}, so the session's CSRF check applies to them.
 */
public final class ApiKeyPages implements Routes {
  public static final String PATH = "/admin/api-keys";

  private final AdminSite site;
  private final ApiKeys keys;
  private final AuditLog audit;

  public ApiKeyPages(AdminSite site, ApiKeys keys, AuditLog audit) {
    this.site = site;
    this.keys = keys;
    this.audit = audit;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.get(PATH, this::page, Access.ADMIN);
    routes.post(PATH, this::create, Access.ADMIN);
    routes.post(PATH + "/{id}/revoke", this::revoke, Access.ADMIN);
  }

  private void page(Context ctx) {
    show(ctx, Form.empty(), "", "", 200);
  }

  private void create(Context ctx) {
    var user = Auth.signedIn(ctx);
    var form = Form.read(ctx, "name");
    var scopes = EnumSet.noneOf(ApiScope.class);
    for (var s : ctx.formParams("scope")) {
      var scope = ApiScope.parse(s);
      if (scope.isEmpty()) form.error("scope", "Scope " + s + " is not one of the scopes listed");
      else scopes.add(scope.get());
    }
    if (form.hasErrors()) {
      show(ctx, form, "", "", 400);
      return;
    }
    try {
      var made = keys.create(
          form.value("name"),
          scopes,
          user.id(),
          (tx, key) -> audit.record(
              tx,
              user,
              "api-key.create",
              "api_key",
              key.id(),
              key.name() + " (" + scopeList(key.scopes()) + ")",
              ClientAddress.of(ctx)));
      ctx.header("Cache-Control", "no-store");
      show(ctx, Form.empty(), made.key().name(), made.secret(), 201);
    } catch (AccountException e) {
      form.error("name", "Name " + e.reason());
      show(ctx, form, "", "", 400);
    }
  }

  private void revoke(Context ctx) {
    var user = Auth.signedIn(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFoundResponse("no such key");
    }
    var key = keys.byId(id).orElseThrow(() -> new NotFoundResponse("no such key"));
    keys.revoke(
        id,
        tx -> audit.record(
            tx, user, "api-key.revoke", "api_key", id, key.name(), ClientAddress.of(ctx)));
    throw new Redirect(PATH, 303);
  }

  private void show(Context ctx, Form form, String made, String secret, int status) {
    var scopes = new ArrayList<String>();
    for (var s : ApiScope.values()) scopes.add(s.value());
    ctx.status(status);
    site.render(
        ctx,
        "admin/apiKeys.jte",
        new ApiKeysView(
            site.chrome(ctx, "api-keys"),
            site.dates(),
            keys.all(),
            List.copyOf(scopes),
            form,
            made,
            secret));
  }

  private static String scopeList(java.util.Set<ApiScope> scopes) {
    return scopes.isEmpty()
        ? "read only"
        : String.join(", ", scopes.stream().map(ApiScope::value).sorted().toList());
  }
}
