package dev.byline.web;

import io.javalin.security.RouteRole;

/**
 * Marks a route that takes files in a {@code multipart/form-data} body, next to its {@link
 * Access}: {@code r.post("/admin/photos", this::upload, Access.WRITER, Upload.FILES)}. A
 * multipart body sent anywhere else is refused with 415 before it is read, so nobody can make
 * the server spool a large body to disk by posting it to an address that ignores it.
 */
public enum Upload implements RouteRole {
  FILES
}
