package dev.byline.site;

import java.util.List;

/**
 * The head of one page: title, description, canonical URL, social cards and structured data.
 *
 * @param image absolute URL of the social card image, or empty
 * @param jsonLd JSON-LD documents, already serialised with {@code <} escaped
 * @param prev relative URL of the previous page of a list, or empty
 * @param feeds alternate feeds for autodiscovery
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
    List<FeedLink> feeds) {

  public record FeedLink(String type, String title, String href) {}

  public Meta {
    description = description == null ? "" : description;
    image = image == null ? "" : image;
    imageAlt = imageAlt == null ? "" : imageAlt;
    prev = prev == null ? "" : prev;
    next = next == null ? "" : next;
    jsonLd = List.copyOf(jsonLd);
    feeds = List.copyOf(feeds);
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
        List.of());
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
        feeds);
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
        feeds);
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
        links);
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
        feeds);
  }
}
