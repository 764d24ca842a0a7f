package dev.byline.consent;

import dev.byline.config.Config;
import dev.byline.config.ConfigException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What this site asks readers to consent to: the configured services, grouped by category, with
 * the policy revision and how long a choice lasts. Read once at start-up.
 *
 * <pre>{@code
 * var policy = ConsentPolicy.from(config, ads.services());
 * policy.categories();          // necessary first, then the optional ones that have a service
 * policy.googleConsentMode();   // present when a Google service is configured
 * }</pre>
 *
 * @param revision bumping it asks every reader again
 * @param expiryDays a choice older than this is asked again
 */
public record ConsentPolicy(
    String siteName,
    int revision,
    int expiryDays,
    List<Service> services,
    Optional<GoogleConsentMode> googleConsentMode,
    String contact) {
  /** The cookie that holds a reader's choice in their browser. */
  public static final String COOKIE = "byline_consent";
  /** Six months: regulators (CNIL, ICO guidance) expect choices to be asked again after about that long. */
  public static final int DEFAULT_EXPIRY_DAYS = 182;
  /** A GA4 measurement id as Google issues them. */
  static final String GA4_PATTERN = "G-[A-Z0-9]{4,16}";
  /** Shown on a fresh demo install so the banner, gating and facade can be seen; sends nothing anywhere until accepted. */
  public static final String DEMO_GA4_ID = "G-BYLINEDEMO";

  public ConsentPolicy {
    if (revision < 1) throw new ConfigException("consent.revision", "must be 1 or more");
    if (expiryDays < 1 || expiryDays > 395)
      throw new ConfigException("consent.expiry.days", "must be between 1 and 395 (13 months)");
    services = List.copyOf(services);
    var ids = new HashSet<String>();
    for (var s : services)
      if (!ids.add(s.id()))
        throw new ConfigException("consent", "declares service " + s.id() + " twice");
    contact = contact == null ? "" : contact.strip();
  }

  /**
   * Reads {@code consent.*} and adds the services other features declare (e.g. AdSense from
   * {@code ads.*}).
   */
  public static ConsentPolicy from(Config config, List<Service> otherServices) {
    boolean demo = config.boolSetting("demo", false);
    var services = new ArrayList<Service>();
    int expiry = config.intSetting("consent.expiry.days", DEFAULT_EXPIRY_DAYS);
    services.add(KnownServices.site(config.siteName(), COOKIE, expiry));
    services.add(KnownServices.readerPreferences(config.siteName()));
    var ga4 = config
        .setting("consent.ga4.id")
        .or(() -> demo ? Optional.of(DEMO_GA4_ID) : Optional.empty());
    if (ga4.isPresent()) {
      var id = ga4.get().strip();
      if (!id.matches(GA4_PATTERN))
        throw new ConfigException(
            "consent.ga4.id",
            "must be a GA4 measurement id such as G-ABC123XYZ, not \"" + id + "\"");
      services.add(KnownServices.googleAnalytics(id));
    }
    services.addAll(otherServices);
    if (config.boolSetting("consent.youtube.enabled", true)) services.add(KnownServices.youtube());
    boolean google = services.stream().anyMatch(s -> KnownServices.GOOGLE_TAGS.contains(s.id()));
    var mode = google
        ? Optional.of(new GoogleConsentMode(
            RegionDefault.parse(config.setting(RegionDefault.KEY, "")),
            config.intSetting("consent.google.wait.ms", GoogleConsentMode.DEFAULT_WAIT_MILLIS)))
        : Optional.<GoogleConsentMode>empty();
    return new ConsentPolicy(
        config.siteName(),
        config.intSetting("consent.revision", 1),
        expiry,
        services,
        mode,
        config.setting("consent.contact", ""));
  }

  /** Necessary first, then each optional category that has at least one service, in declaration order. */
  public List<Category> categories() {
    var used = EnumSet.noneOf(Category.class);
    used.add(Category.NECESSARY);
    services.forEach(s -> used.add(s.category()));
    return List.copyOf(used);
  }

  public List<Service> services(Category category) {
    return services.stream().filter(s -> s.category() == category).toList();
  }

  public Optional<Service> service(String id) {
    return services.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public boolean has(String serviceId) {
    return service(serviceId).isPresent();
  }

  /** The companies other than this site that a reader's choice concerns, each once. */
  public List<String> thirdParties() {
    var names = new java.util.LinkedHashSet<String>();
    services.stream().filter(Service::thirdParty).forEach(s -> names.add(s.name()));
    return List.copyOf(names);
  }

  /** Every origin a configured service may reach once allowed, for the Content-Security-Policy. */
  public Hosts hosts() {
    var scripts = new java.util.LinkedHashSet<String>();
    var frames = new java.util.LinkedHashSet<String>();
    var connects = new java.util.LinkedHashSet<String>();
    var images = new java.util.LinkedHashSet<String>();
    for (var s : services) {
      scripts.addAll(s.hosts().scripts());
      frames.addAll(s.hosts().frames());
      connects.addAll(s.hosts().connects());
      images.addAll(s.hosts().images());
    }
    return new Hosts(
        List.copyOf(scripts), List.copyOf(frames), List.copyOf(connects), List.copyOf(images));
  }

  /** Service ids, for validating what a browser sends. */
  public Set<String> serviceIds() {
    var ids = new java.util.LinkedHashSet<String>();
    services.forEach(s -> ids.add(s.id()));
    return ids;
  }
}
