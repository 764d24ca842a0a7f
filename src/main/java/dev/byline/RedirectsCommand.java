package dev.byline;

import dev.byline.redirect.RedirectCsv;
import dev.byline.redirect.RedirectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code byline redirects import FILE.csv}: old addresses of any site, answered with 301. */
@Command(
    name = "redirects",
    mixinStandardHelpOptions = true,
    description = "Old addresses that answer 301 (filled by imports, or from a CSV file).",
    subcommands = {RedirectsCommand.Import.class})
final class RedirectsCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Read old,new address pairs from a CSV file (old: a path or a URL of the old site; new: a path on this site).",
        "Every line is checked first: if any cannot be read, nothing is stored and each problem is named.",
        "An old address that already leads elsewhere is kept unless --replace is given."
      })
  static final class Import implements Callable<Integer> {
    @Mixin
    Main.ConfigOptions options = new Main.ConfigOptions();

    @Parameters(paramLabel = "FILE", description = "A CSV file of old,new pairs.")
    Path file;

    @Option(
        names = "--replace",
        description = "Let the file change where existing old addresses lead.")
    boolean replace;

    @Override
    public Integer call() throws Exception {
      var config = options.load(Map.of());
      if (!Files.isRegularFile(file)) {
        System.err.println("byline: " + file + " is not a file");
        return 2;
      }
      java.util.List<dev.byline.redirect.LegacyUrl> rows;
      try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        rows = RedirectCsv.read(in, config.baseUrl(), "csv:" + file.getFileName());
      } catch (RedirectCsv.Problems e) {
        System.err.println("byline: nothing was stored; " + file.getFileName() + " has "
            + e.lines().size() + " problem(s):");
        e.lines().stream().limit(50).forEach(l -> System.err.println("  " + l));
        return 2;
      } catch (java.nio.charset.CharacterCodingException e) {
        System.err.println("byline: " + file + " is not UTF-8 text; save it as CSV UTF-8");
        return 2;
      }
      try (var newsroom = Newsroom.open(config, Clock.systemUTC())) {
        var counts = newsroom.redirects().putAll(rows, replace);
        System.out.println(counts.get(RedirectStore.Stored.ADDED) + " added, "
            + counts.get(RedirectStore.Stored.UNCHANGED) + " unchanged, "
            + counts.get(RedirectStore.Stored.REPLACED) + " replaced, "
            + counts.get(RedirectStore.Stored.KEPT_OTHER)
            + " kept as they were (they already lead elsewhere"
            + (replace ? ")" : "; --replace changes them)"));
      }
      return 0;
    }
  }
}
