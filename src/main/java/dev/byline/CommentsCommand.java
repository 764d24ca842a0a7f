package dev.byline;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code byline comments export [FILE]}: the comments imports kept, which the site does not show. */
@Command(
    name = "comments",
    mixinStandardHelpOptions = true,
    description = "Comments kept from a migrated site (Byline does not show comments yet).",
    subcommands = {CommentsCommand.Export.class})
final class CommentsCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write every kept comment as CSV (UTF-8), to FILE or to standard output.")
  static final class Export implements Callable<Integer> {
    @Mixin
    Main.ConfigOptions options = new Main.ConfigOptions();

    @Parameters(
        paramLabel = "FILE",
        arity = "0..1",
        description = "Where to write (default: standard output).")
    Path file;

    @Override
    public Integer call() throws Exception {
      try (var newsroom = Newsroom.open(options.load(Map.of()), Clock.systemUTC())) {
        var comments = newsroom.migrations().comments();
        int n;
        if (file == null) {
          var out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
          n = comments.exportCsv(out);
          out.flush();
        } else {
          try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            n = comments.exportCsv(out);
          }
          System.err.println("Wrote " + n + " comment(s) to " + file);
        }
      }
      return 0;
    }
  }
}
