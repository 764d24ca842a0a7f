package dev.byline.testing;

import dev.byline.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the {@code byline} command line in this JVM, capturing what it prints. */
public final class Cli {
  private Cli() {}

  /** What a command did: its exit code and everything it wrote. */
  public record Run(int exit, String out, String err) {
    public Run assertSucceeded() {
      if (exit != 0)
        throw new AssertionError("exit " + exit + "\nstdout: " + out + "\nstderr: " + err);
      return this;
    }
  }

  public static synchronized Run run(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var oldOut = System.out;
    var oldErr = System.err;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      var cli = new CommandLine(new Main());
      cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
      cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
      int code = cli.execute(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
