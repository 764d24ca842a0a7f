package dev.byline.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the text fields of a WXR element into the records the import works with. */
final class WxrFields {
  private WxrFields() {}

  static WxrSite.WpAuthor author(Map<String, String> f) {
    return new WxrSite.WpAuthor(
        number(f.get("author_id")),
        text(f, "author_login"),
        text(f, "author_display_name"),
        text(f, "author_first_name"),
        text(f, "author_last_name"));
  }

  static WxrSite.WpTerm category(Map<String, String> f) {
    return new WxrSite.WpTerm(
        number(f.get("term_id")),
        "category",
        text(f, "category_nicename"),
        text(f, "cat_name"),
        text(f, "category_parent"),
        text(f, "category_description"));
  }

  static WxrSite.WpTerm tag(Map<String, String> f) {
    return new WxrSite.WpTerm(
        number(f.get("term_id")),
        "post_tag",
        text(f, "tag_slug"),
        text(f, "tag_name"),
        "",
        text(f, "tag_description"));
  }

  static WxrSite.WpTerm term(Map<String, String> f) {
    return new WxrSite.WpTerm(
        number(f.get("term_id")),
        text(f, "term_taxonomy"),
        text(f, "term_slug"),
        text(f, "term_name"),
        text(f, "term_parent"),
        text(f, "term_description"));
  }

  static WxrItem.Comment comment(Map<String, String> f) {
    return new WxrItem.Comment(
        number(f.get("comment_id")),
        text(f, "comment_author"),
        text(f, "comment_author_email"),
        text(f, "comment_author_url"),
        text(f, "comment_date"),
        text(f, "comment_date_gmt"),
        f.getOrDefault("comment_content", ""),
        text(f, "comment_approved"),
        text(f, "comment_type"),
        number(f.get("comment_parent")));
  }

  private static String text(Map<String, String> f, String key) {
    var v = f.get(key);
    return v == null ? "" : v.strip();
  }

  static long number(String s) {
    if (s == null) return 0;
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The fields of one item as they are read. */
  static final class ItemBuilder {
    final int line;
    final List<WxrItem.Term> terms = new ArrayList<>();
    final List<WxrItem.Meta> meta = new ArrayList<>();
    final List<WxrItem.Comment> comments = new ArrayList<>();
    long postId;
    long parent;
    String type = "";
    String status = "";
    String title = "";
    String link = "";
    String creator = "";
    String content = "";
    String excerpt = "";
    String postDate = "";
    String postDateGmt = "";
    String modifiedGmt = "";
    String postName = "";
    String password = "";
    String attachmentUrl = "";

    ItemBuilder(int line) {
      this.line = line;
    }

    void set(String ns, String name, String value) {
      switch (ns + ":" + name) {
        case ":title" -> title = value.strip();
        case ":link" -> link = value.strip();
        case "dc:creator" -> creator = value.strip();
        case "content:encoded" -> content = value;
        case "excerpt:encoded" -> excerpt = value;
        case "wp:post_id" -> postId = number(value);
        case "wp:post_parent" -> parent = number(value);
        case "wp:post_type" -> type = value.strip();
        case "wp:status" -> status = value.strip();
        case "wp:post_date" -> postDate = value.strip();
        case "wp:post_date_gmt" -> postDateGmt = value.strip();
        case "wp:post_modified_gmt" -> modifiedGmt = value.strip();
        case "wp:post_name" -> postName = value.strip();
        case "wp:post_password" -> password = value;
        case "wp:attachment_url" -> attachmentUrl = value.strip();
        default -> {
          // other fields (guid, pubDate, menu order, ping status ...) are not needed
        }
      }
    }

    WxrItem build() {
      return new WxrItem(
          postId,
          type,
          status,
          title,
          link,
          creator,
          content,
          excerpt,
          postDate,
          postDateGmt,
          modifiedGmt,
          postName,
          parent,
          password,
          attachmentUrl,
          terms,
          meta,
          comments,
          line);
    }
  }
}
