package dev.byline.web;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up Jetty through Javalin: security headers on every response, one place where errors
 * become pages, and the routes of every feature in the order given (catch-alls last).
 */
public final class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  /** Large enough for any real form post; larger bodies are refused before they are read. */
  public static final long MAX_REQUEST_BYTES = 30L * 1024 * 1024;
  /** Header bytes a browser needs; more is a mistake or an attack, answered with 431. */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  private final Javalin app;

  private WebServer(Javalin app) {
    this.app = app;
  }

  /**
   * @param front a handler placed before the application (e.g. the page cache's fast path), or null
   */
  public static WebServer create(
      SecurityHeaders headers,
      ErrorRenderer errors,
      List<Routes> routes,
      org.eclipse.jetty.server.Handler.Singleton front) {
    var app = Javalin.create(config -> {
      config.http.compressionStrategy = CompressionStrategy.NONE; // pages are precompressed
      config.http.generateEtags = false;
      config.http.maxRequestSize = MAX_REQUEST_BYTES;
      config.startup.showJavalinBanner = false;
      config.router.ignoreTrailingSlashes = true;
      config.jetty.modifyHttpConfiguration(WebServer::limitHeaders);
      // Javalin places its servlet context inside a handler set on the server beforehand, so a
      // front handler answers before any servlet machinery runs.
      if (front != null) config.jetty.modifyServer(server -> server.setHandler(front));
      config.routes.before(headers::apply);
      config.routes.before(RequestChecks::check);
      for (var r : routes) r.routes(config.routes);
      config.routes.exception(
          Redirect.class, (e, ctx) -> ctx.redirect(e.location(), HttpStatus.forStatus(e.status())));
      config.routes.exception(
          RequestChecks.UriTooLong.class,
          (e, ctx) -> error(ctx, errors, 414, "Address too long", e.getMessage()));
      config.routes.exception(
          BadRequest.class, (e, ctx) -> error(ctx, errors, 400, "Bad request", e.getMessage()));
      config.routes.exception(
          HttpResponseException.class,
          (e, ctx) -> error(ctx, errors, e.getStatus(), titleFor(e.getStatus()), e.getMessage()));
      config.routes.exception(Exception.class, (e, ctx) -> {
        log.error(
            "event=request_failed method={} path={} error=\"{}\"",
            ctx.method(),
            ctx.path(),
            e.toString(),
            e);
        error(
            ctx,
            errors,
            500,
            "Something went wrong",
            "The page could not be shown. Please try again in a moment.");
      });
      config.routes.error(404, ctx -> {
        if (ctx.result() == null)
          error(ctx, errors, 404, "Page not found", "There is nothing at this address.");
      });
      config.routes.error(
          405,
          ctx -> error(
              ctx,
              errors,
              405,
              "Method not allowed",
              "This address does not accept that kind of request."));
    });
    return new WebServer(app);
  }

  private static void limitHeaders(HttpConfiguration http) {
    http.setRequestHeaderSize(MAX_HEADER_BYTES);
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
  }

  public WebServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  /** Writes an error page; if the page itself fails, plain text still reaches the reader. */
  static void error(Context ctx, ErrorRenderer errors, int status, String title, String message) {
    var text = message == null
            || message.isBlank()
            || message.equals(HttpStatus.forStatus(status).getMessage())
        ? defaultMessage(status)
        : message;
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    try {
      ctx.contentType("text/html; charset=utf-8");
      ctx.result(errors.render(status, title, text));
    } catch (RuntimeException e) {
      log.error("event=error_page_failed status={} error=\"{}\"", status, e.toString());
      ctx.contentType("text/plain; charset=utf-8");
      ctx.result((status + " " + title + "\n\n" + text + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String titleFor(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Please sign in";
      case 403 -> "Not allowed";
      case 404 -> "Page not found";
      case 405 -> "Method not allowed";
      case 410 -> "Gone";
      case 413 -> "Too large";
      case 429 -> "Too many requests";
      default -> status >= 500 ? "Something went wrong" : "Request refused";
    };
  }

  private static String defaultMessage(int status) {
    return switch (status) {
      case 404 -> "There is nothing at this address.";
      case 413 -> "What you sent is larger than this site accepts.";
      default ->
        status >= 500
            ? "The page could not be shown. Please try again in a moment."
            : "The request could not be handled.";
    };
  }
}
