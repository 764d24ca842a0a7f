package dev.byline.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.byline.auth.AccountException;
import dev.byline.content.InvalidInput;
import dev.byline.content.StaleEdit;
import dev.byline.json.Json;
import dev.byline.media.MediaException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.EndpointNotFound;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every error becomes a response, once for the whole site. Domain exceptions get their
 * status here (bad input 400, a stale edit 409), handlers only throw. A reader gets the site's
 * error page, or plain text when that page itself fails to render; a JSON client (any
 * {@code /api/} or {@code .json} address, or a request whose {@code Accept} prefers JSON) gets
 * {@code {"error": "..."}}. A 5xx is logged with its path and stack trace and says nothing of
 * its cause to the client.
 *
 * <p>Forms that show a refused value again next to its field catch these exceptions themselves;
 * what they do not catch ends here.
 */
final class Errors {
  private static final Logger log = LoggerFactory.getLogger(Errors.class);
  static final String SERVER_ERROR_PAGE =
      "The page could not be shown. Please try again in a moment.";
  static final String SERVER_ERROR_JSON =
      "The request could not be handled. Please try again in a moment.";

  private final ErrorRenderer pages;

  private Errors(ErrorRenderer pages) {
    this.pages = pages;
  }

  /** Maps every exception and error status on {@code routes} to a page or JSON. */
  static void register(RoutesConfig routes, ErrorRenderer pages) {
    var errors = new Errors(pages);
    routes.exception(
        Redirect.class, (e, ctx) -> ctx.redirect(e.location(), HttpStatus.forStatus(e.status())));
    routes.exception(
        RequestChecks.UriTooLong.class, (e, ctx) -> errors.reply(ctx, 414, e.getMessage()));
    routes.exception(Refused.class, (e, ctx) -> {
      e.headers().forEach(ctx::header);
      errors.reply(ctx, e.status(), e.getMessage());
    });
    routes.exception(BadRequest.class, (e, ctx) -> errors.reply(ctx, 400, e.getMessage()));
    routes.exception(
        InvalidInput.class, (e, ctx) -> errors.reply(ctx, 400, e.getMessage(), e.field()));
    routes.exception(
        AccountException.class, (e, ctx) -> errors.reply(ctx, 400, e.getMessage(), e.field()));
    routes.exception(MediaException.class, (e, ctx) -> errors.reply(ctx, 400, e.getMessage()));
    routes.exception(StaleEdit.class, (e, ctx) -> errors.reply(ctx, 409, e.getMessage()));
    routes.exception(
        HttpResponseException.class, (e, ctx) -> errors.reply(ctx, e.getStatus(), e.getMessage()));
    // Javalin's own words for an address no route takes name the method and path; say it plainly.
    routes.exception(EndpointNotFound.class, (e, ctx) -> errors.reply(ctx, 404, null));
    routes.exception(Exception.class, (e, ctx) -> {
      log.error(
          "event=request_failed method={} path={} error=\"{}\"",
          ctx.method(),
          ctx.path(),
          e.toString(),
          e);
      errors.reply(ctx, 500, null);
    });
    routes.error(404, ctx -> {
      if (ctx.result() == null) errors.reply(ctx, 404, null);
    });
    routes.error(405, ctx -> errors.reply(ctx, 405, null));
  }

  /**
   * Whether the client reads JSON: an address that only ever answers JSON, or an {@code Accept}
   * header that ranks JSON above HTML. Browsers ask for HTML first; a bare {@code *}{@code /*}
   * gets the page.
   */
  static boolean wantsJson(Context ctx) {
    var path = ctx.path();
    if (path.startsWith("/api/") || path.endsWith(".json")) return true;
    var accept = ctx.header("Accept");
    if (accept == null || accept.isBlank()) return false;
    double json = 0, html = 0;
    int jsonAt = Integer.MAX_VALUE, htmlAt = Integer.MAX_VALUE, at = 0;
    for (var range : accept.split(",")) {
      var parts = range.split(";");
      var type = parts[0].strip().toLowerCase(Locale.ROOT);
      double q = quality(parts);
      if (type.equals("application/json") || type.endsWith("+json")) {
        if (q > json) {
          json = q;
          jsonAt = at;
        }
      } else if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
        if (q > html) {
          html = q;
          htmlAt = at;
        }
      }
      at++;
    }
    return json > 0 && (json > html || (json == html && jsonAt < htmlAt));
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      var p = parts[i].strip();
      if (p.startsWith("q=")) {
        try {
          return Math.max(0, Math.min(1, Double.parseDouble(p.substring(2))));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  private void reply(Context ctx, int status, String message) {
    reply(ctx, status, message, null);
  }

  /** Answers {@code status} in the client's format; {@code field} names the bad input, if known. */
  private void reply(Context ctx, int status, String message, String field) {
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    boolean server = status >= 500;
    if (wantsJson(ctx)) {
      var body = new LinkedHashMap<String, Object>();
      body.put("error", server || blank(message, status) ? jsonMessage(status) : message);
      if (field != null && !server) body.put("field", field);
      json(ctx, body);
    } else {
      page(ctx, status, server || blank(message, status) ? pageMessage(status) : message);
    }
  }

  /** The site's error page; plain text when the page itself cannot be rendered. */
  private void page(Context ctx, int status, String message) {
    var title = title(status);
    try {
      var html = pages.render(status, title, message);
      ctx.contentType("text/html; charset=utf-8");
      ctx.result(html);
    } catch (RuntimeException e) {
      log.error(
          "event=error_page_failed status={} path={} error=\"{}\"",
          status,
          ctx.path(),
          e.toString(),
          e);
      ctx.contentType("text/plain; charset=utf-8");
      ctx.result((status + " " + title + "\n\n" + message + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void json(Context ctx, Map<String, Object> body) {
    byte[] bytes;
    try {
      bytes = Json.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      bytes = "{\"error\":\"The request could not be handled.\"}".getBytes(StandardCharsets.UTF_8);
    }
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(bytes);
  }

  private static boolean blank(String message, int status) {
    return message == null
        || message.isBlank()
        || message.equals(HttpStatus.forStatus(status).getMessage());
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Please sign in";
      case 403 -> "Not allowed";
      case 404 -> "Page not found";
      case 405 -> "Method not allowed";
      case 409 -> "Changed by someone else";
      case 410 -> "Gone";
      case 411 -> "Length required";
      case 413 -> "Too large";
      case 414 -> "Address too long";
      case 415 -> "Not taken here";
      case 429 -> "Too many requests";
      default -> status >= 500 ? "Something went wrong" : "Request refused";
    };
  }

  private static String pageMessage(int status) {
    return switch (status) {
      case 404 -> "There is nothing at this address.";
      case 405 -> "This address does not accept that kind of request.";
      case 413 -> "What you sent is larger than this site accepts.";
      default -> status >= 500 ? SERVER_ERROR_PAGE : "The request could not be handled.";
    };
  }

  private static String jsonMessage(int status) {
    return status >= 500 ? SERVER_ERROR_JSON : pageMessage(status);
  }
}
