import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark input: a WordPress export (WXR 1.2, as WordPress writes it) of {@code count} posts
 * with real news text from the Wikinews CSVs in the shared fixtures, written at run time (never
 * committed) and streamed to disk, so it can be as large as wanted. Posts are block-editor
 * paragraphs and headings, filed under nested categories and tags, by 30 writers; one in twenty
 * is a draft, one in fifty private, with approved comments on one in ten.
 */
final class WxrCorpus {
  static final int AUTHORS = 30;
  static final int TAGS = 500;
  static final String SITE = "https://news.bench.test";

  private WxrCorpus() {}

  static Path write(List<WikinewsItems.Article> articles, int count, Path file) throws IOException {
    try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      header(out);
      for (int i = 0; i < count; i++) item(out, articles.get(i % articles.size()), i);
      out.write("</channel>\n</rss>\n");
    }
    return file;
  }

  private static void header(BufferedWriter out) throws IOException {
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<rss version=\"2.0\"\n"
        + "\txmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\"\n"
        + "\txmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
        + "\txmlns:wfw=\"http://wellformedweb.org/CommentAPI/\"\n"
        + "\txmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        + "\txmlns:wp=\"http://wordpress.org/export/1.2/\"\n>\n<channel>\n"
        + "\t<title>Bench Gazette</title>\n\t<link>" + SITE + "</link>\n"
        + "\t<wp:wxr_version>1.2</wp:wxr_version>\n\t<wp:base_site_url>" + SITE
        + "</wp:base_site_url>\n"
        + "\t<wp:base_blog_url>" + SITE + "</wp:base_blog_url>\n");
    for (int a = 1; a <= AUTHORS; a++) {
      out.write(
          "\t<wp:author><wp:author_id>" + a + "</wp:author_id><wp:author_login><![CDATA[writer" + a
              + "]]></wp:author_login><wp:author_email><![CDATA[writer" + a
              + "@bench.test]]></wp:author_email>"
              + "<wp:author_display_name><![CDATA[Writer Number " + a
              + "]]></wp:author_display_name>"
              + "<wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>\n");
    }
    var sections = List.of("news", "world", "business", "sport", "culture", "science");
    int id = 1;
    for (var s : sections) {
      out.write(category(id++, s, ""));
      for (int c = 1; c <= 3; c++) out.write(category(id++, s + "-" + c, s));
    }
    for (int t = 0; t < TAGS; t++)
      out.write("\t<wp:tag><wp:term_id>" + (1000 + t) + "</wp:term_id><wp:tag_slug><![CDATA[tag-"
          + t + "]]></wp:tag_slug><wp:tag_name><![CDATA[Tag " + t + "]]></wp:tag_name></wp:tag>\n");
  }

  private static String category(int id, String slug, String parent) {
    return "\t<wp:category><wp:term_id>" + id + "</wp:term_id><wp:category_nicename><![CDATA["
        + slug
        + "]]></wp:category_nicename><wp:category_parent><![CDATA[" + parent
        + "]]></wp:category_parent>"
        + "<wp:cat_name><![CDATA[" + slug.substring(0, 1).toUpperCase(Locale.ROOT)
        + slug.substring(1)
        + "]]></wp:cat_name></wp:category>\n";
  }

  private static void item(BufferedWriter out, WikinewsItems.Article a, int i) throws IOException {
    long postId = 100 + i;
    var status = i % 20 == 7 ? "draft" : i % 50 == 11 ? "private" : "publish";
    var title = a.title() + " (" + i + ")";
    var slug = "story-" + i;
    var day = 1 + i % 28;
    var month = 1 + (i / 28) % 12;
    var year = 2010 + i / (28 * 12) % 14;
    var date =
        String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:00", year, month, day, i % 24, i % 60);
    var link = String.format(Locale.ROOT, "%s/%04d/%02d/%02d/%s/", SITE, year, month, day, slug);
    var sections = List.of("news", "world", "business", "sport", "culture", "science");
    var section = sections.get(i % sections.size());
    var category = i % 3 == 0 ? section : section + "-" + (1 + i % 3);
    out.write("\t<item>\n\t\t<title><![CDATA[" + cdata(title) + "]]></title>\n\t\t<link>" + link
        + "</link>\n"
        + "\t\t<dc:creator><![CDATA[writer" + (1 + i % AUTHORS) + "]]></dc:creator>\n"
        + "\t\t<guid isPermaLink=\"false\">" + SITE + "/?p=" + postId + "</guid>\n"
        + "\t\t<content:encoded><![CDATA[" + cdata(body(a.text())) + "]]></content:encoded>\n"
        + "\t\t<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n"
        + "\t\t<wp:post_id>" + postId + "</wp:post_id>\n\t\t<wp:post_date><![CDATA[" + date
        + "]]></wp:post_date>\n"
        + "\t\t<wp:post_date_gmt><![CDATA["
        + (status.equals("draft") ? "0000-00-00 00:00:00" : date) + "]]></wp:post_date_gmt>\n"
        + "\t\t<wp:post_modified_gmt><![CDATA[" + date + "]]></wp:post_modified_gmt>\n"
        + "\t\t<wp:post_name><![CDATA[" + slug + "]]></wp:post_name>\n\t\t<wp:status><![CDATA["
        + status + "]]></wp:status>\n"
        + "\t\t<wp:post_parent>0</wp:post_parent>\n\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n"
        + "\t\t<wp:post_password><![CDATA[]]></wp:post_password>\n"
        + "\t\t<category domain=\"category\" nicename=\"" + category + "\"><![CDATA[" + category
        + "]]></category>\n");
    for (int t = 0; t < 3; t++) {
      int tag = (i * 7 + t * 131) % TAGS;
      out.write("\t\t<category domain=\"post_tag\" nicename=\"tag-" + tag + "\"><![CDATA[Tag " + tag
          + "]]></category>\n");
    }
    if (i % 10 == 3) {
      out.write("\t\t<wp:comment><wp:comment_id>" + (i * 2L + 1)
          + "</wp:comment_id><wp:comment_author><![CDATA[Reader]]>"
          + "</wp:comment_author><wp:comment_author_email><![CDATA[reader@example.net]]></wp:comment_author_email>"
          + "<wp:comment_date_gmt><![CDATA[" + date
          + "]]></wp:comment_date_gmt><wp:comment_content><![CDATA[Thanks for this.]]>"
          + "</wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]>"
          + "</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>\n");
    }
    out.write("\t</item>\n");
  }

  /** The text as block-editor paragraphs, a heading after the third. */
  private static String body(String text) {
    var sb = new StringBuilder();
    int n = 0;
    for (var para : text.replace("\r", "").split("\n+")) {
      if (para.isBlank()) continue;
      if (n++ == 3)
        sb.append(
            "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">More on this story</h2>\n<!-- /wp:heading -->\n\n");
      sb.append("<!-- wp:paragraph -->\n<p>")
          .append(escape(para.strip()))
          .append("</p>\n<!-- /wp:paragraph -->\n\n");
    }
    return sb.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String cdata(String s) {
    return s.replace("]]>", "]]]]><![CDATA[>");
  }
}
