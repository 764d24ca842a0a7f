package dev.byline.site;

import dev.byline.brand.SiteSettings;
import dev.byline.config.Config;
import dev.byline.content.Html;
import dev.byline.content.Section;
import dev.byline.content.SectionStore;
import dev.byline.i18n.Messages;
import dev.byline.media.ImageStore;
import dev.byline.store.SurrogateKey;
import dev.byline.web.StaticAssets;
import dev.byline.web.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What every public page class shares: configuration, templates, the page cache, the chrome
 * around content, and date formatting. Built once in the composition root.
 */
public final class Site {
  private final Config config;
  private final Views views;
  private final PageCache cache;
  private final SectionStore sections;
  private final StaticAssets assets;
  private final Supplier<SiteSettings> settings;
  private final Branding branding;

  private final List<String> headParts = new ArrayList<>();
  private final List<String> bodyEndParts = new ArrayList<>();
  private final List<String> stylesheets = new ArrayList<>();
  /** Each script's address in a language: most are the same in every one. */
  private final List<java.util.function.Function<String, String>> scripts = new ArrayList<>();

  private final List<Chrome.FooterLink> footerLinks = new ArrayList<>();
  /** The editors' menus; none until a feature provides them. */
  private volatile Supplier<Chrome.Navigation> navigation = () -> Chrome.Navigation.NONE;
  /** The last chrome built, with the section list and menus it was built from. */
  private volatile Built built;

  private record Built(
      List<Section> sections,
      SiteSettings settings,
      Chrome.Navigation navigation,
      Messages messages,
      Chrome chrome,
      Dates dates) {}

  /** A site with its configured name, zone and language and the built-in look. */
  public Site(
      Config config, Views views, PageCache cache, SectionStore sections, StaticAssets assets) {
    this(config, views, cache, sections, assets, defaults(config), null);
  }

  /**
   * @param settings the site settings in force, asked on every render (kept in memory by their
   *     store, purged by the change feed)
   * @param images the photo desk, to find the logo, icon and social image the settings name
   */
  public Site(
      Config config,
      Views views,
      PageCache cache,
      SectionStore sections,
      StaticAssets assets,
      Supplier<SiteSettings> settings,
      ImageStore images) {
    this.config = config;
    this.views = views;
    this.cache = cache;
    this.sections = sections;
    this.assets = assets;
    this.settings = settings;
    this.branding = new Branding(assets, images);
  }

  /** The settings of a site nobody has changed: its configuration's name, zone and language. */
  public static Supplier<SiteSettings> defaults(Config config) {
    var s = SiteSettings.defaults(config.siteName(), config.timeZone(), config.languageTag());
    return () -> s;
  }

  /** Lets a feature add safe markup to every page's head (call during start-up only). */
  public void addToHead(String html) {
    built = null;
    headParts.add(html);
  }

  /** Lets a feature add safe markup at the end of every page's body (call during start-up only). */
  public void addToBodyEnd(String html) {
    built = null;
    bodyEndParts.add(html);
  }

  /** Adds {@code <meta name content>} to every page's head, escaped (call during start-up only). */
  public void addMeta(String name, String content) {
    built = null;
    headParts.add(
        "<meta name=\"" + Html.escape(name) + "\" content=\"" + Html.escape(content) + "\">");
  }

  /** Adds a deferred same-origin script, by asset name, to every page (call during start-up only). */
  public void addScript(String assetName) {
    built = null;
    var url = assets.url(assetName);
    scripts.add(language -> url);
  }

  /**
   * Links a same-origin stylesheet, by asset name, on every page after the site's own (call during
   * start-up only). It is in the page's first styling, so nothing restyles the page later.
   */
  public void addStylesheet(String assetName) {
    built = null;
    stylesheets.add(assets.url(assetName));
  }

  /** The versioned URL of a static asset, for a script only some pages load. */
  public String assetUrl(String assetName) {
    return assets.url(assetName);
  }

  /**
   * Adds a deferred same-origin script that comes in one asset per shipped language, named by
   * {@code assetName}: pages link the one of the site's language (call during start-up only).
   */
  public void addScriptPerLanguage(java.util.function.Function<String, String> assetName) {
    built = null;
    scripts.add(language -> assets.url(assetName.apply(language)));
  }

  /**
   * Where the header and footer menus come from (call during start-up only). Called on every
   * render, so it should be cheap (a few dozen links, kept in memory); the chrome is rebuilt when
   * it returns different links.
   */
  public void useNavigation(Supplier<Chrome.Navigation> menus) {
    built = null;
    navigation = menus;
  }

  public void addFooterLink(Chrome.FooterLink link) {
    built = null;
    footerLinks.add(link);
  }

  /**
   * The chrome for a page. Built again only when the section store or the settings store hands
   * out a new value (after a change) or a feature added to it, so a render does not rebuild it.
   */
  public Chrome chrome() {
    return current().chrome();
  }

  private Built current() {
    var all = sections.all();
    var now = settings.get();
    var menus = navigation.get();
    var last = built;
    if (last != null
        && last.sections() == all
        && last.settings() == now
        && last.navigation().equals(menus)) return last;
    var messages = Messages.of(Locale.forLanguageTag(now.language()));
    var next = new Built(
        all,
        now,
        menus,
        messages,
        build(all, now, messages, menus),
        new Dates(now.zone(), messages.locale()));
    built = next;
    return next;
  }

  private Chrome build(
      List<Section> all, SiteSettings s, Messages messages, Chrome.Navigation menus) {
    var brand = branding.brand(s);
    return new Chrome(
        s.name(),
        config.baseUrl(),
        s.language(),
        all,
        assets.url("site.css"),
        stylesheets,
        brand.logo().src(),
        brand.icon().href(),
        withText(scripts, messages),
        String.join("\n", headParts),
        String.join("\n", bodyEndParts),
        footerLinks,
        brand,
        messages,
        menus);
  }

  /** The scripts in the site's language, after the words they show, which load before any of them. */
  private List<String> withText(
      List<java.util.function.Function<String, String>> scripts, Messages messages) {
    var all = new ArrayList<String>();
    all.add(assets.url(SiteText.assetName(messages.language())));
    scripts.forEach(s -> all.add(s.apply(messages.language())));
    return all;
  }

  /**
   * The keys of what the chrome around a page depends on: {@link SurrogateKey#CHROME}, and {@link
   * SurrogateKey#SOCIAL_IMAGE} when the page has no image of its own, so the layout shows the
   * site's default social image.
   */
  public static Set<String> chromeKeys(Meta meta) {
    return meta.image().isEmpty()
        ? Set.of(SurrogateKey.CHROME, SurrogateKey.SOCIAL_IMAGE)
        : Set.of(SurrogateKey.CHROME);
  }

  /** The settings in force, e.g. for {@code /brand.css}. */
  public SiteSettings settings() {
    return settings.get();
  }

  public Config config() {
    return config;
  }

  public Views views() {
    return views;
  }

  public PageCache cache() {
    return cache;
  }

  /** The site language's words, as its settings say now. */
  public Messages messages() {
    return current().messages();
  }

  /** Dates in the site's time zone and language, as its settings say now. */
  public Dates dates() {
    return current().dates();
  }

  public StaticAssets assets() {
    return assets;
  }

  public String absolute(String path) {
    return config.baseUrl() + path;
  }
}
