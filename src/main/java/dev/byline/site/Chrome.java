package dev.byline.site;

import dev.byline.content.Section;
import dev.byline.i18n.Messages;
import dev.byline.pages.MenuItem;
import java.util.List;

/**
 * What every public page shows around its content: the masthead, navigation and footer, and
 * the assets it links. The same for every reader, so it never breaks caching.
 *
 * @param head extra, already-safe markup features place in {@code <head>} before any other
 *     script (e.g. the consent defaults); empty by default
 * @param bodyEnd extra, already-safe markup features place at the end of {@code <body>}
 * @param stylesheets features' stylesheets, linked after the site's own (e.g. the consent banner's)
 * @param brand the newsroom's own logo, icon, colours, tagline, footer and publisher details
 * @param t the site language's words for everything around a story
 */
public record Chrome(
    String siteName,
    String baseUrl,
    String lang,
    List<Section> sections,
    String cssUrl,
    List<String> stylesheets,
    String logoUrl,
    String iconUrl,
    List<String> scripts,
    String head,
    String bodyEnd,
    List<FooterLink> footerLinks,
    Brand brand,
    Messages t,
    Navigation navigation) {

  /**
   * The editors' header and footer menus; an empty menu shows the sections instead, so a new
   * site has navigation before anyone edits one.
   */
  public record Navigation(List<MenuItem.Link> header, List<MenuItem.Link> footer) {
    public static final Navigation NONE = new Navigation(List.of(), List.of());

    public Navigation {
      header = List.copyOf(header);
      footer = List.copyOf(footer);
    }
  }

  /**
   * A link in the footer ("Cookie settings", "Privacy"). {@code labelKey} is its message key;
   * {@code attribute} is an optional data- attribute name.
   */
  public record FooterLink(String labelKey, String href, String attribute) {}

  public Chrome {
    sections = List.copyOf(sections);
    stylesheets = List.copyOf(stylesheets);
    scripts = List.copyOf(scripts);
    footerLinks = List.copyOf(footerLinks);
  }

  /** The same chrome with no scripts and nothing features added to head or body: for previews in a sandboxed frame. */
  public Chrome withoutScripts() {
    return new Chrome(
        siteName,
        baseUrl,
        lang,
        sections,
        cssUrl,
        stylesheets,
        logoUrl,
        iconUrl,
        List.of(),
        "",
        "",
        footerLinks,
        brand,
        t,
        navigation);
  }

  /** {@code "rtl"} for a right-to-left site language, else {@code "ltr"}. */
  public String dir() {
    return t.dir();
  }

  public String absolute(String path) {
    return path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl + path;
  }
}
