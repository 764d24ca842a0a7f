package dev.byline;

import dev.byline.config.Config;
import dev.byline.config.ConfigException;
import dev.byline.config.ConfigLoader;
import dev.byline.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code byline} command line. With no command it serves. */
@Command(name = "byline", mixinStandardHelpOptions = true, version = "Byline 0.1",
    description = "A news publishing platform: wire feeds and editors in, fast accessible pages out.",
    subcommands = {Main.Serve.class, Main.Demo.class, ImportCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
  static final int EXIT_CONFIG = 2;

  @Mixin ConfigOptions options = new ConfigOptions();
  @Mixin ServeOptions serve = new ServeOptions();

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    var cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof ConfigException || e instanceof StoreException) {
        cmd.getErr().println("byline: " + e.getMessage());
        return EXIT_CONFIG;
      }
      throw e;
    });
    return cli.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    return serve(options, serve);
  }

  /** Options every command shares: where the data and the configuration are. */
  static final class ConfigOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ./data).")
    String data;
    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: DIR/byline.properties).")
    Path configFile;
    @Option(names = "--base-url", paramLabel = "URL", description = "Public URL readers use, e.g. https://news.example.")
    String baseUrl;
    @Option(names = "--site-name", paramLabel = "NAME", description = "The publication's name.")
    String siteName;
    @Option(names = "--language", paramLabel = "TAG", description = "Language tag, e.g. en or en-GB.")
    String language;
    @Option(names = "--time-zone", paramLabel = "ZONE", description = "Time zone for dates, e.g. Europe/London.")
    String timeZone;
    @Option(names = "--database-url", paramLabel = "JDBC", description = "A jdbc:postgresql: URL; default is SQLite in the data directory.")
    String databaseUrl;
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any other setting, e.g. --set consent.ga4.id=G-XXXX.")
    Map<String, String> extra = new HashMap<>();

    Config load(Map<String, String> more) {
      var flags = new HashMap<String, String>(extra);
      put(flags, "data", data);
      put(flags, "base.url", baseUrl);
      put(flags, "site.name", siteName);
      put(flags, "language", language);
      put(flags, "time.zone", timeZone);
      put(flags, "database.url", databaseUrl);
      flags.putAll(more);
      return new ConfigLoader(System.getenv()).load(flags, configFile);
    }

    private static void put(Map<String, String> m, String k, String v) {
      if (v != null) m.put(k, v);
    }
  }

  /** Options of commands that serve. */
  static final class ServeOptions {
    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default: 8080; 0 picks a free one).")
    Integer port;
    @Option(names = "--demo", description = "Seed the demo newsroom first if it is not there yet.")
    boolean demo;

    Map<String, String> flags() {
      var m = new HashMap<String, String>();
      if (port != null) m.put("port", port.toString());
      if (demo) m.put("demo", "true");
      return m;
    }
  }

  static int serve(ConfigOptions options, ServeOptions serve) throws InterruptedException {
    var config = options.load(serve.flags());
    var byline = Byline.start(config);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      byline.close();
      stopped.countDown();
    }, "byline-shutdown"));
    System.out.println("Byline is serving " + config.siteName() + " at " + byline.url()
        + (config.baseUrl().equals("http://localhost:" + byline.port()) ? "" : " (public URL " + config.baseUrl() + "/)"));
    System.out.flush();
    stopped.await();
    return 0;
  }

  @Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the site (the default command).")
  static final class Serve implements Callable<Integer> {
    @Mixin ConfigOptions options = new ConfigOptions();
    @Mixin ServeOptions serve = new ServeOptions();

    @Override
    public Integer call() throws Exception {
      return Main.serve(options, serve);
    }
  }

  @Command(name = "demo", mixinStandardHelpOptions = true,
      description = "Seed the demo newsroom into the data directory. Running it twice changes nothing.")
  static final class Demo implements Callable<Integer> {
    @Mixin ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
      try (var newsroom = Newsroom.open(options.load(Map.of()), Clock.systemUTC())) {
        int n = newsroom.demo().seed();
        System.out.println(n == 0 ? "The demo newsroom is already there; nothing changed."
            : "Seeded the demo newsroom: " + n + " stories in " + newsroom.sections().all().size() + " sections.");
      }
      return 0;
    }
  }
}
