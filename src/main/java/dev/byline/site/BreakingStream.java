package dev.byline.site;

import dev.byline.store.Change;
import dev.byline.store.SurrogateKey;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The breaking-news banner pushed to pages that are already open ({@code /breaking/events},
 * Server-Sent Events). A page reads {@code /breaking.json} when it loads; one that stays open is
 * told of every later change within the time the change feed takes to reach this node, which for
 * an editor's save on this node is before the save returns. Each node tells its own readers: it
 * follows the change feed, so a banner raised on another node reaches them too.
 *
 * <p>Every stream is sent the banner as it is when it opens, so a change between the page's load
 * and the stream's start is not missed, then one {@code banner} event per change and a comment
 * every {@value #HEARTBEAT_SECONDS} s so proxies keep the connection. A node takes at most
 * {@code maxClients} streams; the rest are answered 503 and their pages fall back to polling
 * {@code /breaking.json}. A stream holds no thread (the servlet request is asynchronous).
 */
public final class BreakingStream implements Routes, AutoCloseable {
  public static final String PATH = "/breaking/events";
  public static final int DEFAULT_MAX_CLIENTS = 5_000;
  static final int HEARTBEAT_SECONDS = 20;

  private final Supplier<byte[]> banner;
  private final int maxClients;
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  /** One thread sends everything: events in order, and a save never waits for thousands of writes. */
  private final ScheduledExecutorService sender;

  /**
   * @param banner the banner as {@code /breaking.json} has it: the same JSON goes to every stream
   */
  public BreakingStream(Supplier<byte[]> banner, int maxClients) {
    this.banner = banner;
    this.maxClients = maxClients;
    this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
      var t = new Thread(r, "breaking-stream");
      t.setDaemon(true);
      return t;
    });
    sender.scheduleAtFixedRate(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void routes(RoutesConfig routes) {
    var handler = new SseHandler(this::opened);
    routes.get(PATH, ctx -> open(ctx, handler));
  }

  private void open(Context ctx, SseHandler handler) throws Exception {
    if (clients.size() >= maxClients) {
      // EventSource does not retry after an error status: the page keeps polling instead.
      ctx.status(503)
          .header("Retry-After", "120")
          .result("Too many open streams; poll " + BreakingRoutes.PATH + " instead.");
      return;
    }
    var accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      ctx.status(406)
          .result("This is a stream of Server-Sent Events: ask with Accept: "
              + "text/event-stream, or read " + BreakingRoutes.PATH + ".");
      return;
    }
    handler.handle(ctx); // it also tells nginx not to buffer (X-Accel-Buffering: no)
  }

  private void opened(SseClient client) {
    clients.add(client);
    client.onClose(() -> clients.remove(client));
    send(client, current());
    client.keepAlive();
  }

  /** The change-feed listener: a change naming the banner's key is sent to every open stream. */
  public void onChanges(List<Change> changes) {
    for (var c : changes) {
      if (c.keys().contains(SurrogateKey.BREAKING)) {
        sender.execute(this::broadcast);
        return;
      }
    }
  }

  /** Sends the banner as it is now to every open stream. */
  public void broadcast() {
    if (clients.isEmpty()) return;
    var json = current();
    for (var client : clients) send(client, json);
  }

  /** How many streams are open on this node (metrics, tests). */
  public int openStreams() {
    return clients.size();
  }

  private String current() {
    return new String(banner.get(), StandardCharsets.UTF_8);
  }

  private void send(SseClient client, String json) {
    write(client, c -> c.sendEvent("banner", json));
  }

  private void beat() {
    for (var client : clients) write(client, c -> c.sendComment(""));
  }

  /** One write to one stream; a stream whose write fails (the reader left) is forgotten. */
  private void write(SseClient client, java.util.function.Consumer<SseClient> event) {
    try {
      event.accept(client);
    } catch (RuntimeException e) {
      drop(client);
    }
    if (client.terminated()) drop(client);
  }

  /** Forgets a stream whose write failed; Javalin has already ended it. */
  private void drop(SseClient client) {
    clients.remove(client);
  }

  /**
   * Stops sending. The streams themselves end with the web server: ending them here, after it has
   * stopped, would complete requests that no longer exist.
   */
  @Override
  public void close() {
    sender.shutdownNow();
    clients.clear();
  }
}
