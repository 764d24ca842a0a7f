package dev.byline.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real varnishd in the foreground on a loopback port, running the shipped {@code
 * deploy/varnish/byline.vcl} with only its two backend addresses pointed at the nodes under test.
 *
 * <pre>{@code
 * Varnish.assumeInstalled();
 * try (var varnish = Varnish.start(dir, Varnish.freePort(), nodeA.port(), nodeB.port())) {
 *   http.send(GET(varnish.url("/world")), ...);
 * }
 * }</pre>
 */
public final class Varnish implements AutoCloseable {
  public static final Path VARNISHD = Path.of("/usr/sbin/varnishd");
  /** The one VCL the project ships; tests run this file, not a copy of its text. */
  public static final Path SHIPPED_VCL = Path.of("deploy/varnish/byline.vcl");

  private final Process process;
  private final int port;
  private final Path log;

  private Varnish(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Skips the test when varnishd is absent, except under CI=true, where it must run. */
  public static void assumeInstalled() {
    assumeTrue(
        Files.isExecutable(VARNISHD) || "true".equals(System.getenv("CI")),
        "varnishd is not installed (apt-get install varnish); under CI=true this test must run");
  }

  /**
   * The shipped VCL with its backends {@code node1} and {@code node2} on loopback at the given
   * ports. Fails if the file no longer declares them as expected, so a changed VCL cannot leave
   * the tests running something else.
   */
  public static String shippedVcl(int node1Port, int node2Port) throws IOException {
    var vcl = Files.readString(SHIPPED_VCL);
    return pointed(pointed(vcl, "node1", node1Port), "node2", node2Port);
  }

  private static String pointed(String vcl, String node, int port) {
    var declared = ".host = \"" + node + "\"; .port = \"8080\";";
    if (!vcl.contains(declared))
      throw new AssertionError(SHIPPED_VCL + " no longer declares " + declared);
    return vcl.replace(declared, ".host = \"127.0.0.1\"; .port = \"" + port + "\";");
  }

  /** Starts varnishd with the shipped VCL in front of two nodes (the same port twice for one). */
  public static Varnish start(Path workDir, int port, int node1Port, int node2Port)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    var vclFile = workDir.resolve("byline.vcl");
    Files.writeString(vclFile, shippedVcl(node1Port, node2Port));
    var log = workDir.resolve("varnishd.log");
    var process = new ProcessBuilder(
            VARNISHD.toString(),
            "-F",
            "-j",
            "none",
            "-n",
            workDir.resolve("instance").toString(),
            "-a",
            "127.0.0.1:" + port,
            "-T",
            "none",
            "-f",
            vclFile.toString(),
            "-s",
            "malloc,32m")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    var varnish = new Varnish(process, port, log);
    var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try (var s = new Socket("127.0.0.1", port)) {
        return varnish;
      } catch (IOException e) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          varnish.close();
          throw new AssertionError("varnishd did not start: " + Files.readString(log));
        }
        Thread.sleep(50);
      }
    }
  }

  public static int freePort() throws IOException {
    try (var s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  public int port() {
    return port;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** What varnishd printed, for failure messages. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
  }
}
