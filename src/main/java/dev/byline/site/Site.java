package dev.byline.site;

import dev.byline.config.Config;
import dev.byline.content.Html;
import dev.byline.content.SectionStore;
import dev.byline.web.StaticAssets;
import dev.byline.web.Views;
import java.util.ArrayList;
import java.util.List;

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
    headParts.add(html);
  }

  /** Lets a feature add safe markup at the end of every page's body (call during start-up only). */
  public void addToBodyEnd(String html) {
    bodyEndParts.add(html);
  }

  /** Adds {@code <meta name content>} to every page's head, escaped (call during start-up only). */
  public void addMeta(String name, String content) {
    headParts.add(
        "<meta name=\"" + Html.escape(name) + "\" content=\"" + Html.escape(content) + "\">");
  }

  /** Adds a deferred same-origin script, by asset name, to every page (call during start-up only). */
  public void addScript(String assetName) {
    scripts.add(assets.url(assetName));
  }

  public void addFooterLink(Chrome.FooterLink link) {
    footerLinks.add(link);
  }

  public Chrome chrome() {
    return new Chrome(
        config.siteName(),
        config.baseUrl(),
        config.languageTag(),
        sections.all(),
        assets.url("site.css"),
        assets.url("logo.svg"),
        assets.url("favicon.svg"),
        scripts,
        String.join("\n", headParts),
        String.join("\n", bodyEndParts),
        footerLinks);
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
