package dev.byline.web;

import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import java.util.Locale;

/**
 * Refuses a multipart body before anything reads it, so an anonymous client cannot make the
 * server spool gigabytes to disk: on an address that takes no uploads with 415, without a
 * {@code Content-Length} with 411, and longer than the limit with 413. Runs before the session
 * and CSRF checks, which would otherwise parse the body to find the form's token.
 */
final class UploadGate {
  private final JavalinState app;
  private final UploadLimits limits;

  /** @param app the server's state, to find the route a request is for */
  UploadGate(JavalinState app, UploadLimits limits) {
    this.app = app;
    this.limits = limits;
  }

  void check(Context ctx) {
    if (!multipart(ctx.contentType())) return;
    var endpoint = app.internalRouter.findFirstHttpHandlerEntry(ctx.method(), ctx.path());
    if (endpoint == null || !takesUploads(endpoint.endpoint) || !limits.takesUploads()) {
      throw Refused.unread(415, "This address does not take file uploads (multipart/form-data).");
    }
    long length = ctx.req().getContentLengthLong();
    if (length < 0) {
      throw Refused.unread(
          411, "An upload must state its size in a Content-Length header; this one did not.");
    }
    if (length > limits.maxRequestBytes()) {
      throw Refused.unread(
          413,
          "The upload is " + megabytes(length) + " MB; this site takes at most "
              + megabytes(limits.maxRequestBytes()) + " MB (a file of up to "
              + megabytes(limits.maxFileBytes()) + " MB and its form fields).");
    }
  }

  /** Whether the route was registered with {@link Upload#FILES}. */
  static boolean takesUploads(Endpoint endpoint) {
    if (HandlerType.GET.equals(endpoint.method) || HandlerType.HEAD.equals(endpoint.method))
      return false;
    var roles = endpoint.metadata(Roles.class);
    return roles != null && roles.getRoles().contains(Upload.FILES);
  }

  static boolean multipart(String contentType) {
    return contentType != null
        && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  private static long megabytes(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }
}
