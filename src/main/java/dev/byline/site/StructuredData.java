package dev.byline.site;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.byline.content.Article;
import dev.byline.json.Json;
import dev.byline.live.Coverage;
import dev.byline.live.LivePost;
import dev.byline.media.Image;
import java.util.Comparator;
import java.util.List;

/**
 * schema.org JSON-LD: {@code NewsArticle} (or {@code LiveBlogPosting}) with what Google recommends, {@code BreadcrumbList},
 * and the publisher ({@code NewsMediaOrganization}, with its policies and profiles) for the front
 * page and inside every article. Output is safe inside a script element: every
 * {@code <} is escaped.
 */
public final class StructuredData {
  /** Google's image guidance asks for 16x9, 4x3 and 1x1 at 1200px or more where available. */
  private static final int[] IMAGE_WIDTHS = {1600, 1280, 960};

  private final Chrome chrome;

  public StructuredData(Chrome chrome) {
    this.chrome = chrome;
  }

  public String newsArticle(Article a) {
    return safe(article(a, "NewsArticle"));
  }

  /**
   * {@code LiveBlogPosting} (a kind of article, with all of the above) for a story with live
   * coverage: when it started and, once over, ended, and each post as a {@code BlogPosting} in
   * {@code liveBlogUpdate}, newest first, as Google's live-blog guidance shows.
   */
  public String liveBlog(Article a, Coverage coverage) {
    var n = article(a, "LiveBlogPosting");
    if (coverage.lastChanged().isAfter(a.lastModified()))
      n.put("dateModified", Dates.iso(coverage.lastChanged()));
    n.put("coverageStartTime", Dates.iso(coverage.startedAt()));
    if (coverage.endedAt() != null) n.put("coverageEndTime", Dates.iso(coverage.endedAt()));
    var updates = n.putArray("liveBlogUpdate");
    coverage.posts().stream()
        .sorted(Comparator.comparing(LivePost::postedAt).reversed())
        .forEach(p -> {
          var u = updates.addObject();
          u.put("@type", "BlogPosting");
          u.put("headline", p.headline());
          u.put("datePublished", Dates.iso(p.postedAt()));
          if (p.editedAt() != null) u.put("dateModified", Dates.iso(p.editedAt()));
          u.put("url", chrome.absolute(a.path()) + "#" + p.anchor());
          u.put("articleBody", p.text());
        });
    return safe(n);
  }

  private ObjectNode article(Article a, String type) {
    var n = Json.MAPPER.createObjectNode();
    n.put("@context", "https://schema.org");
    n.put("@type", type);
    n.putObject("mainEntityOfPage").put("@type", "WebPage").put("@id", chrome.absolute(a.path()));
    n.put("headline", truncate(a.headline(), 110));
    if (!a.standfirst().isEmpty()) n.put("description", a.standfirst());
    a.featuredImage().ifPresent(img -> n.set("image", images(img)));
    n.put("datePublished", Dates.iso(a.firstPublishedAt()));
    n.put("dateModified", Dates.iso(a.lastModified()));
    n.put("url", chrome.absolute(a.path()));
    var authors = n.putArray("author");
    if (a.authors().isEmpty()) {
      var org = authors.addObject().put("@type", "Organization");
      if (a.source().name().isEmpty()) {
        org.put("name", chrome.siteName()).put("url", chrome.baseUrl() + "/");
      } else {
        org.put("name", a.source().name());
      }
    }
    a.authors()
        .forEach(au -> authors
            .addObject()
            .put("@type", "Person")
            .put("name", au.name())
            .put("url", chrome.absolute(au.path())));
    n.set("publisher", organization());
    if (a.section() != null) n.put("articleSection", a.section().name());
    if (!a.topics().isEmpty())
      n.put("keywords", String.join(", ", a.topics().stream().map(t -> t.name()).toList()));
    if (!a.dateline().isEmpty()) n.put("dateline", a.dateline());
    n.put("inLanguage", a.language() == null ? chrome.lang() : a.language());
    n.put("isAccessibleForFree", true);
    if (!a.source().name().isEmpty()) n.put("sourceOrganization", a.source().name());
    return n;
  }

  public String breadcrumbs(List<Breadcrumb> crumbs) {
    var n = Json.MAPPER.createObjectNode();
    n.put("@context", "https://schema.org");
    n.put("@type", "BreadcrumbList");
    var items = n.putArray("itemListElement");
    int pos = 1;
    for (var c : crumbs) {
      items
          .addObject()
          .put("@type", "ListItem")
          .put("position", pos++)
          .put("name", c.name())
          .put("item", chrome.absolute(c.path()));
    }
    return safe(n);
  }

  public String organizationPage() {
    var org = organization();
    org.put("@context", "https://schema.org");
    org.put("url", chrome.baseUrl() + "/");
    return safe(org);
  }

  public String webSite() {
    var n = Json.MAPPER.createObjectNode();
    n.put("@context", "https://schema.org");
    n.put("@type", "WebSite");
    n.put("name", chrome.siteName());
    n.put("url", chrome.baseUrl() + "/");
    return safe(n);
  }

  private ObjectNode organization() {
    var org = Json.MAPPER.createObjectNode();
    org.put("@type", "NewsMediaOrganization");
    org.put("name", chrome.siteName());
    org.put("url", chrome.baseUrl() + "/");
    var logo = chrome.brand().logo();
    org.putObject("logo").put("@type", "ImageObject").put("url", chrome.absolute(logo.src()));
    // Google News reads these publishing principles from the publisher.
    chrome.brand().publisher().forEach((property, url) -> org.put(property, chrome.absolute(url)));
    if (!chrome.brand().sameAs().isEmpty()) {
      var same = org.putArray("sameAs");
      chrome.brand().sameAs().forEach(same::add);
    }
    return org;
  }

  /** Each size as an ImageObject with its pixel size, largest first, so crawlers pick without fetching. */
  private ArrayNode images(Image img) {
    var arr = Json.MAPPER.createArrayNode();
    var seen = new java.util.HashSet<String>();
    for (int w : IMAGE_WIDTHS) {
      var v = img.variantFor(w);
      if (!seen.add(v.key())) continue;
      var o = arr.addObject()
          .put("@type", "ImageObject")
          .put("url", chrome.absolute(v.url()))
          .put("width", v.width())
          .put("height", v.height());
      if (!img.caption().isEmpty()) o.put("caption", img.caption());
      if (!img.credit().isEmpty()) o.put("creditText", img.credit());
    }
    return arr;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /**
   * JSON that cannot close the script element it sits in: {@code <}, {@code >} and {@code &} are
   * written as JSON unicode escapes while the JSON is written, in one pass rather than three
   * replacements over the finished text.
   */
  static String safe(ObjectNode n) {
    try {
      return SCRIPT_SAFE.writeValueAsString(n);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static final ObjectWriter SCRIPT_SAFE = Json.MAPPER
      .writer()
      .with(new ScriptSafeEscapes())
      .without(JsonWriteFeature.WRITE_HEX_UPPER_CASE);

  /** Jackson's escapes for JSON, plus the three characters that mean something to HTML. */
  private static final class ScriptSafeEscapes extends CharacterEscapes {
    private final int[] ascii = standardAsciiEscapesForJSON();

    ScriptSafeEscapes() {
      ascii['<'] = ESCAPE_STANDARD;
      ascii['>'] = ESCAPE_STANDARD;
      ascii['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null; // nothing beyond ASCII is escaped: UTF-8 is safe in a script element
    }
  }
}
