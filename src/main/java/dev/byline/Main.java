package dev.byline;

import dev.byline.auth.AccountException;
import dev.byline.auth.Accounts;
import dev.byline.auth.Role;
import dev.byline.config.Config;
import dev.byline.config.ConfigException;
import dev.byline.config.ConfigLoader;
import dev.byline.search.SearchIndex;
import dev.byline.store.StoreException;
import dev.byline.wire.Wire;
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
@Command(
    name = "byline",
    mixinStandardHelpOptions = true,
    version = "Byline 0.1",
    description =
        "A news publishing platform: wire feeds and editors in, fast accessible pages out.",
    subcommands = {
      Main.Serve.class,
      Main.Demo.class,
      Main.UserCommand.class,
      Main.Reindex.class,
      ImportCommand.class,
      RedirectsCommand.class,
      CommentsCommand.class,
      BackupCommand.Take.class,
      BackupCommand.Bring.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {
  static final int EXIT_CONFIG = 2;

  @Mixin
  ConfigOptions options = new ConfigOptions();

  @Mixin
  ServeOptions serve = new ServeOptions();

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    CommandLine cli;
    if (args.length > 0 && args[0].equals("serve")) {
      // Building the whole command tree reflects over every subcommand, a fifth of a second at
      // start-up; serving, the one command whose start-up time matters, needs only its own.
      cli = new CommandLine(new Serve());
      cli.setCommandName("byline serve");
      args = java.util.Arrays.copyOfRange(args, 1, args.length);
    } else {
      cli = new CommandLine(new Main());
    }
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof ConfigException
          || e instanceof StoreException
          || e instanceof SearchIndex.IndexInUse) {
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

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "Configuration file (default: DIR/byline.properties).")
    Path configFile;

    @Option(
        names = "--base-url",
        paramLabel = "URL",
        description = "Public URL readers use, e.g. https://news.example.")
    String baseUrl;

    @Option(names = "--site-name", paramLabel = "NAME", description = "The publication's name.")
    String siteName;

    @Option(
        names = "--language",
        paramLabel = "TAG",
        description = "Language tag, e.g. en or en-GB.")
    String language;

    @Option(
        names = "--time-zone",
        paramLabel = "ZONE",
        description = "Time zone for dates, e.g. Europe/London.")
    String timeZone;

    @Option(
        names = "--database-url",
        paramLabel = "JDBC",
        description = "A jdbc:postgresql: URL; default is SQLite in the data directory.")
    String databaseUrl;

    @Option(
        names = "--set",
        paramLabel = "KEY=VALUE",
        description = "Any other setting, e.g. --set consent.ga4.id=G-XXXX.")
    Map<String, String> extra = new HashMap<>();

    Config load(Map<String, String> more) {
      var flags = new HashMap<String, String>(extra);
      put(flags, "data", data);
      put(flags, "base.url", baseUrl);
      put(flags, "site.name", siteName);
      put(flags, "site.language", language);
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
    @Option(
        names = "--port",
        paramLabel = "N",
        description = "HTTP port (default: 8080; 0 picks a free one).")
    Integer port;

    @Option(names = "--demo", description = "Seed the demo newsroom first if it is not there yet.")
    boolean demo;

    @Option(
        names = "--dev",
        description =
            "Development: templates are read from src/main/jte (or --set dev.templates=DIR)"
                + " and recompiled when they change; pages are not cached.")
    boolean dev;

    Map<String, String> flags() {
      var m = new HashMap<String, String>();
      if (port != null) m.put("port", port.toString());
      if (demo) m.put("demo", "true");
      if (dev) m.put("dev", "true");
      return m;
    }
  }

  static int serve(ConfigOptions options, ServeOptions serve) throws InterruptedException {
    var config = options.load(serve.flags());
    dev.byline.ops.LogFormat.apply(config);
    var byline = Byline.start(config);
    if (serve.demo) demoAdmin(byline, System.out);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(
            () -> {
              byline.close();
              stopped.countDown();
            },
            "byline-shutdown"));
    System.out.println("Byline is serving " + config.siteName() + " at " + byline.url()
        + (config.baseUrl().equals("http://localhost:" + byline.port())
            ? ""
            : " (public URL " + config.baseUrl() + "/)"));
    System.out.flush();
    stopped.await();
    return 0;
  }

  /** The email of the admin a demo newsroom gets, so people trying Byline can sign in. */
  static final String DEMO_ADMIN_EMAIL = "admin@demo.example";

  /**
   * Gives a demo newsroom without accounts an admin with a one-time password, printed here once
   * (standard output, never the log); it must be changed at first sign-in.
   */
  static void demoAdmin(Byline byline, java.io.PrintStream out) {
    var accounts = byline.accounts();
    if (accounts.users().count() > 0) return;
    var password = accounts.tokens().newPassword();
    accounts
        .users()
        .create(
            DEMO_ADMIN_EMAIL,
            "Demo Admin",
            Role.ADMIN,
            password,
            true,
            (tx, user) -> accounts
                .audit()
                .record(
                    tx,
                    null,
                    "user.create",
                    "user",
                    user.id(),
                    user.email() + " as admin (demo)",
                    ""));
    out.println("Demo admin: sign in at " + byline.url() + "admin as " + DEMO_ADMIN_EMAIL
        + " with the one-time password " + password
        + " (shown once; you will choose your own at first sign-in).");
    out.flush();
  }

  @Command(
      name = "user",
      mixinStandardHelpOptions = true,
      description = "Manage newsroom accounts.",
      subcommands = {UserAdd.class})
  static final class UserCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().usage(spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add a newsroom account, e.g. the first admin: byline user add --role admin --email you@example.org",
        "Without --password-stdin a one-time password is printed once; it must be changed at first sign-in.",
        "No password is ever written to the log."
      })
  static final class UserAdd implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(
        names = "--email",
        required = true,
        paramLabel = "EMAIL",
        description = "The address they sign in with.")
    String email;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        description = "Their name as colleagues see it (default: from the email).")
    String name;

    @Option(
        names = "--role",
        paramLabel = "ROLE",
        defaultValue = "writer",
        description = "writer, editor or admin (default: ${DEFAULT-VALUE}).")
    String role;

    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of standard input instead.")
    boolean passwordStdin;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      var out = spec.commandLine().getOut();
      var err = spec.commandLine().getErr();
      Role parsed;
      try {
        parsed = Role.parse(role);
      } catch (IllegalArgumentException e) {
        err.println("byline: " + e.getMessage());
        return EXIT_CONFIG;
      }
      try (var newsroom = Newsroom.open(options.load(Map.of()), Clock.systemUTC())) {
        var accounts = Accounts.open(newsroom.db(), newsroom.clock());
        String password;
        if (passwordStdin) {
          var line = new java.io.BufferedReader(
                  new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
              .readLine();
          password = line == null ? "" : line;
        } else {
          password = accounts.tokens().newPassword();
        }
        var who = name == null || name.isBlank() ? email.strip().replaceFirst("@.*$", "") : name;
        try {
          var user = accounts
              .users()
              .create(
                  email,
                  who,
                  parsed,
                  password,
                  !passwordStdin,
                  (tx, made) -> accounts
                      .audit()
                      .record(
                          tx,
                          null,
                          "user.create",
                          "user",
                          made.id(),
                          made.email() + " as " + parsed.dbValue() + " (command line)",
                          ""));
          out.println(
              "Added " + user.email() + " (" + user.name() + ") as " + parsed.dbValue() + ".");
          if (!passwordStdin) {
            out.println("One-time password: " + password);
            out.println(
                "It is shown only now; they choose their own at first sign-in at /admin/login.");
          }
          out.flush();
          return 0;
        } catch (AccountException e) {
          err.println("byline: " + e.getMessage());
          return 1;
        }
      }
    }
  }

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Serve the site (the default command).")
  static final class Serve implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Mixin
    ServeOptions serve = new ServeOptions();

    @Override
    public Integer call() throws Exception {
      return Main.serve(options, serve);
    }
  }

  @Command(
      name = "demo",
      mixinStandardHelpOptions = true,
      description =
          "Seed the demo newsroom into the data directory. Running it twice changes nothing.")
  static final class Demo implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
      var config = options.load(Map.of());
      try (var newsroom = Newsroom.open(config, Clock.systemUTC())) {
        int n = newsroom.demo().seed();
        newsroom.demoPages().seed();
        System.out.println(
            n == 0
                ? "The demo newsroom is already there; nothing changed."
                : "Seeded the demo newsroom: " + n + " stories in "
                    + newsroom.sections().all().size() + " sections.");
        // Built here, so the first `serve` opens a current index instead of rebuilding it.
        try (var index = openIndex(config, newsroom)) {
          if (n > 0 || index.rebuildReason() != null) index.rebuildNow();
        }
      }
      return 0;
    }
  }

  @Command(
      name = "reindex",
      mixinStandardHelpOptions = true,
      description =
          "Rebuild the search index from the database. Stop the server first: it holds the index open.")
  static final class Reindex implements Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
      var config = options.load(Map.of());
      try (var newsroom = Newsroom.open(config, Clock.systemUTC());
          var index = openIndex(config, newsroom)) {
        long started = System.nanoTime();
        int n = index.rebuildNow();
        System.out.printf(
            "Reindexed %d published %s in %.1f s into %s%n",
            n,
            n == 1 ? "story" : "stories",
            (System.nanoTime() - started) / 1e9,
            config.dataDir().resolve("index"));
      }
      return 0;
    }
  }

  /** The data directory's search index, opened but not started (no follower, no rebuild yet). */
  static SearchIndex openIndex(dev.byline.config.Config config, Newsroom newsroom) {
    return SearchIndex.open(
        config.dataDir().resolve("index"),
        newsroom.published(),
        newsroom.feed(),
        Wire.storyKeys(newsroom.db()),
        Clock.systemUTC());
  }
}
