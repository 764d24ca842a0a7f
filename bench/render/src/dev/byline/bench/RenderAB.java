package dev.byline.bench;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Two builds of {@link RenderBench} in one JVM, their rounds interleaved (A, B, A, B ...), so load
 * from elsewhere on the machine falls on both alike. Each build gets its own class loader over its
 * classes and the shared dependencies.
 *
 * <p>Usage: {@code RenderAB CLASSES_A BENCH_A CLASSES_B BENCH_B DEPENDENCY_CLASSPATH [ROUNDS]
 * [RENDERS-PER-ROUND]}
 */
public final class RenderAB {
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 15;
    int perRound = args.length > 6 ? Integer.parseInt(args[6]) : 2000;
    var a = load(args[0], args[1], args[4]);
    var b = load(args[2], args[3], args[4]);
    a.apply(perRound * 2);
    b.apply(perRound * 2);
    var micros = new double[][] {new double[rounds], new double[rounds]};
    var bytes = new double[][] {new double[rounds], new double[rounds]};
    for (int r = 0; r < rounds; r++) {
      var sides = r % 2 == 0 ? List.of(a, b) : List.of(b, a); // alternate who goes first
      for (var side : sides) {
        int i = side == a ? 0 : 1;
        var m = side.apply(perRound);
        micros[i][r] = m[0];
        bytes[i][r] = m[1];
      }
    }
    System.out.printf(
        "%d interleaved rounds of %d renders each, Java %s%n",
        rounds, perRound, System.getProperty("java.version"));
    report("A " + args[0], micros[0], bytes[0]);
    report("B " + args[2], micros[1], bytes[1]);
    var ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) ratios[r] = micros[1][r] / micros[0][r];
    Arrays.sort(ratios);
    System.out.printf(
        "B/A time per round: median %.2f (%.2f to %.2f)%n",
        ratios[rounds / 2], ratios[0], ratios[rounds - 1]);
  }

  private static void report(String label, double[] micros, double[] bytes) {
    var m = micros.clone();
    var b = bytes.clone();
    Arrays.sort(m);
    Arrays.sort(b);
    System.out.printf(
        "%s: median %.1f µs per render (fastest round %.1f), %,.0f bytes allocated%n",
        label, m[m.length / 2], m[0], b[b.length / 2]);
  }

  @SuppressWarnings("unchecked")
  private static IntFunction<double[]> load(String classes, String bench, String dependencies)
      throws Exception {
    var urls = new ArrayList<URL>();
    urls.add(Path.of(classes).toUri().toURL());
    urls.add(Path.of(bench).toUri().toURL());
    for (var jar : dependencies.split(File.pathSeparator))
      if (!jar.isBlank()) urls.add(Path.of(jar).toUri().toURL());
    var loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    var type = loader.loadClass("dev.byline.bench.RenderBench");
    var round =
        (IntFunction<double[]>) inside(loader, () -> type.getMethod("setUp").invoke(null));
    return n -> inside(loader, () -> round.apply(n));
  }

  /** Runs with the build's loader as the context loader, as if it were the application. */
  private static <T> T inside(ClassLoader loader, java.util.concurrent.Callable<T> work) {
    var previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(loader);
    try {
      return work.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }
}
