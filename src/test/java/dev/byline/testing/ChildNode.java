package dev.byline.testing;

import dev.byline.Main;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code byline serve} in a child JVM on a given port, as an operator runs a node: it can be
 * killed abruptly ({@link #kill}, SIGKILL: no shutdown hook runs) and started again on the same
 * data directory and port. Output goes to a log file that survives restarts.
 *
 * <pre>{@code
 * var node = ChildNode.start(dir, port, Map.of("database.url", url));
 * node.kill();
 * node = ChildNode.start(dir, port, Map.of("database.url", url)); // same data, same port
 * }</pre>
 */
public final class ChildNode implements AutoCloseable {
  /** Starting a JVM and a site on a shared, busy machine; still bounded. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;
  private final Path log;

  private ChildNode(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts a node and returns once it answers {@code /healthz}. */
  public static ChildNode start(Path dataDir, int port, Map<String, String> settings)
      throws IOException, InterruptedException {
    Files.createDirectories(dataDir);
    var log = dataDir.resolve("node.log");
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-XX:+UseSerialGC");
    // The quick compiler only: a node starts in a third of the time on a busy machine.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(classPath());
    command.add(Main.class.getName());
    command.add("serve");
    command.add("--data");
    command.add(dataDir.toString());
    command.add("--port");
    command.add(Integer.toString(port));
    for (var e : new TreeMap<>(settings).entrySet()) {
      command.add("--set");
      command.add(e.getKey() + "=" + e.getValue());
    }
    var process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    var node = new ChildNode(process, port, log);
    node.awaitHealthy();
    return node;
  }

  /**
   * The classes and jars of this test run. Surefire hides them behind a manifest-only jar on
   * {@code java.class.path} and names them in {@code surefire.test.class.path}.
   */
  static String classPath() {
    var surefire = System.getProperty("surefire.test.class.path");
    var cp =
        surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    return cp;
  }

  private void awaitHealthy() throws InterruptedException {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    var deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      if (!process.isAlive())
        throw new AssertionError("the node exited with " + process.exitValue() + ":\n" + log());
      try {
        var r = http.send(
            HttpRequest.newBuilder(URI.create(url("/healthz")))
                .timeout(Duration.ofSeconds(2))
                .build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) return;
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        kill();
        throw new AssertionError("the node did not answer within " + START_TIMEOUT + ":\n" + log());
      }
      Thread.sleep(50);
    }
  }

  public int port() {
    return port;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the JVM at once (SIGKILL): no shutdown hook, no flush, no goodbye to the database. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS))
      throw new AssertionError("the node did not die within 10 s");
  }

  /** Everything the node printed, across restarts. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) return;
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
  }
}
