package dev.byline.web;

import dev.byline.json.Json;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.MultipartConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Sets up Jetty through Javalin: security headers on every response, one guard that checks each
 * route's {@link Access}, one place where errors become pages or JSON ({@link Errors}), and the
 * routes of every feature in the order given (catch-alls last).
 */
public final class WebServer implements AutoCloseable {
  /** One registered route and who may use it (empty: no rule, which is fine outside the newsroom). */
  public record Route(String method, String path, Optional<Access> access) {}

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
   * @param listener the bound socket the server takes its connections from
   */
  public static WebServer create(
      SecurityHeaders headers,
      ErrorRenderer errors,
      List<? extends Routes> routes,
      org.eclipse.jetty.server.Handler.Singleton front,
      Listener listener) {
    return create(headers, errors, routes, front, listener, null, UploadLimits.NONE);
  }

  /**
   * @param requestLog told of every request the application answered (metrics, access log), or
   *     null
   * @param uploads how large an upload may be and where its files wait; only routes marked
   *     {@link Upload#FILES} take one
   */
  public static WebServer create(
      SecurityHeaders headers,
      ErrorRenderer errors,
      List<? extends Routes> routes,
      org.eclipse.jetty.server.Handler.Singleton front,
      Listener listener,
      io.javalin.http.RequestLogger requestLog,
      UploadLimits uploads) {
    prepare(uploads);
    var app = Javalin.create(config -> {
      config.jetty.addConnector((server, http) -> connector(server, http, listener));
      config.http.compressionStrategy = CompressionStrategy.NONE; // pages are precompressed
      config.http.generateEtags = false;
      config.http.maxRequestSize = MAX_REQUEST_BYTES;
      multipart(config.jetty.multipartConfig, uploads);
      config.startup.showJavalinBanner = false;
      if (requestLog != null) config.requestLogger.http(requestLog);
      config.jsonMapper(new JavalinJackson(Json.MAPPER, false)); // ctx.json: the one mapper
      config.router.ignoreTrailingSlashes = true;
      config.jetty.modifyHttpConfiguration(WebServer::limitHeaders);
      // Javalin places its servlet context inside a handler set on the server beforehand, so a
      // front handler answers before any servlet machinery runs.
      if (front != null) config.jetty.modifyServer(server -> server.setHandler(front));
      config.jetty.modifyServer(server -> server.setErrorHandler(new StrictErrorHandler(headers)));
      config.routes.before(headers::apply);
      config.routes.before(RequestChecks::check);
      // Before any feature's before-handlers: the session gate reads a form's CSRF field from
      // its body, and would call a PUT to a page an expired form.
      config.routes.before(new UploadGate(config.unsafe, uploads)::check);
      config.routes.before(new AllowedMethods(config.unsafe)::check);
      for (var r : routes) r.routes(config.routes);
      HeadRoutes.mirror(config.unsafe, config.routes);
      config.routes.beforeMatched(new AccessGuard(config.unsafe)::check);
      Errors.register(config.routes, errors);
    });
    return new WebServer(app);
  }

  /**
   * Jetty's multipart parser set explicitly (its defaults have no limits and write to the
   * system's temporary folder). The gate has already refused longer bodies; these limits also
   * hold while a body is read.
   */
  private static void multipart(MultipartConfig multipart, UploadLimits uploads) {
    multipart.maxFileSize(uploads.maxFileBytes(), SizeUnit.BYTES);
    multipart.maxTotalRequestSize(uploads.maxRequestBytes(), SizeUnit.BYTES);
    multipart.maxInMemoryFileSize(uploads.inMemoryBytes(), SizeUnit.BYTES);
    if (uploads.tempDir() != null) multipart.cacheDirectory(uploads.tempDir().toString());
  }

  /** Creates the uploads' folder and removes what a stopped server left in it. */
  private static void prepare(UploadLimits uploads) {
    if (uploads.tempDir() == null) return;
    try {
      Files.createDirectories(uploads.tempDir());
      try (var left = Files.list(uploads.tempDir())) {
        for (var file : (Iterable<Path>) left::iterator)
          if (Files.isRegularFile(file)) Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          new IOException("cannot prepare the upload folder " + uploads.tempDir(), e));
    }
  }

  private static void limitHeaders(HttpConfiguration http) {
    http.setRequestHeaderSize(MAX_HEADER_BYTES);
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
  }

  /** Jetty's connector on the socket already bound, so the port is never let go in between. */
  private static ServerConnector connector(
      Server server, HttpConfiguration http, Listener listener) {
    var connector = new ServerConnector(server, new HttpConnectionFactory(http));
    try {
      connector.open(listener.channel());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return connector;
  }

  public WebServer start() {
    app.start();
    return this;
  }

  /** The port Jetty listens on. */
  public int port() {
    return app.port();
  }

  /**
   * Every route the server answers, in the order registered: for tests and operators. HEAD is
   * answered wherever GET is, by the same handler, and not listed again.
   */
  public List<Route> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(p -> p.endpoint)
        .filter(e -> e.method.isHttpMethod() && !HandlerType.HEAD.equals(e.method))
        .map(e -> new Route(e.method.name(), e.path, AccessGuard.of(e)))
        .toList();
  }

  @Override
  public void close() {
    app.stop();
  }
}
