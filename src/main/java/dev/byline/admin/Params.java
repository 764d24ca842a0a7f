package dev.byline.admin;

import dev.byline.web.BadRequest;
import io.javalin.http.Context;

/** Reading numbers from paths and query strings, with a 400 naming the parameter when they are not numbers. */
final class Params {
  private Params() {}

  static int page(Context ctx) {
    var v = ctx.queryParam("page");
    if (v == null || v.isBlank()) return 1;
    try {
      int n = Integer.parseInt(v.strip());
      if (n < 1 || n > 100_000) throw new BadRequest("page must be between 1 and 100000");
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequest("page must be a number");
    }
  }

  static long id(Context ctx, String name) {
    try {
      long n = Long.parseLong(ctx.pathParam(name));
      if (n <= 0) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new io.javalin.http.NotFoundResponse("There is nothing at this address.");
    }
  }

  /** An optional positive id from a form field; blank is null, anything else not a number is an error for that field. */
  static Long optionalId(Form form, String field, String message) {
    var v = form.value(field).strip();
    if (v.isEmpty()) return null;
    try {
      long n = Long.parseLong(v);
      if (n > 0) return n;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    form.error(field, message);
    return null;
  }
}
