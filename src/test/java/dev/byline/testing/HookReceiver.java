package dev.byline.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A real HTTP receiver on a free loopback port that records every request and answers as the
 * test says: {@code answer} maps the request's number (1, 2, ...) to a status, or to {@link
 * #HANG} to answer only after {@code hangMillis}, past any sensible timeout.
 */
public final class HookReceiver implements AutoCloseable {
  public static final int HANG = -1;

  /** One request as received, with the status it was answered with. */
  public record Received(
      int number,
      String method,
      String path,
      Map<String, List<String>> headers,
      String body,
      int answered,
      long atNanos) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse("");
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger count = new AtomicInteger();
  private volatile IntFunction<Integer> answer;
  private final long hangMillis;

  private HookReceiver(IntFunction<Integer> answer, long hangMillis) throws IOException {
    this.answer = answer;
    this.hangMillis = hangMillis;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      var t = new Thread(r, "hook-receiver");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  public static HookReceiver start(IntFunction<Integer> answer, long hangMillis) {
    try {
      return new HookReceiver(answer, hangMillis);
    } catch (IOException e) {
      throw new AssertionError("could not start a receiver: " + e, e);
    }
  }

  /** Answers 200 to everything. */
  public static HookReceiver ok() {
    return start(n -> 200, 0);
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange x) throws IOException {
    var body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int n = count.incrementAndGet();
    int status = answer.apply(n);
    long at = System.nanoTime();
    received.add(new Received(
        n,
        x.getRequestMethod(),
        x.getRequestURI().getPath(),
        Map.copyOf(x.getRequestHeaders()),
        body,
        status,
        at));
    if (status == HANG) {
      try {
        Thread.sleep(hangMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      status = 200;
    }
    x.sendResponseHeaders(status, -1);
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
