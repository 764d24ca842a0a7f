package dev.byline.ads;

import dev.byline.config.Config;
import dev.byline.config.ConfigException;
import dev.byline.consent.KnownServices;
import dev.byline.consent.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ads.*} configuration: the AdSense publisher id, the slots, the house promotion and
 * extra {@code ads.txt} lines. Read once at start-up.
 *
 * <pre>{@code
 * ads.adsense.client=ca-pub-1234567890123456
 * ads.slots=top,middle
 * ads.slot.top.id=1234567890
 * ads.slot.top.size=300x250
 * ads.slot.top.after=2
 * }</pre>
 *
 * @param adsenseClient the publisher id, {@code ca-pub-} and 16 digits; empty when AdSense is off
 * @param houseText what a slot shows when the reader has not allowed advertising
 * @param houseLink where the house promotion leads (a path on this site or an https URL)
 * @param adsTxtLines extra {@code ads.txt} records (resellers, contact, …)
 */
public record AdsSettings(
    Optional<String> adsenseClient,
    List<AdSlot> slots,
    String houseText,
    String houseLink,
    List<String> adsTxtLines) {
  /** A placeholder publisher id for the demo newsroom: shows the slots and the gating; no real account. */
  public static final String DEMO_CLIENT = "ca-pub-0000000000000000";

  public static final String DEFAULT_HOUSE_TEXT =
      "Independent journalism, free to read. See today's top stories.";
  /** Where slots go when the operator names no paragraph: early but not first, then well apart. */
  static final int[] DEFAULT_AFTER = {2, 6, 10, 14};

  public static final AdsSettings NONE =
      new AdsSettings(Optional.empty(), List.of(), DEFAULT_HOUSE_TEXT, "/", List.of());

  public AdsSettings {
    slots = List.copyOf(slots);
    adsTxtLines = List.copyOf(adsTxtLines);
    if (adsenseClient.isEmpty() && !slots.isEmpty())
      throw new ConfigException("ads.slots", "needs ads.adsense.client to be set");
    if (houseLink == null
        || !(houseLink.startsWith("/") && !houseLink.startsWith("//")
            || houseLink.startsWith("https://"))) {
      throw new ConfigException("ads.house.link", "must be a path on this site or an https URL");
    }
  }

  public static AdsSettings from(Config config) {
    boolean demo = config.boolSetting("demo", false);
    var client = config.setting("ads.adsense.client").map(c -> client(c.strip()));
    var names = config.setting("ads.slots").map(AdsSettings::list).orElse(List.of());
    if (client.isEmpty() && demo && names.isEmpty()) return demo(config);
    var slots = new ArrayList<AdSlot>();
    for (int i = 0; i < names.size(); i++) {
      var name = names.get(i);
      var prefix = "ads.slot." + name + ".";
      var id = config
          .setting(prefix + "id")
          .orElseThrow(() -> new ConfigException(
              prefix + "id", "is not set; every slot in ads.slots needs its AdSense ad unit id"));
      var size = AdSize.parse(prefix + "size", config.setting(prefix + "size", "300x250"));
      slots.add(new AdSlot(
          name,
          id.strip(),
          size,
          config.intSetting(
              prefix + "after", DEFAULT_AFTER[Math.min(i, DEFAULT_AFTER.length - 1)])));
    }
    return new AdsSettings(
        client,
        slots,
        config.setting("ads.house.text", DEFAULT_HOUSE_TEXT).strip(),
        config.setting("ads.house.link", "/").strip(),
        txtLines(config.setting("ads.txt.lines", "")));
  }

  private static AdsSettings demo(Config config) {
    return new AdsSettings(
        Optional.of(DEMO_CLIENT),
        List.of(
            new AdSlot("in-article", "1000000001", new AdSize(300, 250), 2),
            new AdSlot("mid-article", "1000000002", AdSize.RESPONSIVE, 6)),
        config.setting("ads.house.text", DEFAULT_HOUSE_TEXT),
        config.setting("ads.house.link", "/"),
        List.of());
  }

  /** The consent services AdSense needs: non-personalised (advertising) and personalised ads. */
  public List<Service> services() {
    return adsenseClient
        .map(c -> List.of(KnownServices.adsense(c), KnownServices.adsensePersonalised()))
        .orElse(List.of());
  }

  public boolean enabled() {
    return adsenseClient.isPresent() && !slots.isEmpty();
  }

  private static String client(String value) {
    var v = value.startsWith("pub-") ? "ca-" + value : value;
    if (!v.matches("ca-pub-\\d{16}"))
      throw new ConfigException(
          "ads.adsense.client",
          "must be an AdSense publisher id such as ca-pub-1234567890123456, not \"" + value + "\"");
    return v;
  }

  private static List<String> list(String csv) {
    return Arrays.stream(csv.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static List<String> txtLines(String value) {
    var out = new ArrayList<String>();
    for (var line : value.split(";")) {
      var l = line.strip();
      if (l.isEmpty()) continue;
      if (l.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f) || l.length() > 500) {
        throw new ConfigException(
            "ads.txt.lines", "has a line with control characters or over 500 characters");
      }
      if (!(l.startsWith("#")
          || l.matches(
              "(?i)(contact|subdomain|inventorypartnerdomain|ownerdomain|managerdomain)=.+")
          || l.matches("[^,]+,[^,]+,\\s*(?i)(DIRECT|RESELLER)\\s*(,[^,]+)?"))) {
        throw new ConfigException(
            "ads.txt.lines",
            "line \"" + l
                + "\" is not an ads.txt record (domain, account id, DIRECT|RESELLER[, certification id]) or variable");
      }
      out.add(l);
    }
    return out;
  }
}
