package dev.byline.site;

import java.util.List;

/**
 * The head of one page: title, description, canonical URL, social cards and structured data.
 *
 * @param image absolute URL of the social card image, or empty
 * @param jsonLd JSON-LD documents, already serialised with {@code <} escaped
 * @param prev relative URL of the previous page of a list, or empty
 * @param feeds alternate feeds for autodiscovery
 * @param lang the page's own language as a BCP 47 tag when it is not the site's (a story written
 *     in another language), or empty: {@code <html lang>} follows it, and the chrome around the
 *     story then says it is in the site's language
 */
public record Meta(
    String title,
    String description,
    String canonical,
    String type,
    String image,
    int imageWidth,
    int imageHeight,
    String imageAlt,
    List<String> jsonLd,
    String prev,
    String next,
    boolean noindex,
    List<FeedLink> feeds,
    String lang) {

  public record FeedLink(String type, String title, String href) {}

  public Meta {
    description = description == null ? "" : description;
    image = image == null ? "" : image;
    imageAlt = imageAlt == null ? "" : imageAlt;
    prev = prev == null ? "" : prev;
    next = next == null ? "" : next;
    jsonLd = List.copyOf(jsonLd);
    feeds = List.copyOf(feeds);
    lang = lang == null ? "" : lang;
  }

  /** True when the page is in a language of its own, not the site's. */
  public boolean ownLanguage() {
    return !lang.isEmpty();
  }

  /**
   * The {@code lang} the chrome's containers carry: the site's when the page has a language of
   * its own, so screen readers switch back for the masthead, navigation and footer; null (no
   * attribute, the page's bytes as before) when page and site speak the same.
   */
  public String chromeLang(Chrome chrome) {
    return ownLanguage() ? chrome.lang() : null;
  }

  /** The {@code dir} beside {@link #chromeLang}: the site's direction, or null. */
  public String chromeDir(Chrome chrome) {
    return ownLanguage() ? chrome.dir() : null;
  }

  /** {@code "rtl"} or {@code "ltr"} for the page's own language. */
  public String dir() {
    return dev.byline.content.Language.isRightToLeft(lang) ? "rtl" : "ltr";
  }

  public static Meta simple(String title, String description, String canonical) {
    return new Meta(
        title,
        description,
        canonical,
        "website",
        "",
        0,
        0,
        "",
        List.of(),
        "",
        "",
        false,
        List.of(),
        "");
  }

  public Meta withPaging(String prev, String next) {
    return new Meta(
        title,
        description,
        canonical,
        type,
        image,
        imageWidth,
        imageHeight,
        imageAlt,
        jsonLd,
        prev,
        next,
        noindex,
        feeds,
        lang);
  }

  public Meta withJsonLd(List<String> docs) {
    return new Meta(
        title,
        description,
        canonical,
        type,
        image,
        imageWidth,
        imageHeight,
        imageAlt,
        docs,
        prev,
        next,
        noindex,
        feeds,
        lang);
  }

  public Meta withFeeds(List<FeedLink> links) {
    return new Meta(
        title,
        description,
        canonical,
        type,
        image,
        imageWidth,
        imageHeight,
        imageAlt,
        jsonLd,
        prev,
        next,
        noindex,
        links,
        lang);
  }

  public Meta noindexed() {
    return new Meta(
        title,
        description,
        canonical,
        type,
        image,
        imageWidth,
        imageHeight,
        imageAlt,
        jsonLd,
        prev,
        next,
        true,
        feeds,
        lang);
  }
}
