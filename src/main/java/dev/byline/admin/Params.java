package dev.byline.admin;

import io.javalin.http.Context;

/** Reading ids from paths and form fields: not a positive number is a 404 or an error for the field. */
final class Params {
  private Params() {}

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
