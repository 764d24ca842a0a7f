package dev.byline.site;

import dev.byline.config.Config;
import dev.byline.content.Html;
import dev.byline.content.Section;
import dev.byline.content.SectionStore;
import dev.byline.web.StaticAssets;
import dev.byline.web.Views;
import java.util.ArrayList;
import java.util.List;
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
  private final Dates dates;
  private final List<String> headParts = new ArrayList<>();
  private final List<String> bodyEndParts = new ArrayList<>();
  private final List<String> scripts = new ArrayList<>();
  private final List<Chrome.FooterLink> footerLinks = new ArrayList<>();
  /** The editors' menus; none until a feature provides them. */
  private volatile Supplier<Chrome.Navigation> navigation = () -> Chrome.Navigation.NONE;
  /** The last chrome built, with the section list and menus it was built from. */
  private volatile Built built;

  private record Built(List<Section> sections, Chrome.Navigation navigation, Chrome chrome) {}

  public Site(
      Config config, Views views, PageCache cache, SectionStore sections, StaticAssets assets) {
    this.config = config;
    this.views = views;
    this.cache = cache;
    this.sections = sections;
    this.assets = assets;
    this.dates = new Dates(config.timeZone(), config.language());
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
    scripts.add(assets.url(assetName));
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
   * The chrome for a page. Built again only when the section store hands out a new list (after a
   * section changed) or a feature added to it, so a render does not rebuild it.
   */
  public Chrome chrome() {
    var all = sections.all();
    var menus = navigation.get();
    var last = built;
    if (last != null && last.sections() == all && last.navigation().equals(menus))
      return last.chrome();
    var chrome = build(all, menus);
    built = new Built(all, menus, chrome);
    return chrome;
  }

  private Chrome build(List<Section> all, Chrome.Navigation menus) {
    return new Chrome(
        config.siteName(),
        config.baseUrl(),
        config.languageTag(),
        all,
        assets.url("site.css"),
        assets.url("logo.svg"),
        assets.url("favicon.svg"),
        scripts,
        String.join("\n", headParts),
        String.join("\n", bodyEndParts),
        footerLinks,
        menus);
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

  public Dates dates() {
    return dates;
  }

  public StaticAssets assets() {
    return assets;
  }

  public String absolute(String path) {
    return config.baseUrl() + path;
  }
}
