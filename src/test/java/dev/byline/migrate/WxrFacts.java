package dev.byline.migrate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * What a WXR file says, read with the JDK's DOM parser and nothing of the importer's: the oracle
 * the import's results are checked against.
 */
record WxrFacts(List<Post> posts, int comments) {
  static final String WP = "http://wordpress.org/export/1.2/";

  record Post(
      long id,
      String type,
      String status,
      String title,
      String link,
      String name,
      String date,
      String password,
      List<String> oldSlugs,
      List<String> categories,
      List<String> tags) {
    boolean publicInWordPress() {
      return type.equals("post") && status.equals("publish") && password.isEmpty();
    }

    /** The path of an address on the old site: "/2024/04/08/slug/". */
    String linkPath() {
      var p = link.replaceFirst("^https?://[^/]+", "");
      return p.isEmpty() ? "/" : p;
    }
  }

  static WxrFacts read(Path file) throws Exception {
    var f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    var doc = f.newDocumentBuilder().parse(file.toFile());
    var items = doc.getElementsByTagName("item");
    var posts = new ArrayList<Post>();
    int comments = 0;
    for (int i = 0; i < items.getLength(); i++) {
      var item = (Element) items.item(i);
      var old = new ArrayList<String>();
      var metas = item.getElementsByTagNameNS(WP, "postmeta");
      for (int j = 0; j < metas.getLength(); j++) {
        var m = (Element) metas.item(j);
        if (text(m, WP, "meta_key").equals("_wp_old_slug")) old.add(text(m, WP, "meta_value"));
      }
      var cats = new ArrayList<String>();
      var tags = new ArrayList<String>();
      var terms = item.getElementsByTagName("category");
      for (int j = 0; j < terms.getLength(); j++) {
        var t = (Element) terms.item(j);
        (t.getAttribute("domain").equals("category") ? cats : tags).add(t.getAttribute("nicename"));
      }
      comments += item.getElementsByTagNameNS(WP, "comment").getLength();
      posts.add(new Post(
          Long.parseLong(text(item, WP, "post_id")),
          text(item, WP, "post_type"),
          text(item, WP, "status"),
          text(item, "", "title"),
          text(item, "", "link"),
          text(item, WP, "post_name"),
          text(item, WP, "post_date"),
          text(item, WP, "post_password"),
          old,
          cats,
          tags));
    }
    return new WxrFacts(posts, comments);
  }

  private static String text(Element parent, String ns, String name) {
    var list =
        ns.isEmpty() ? parent.getElementsByTagName(name) : parent.getElementsByTagNameNS(ns, name);
    return list.getLength() == 0 ? "" : list.item(0).getTextContent().strip();
  }

  /** Items by "type/status", as WordPress counts them. */
  Map<String, Integer> counts() {
    var out = new TreeMap<String, Integer>();
    for (var p : posts) out.merge(p.type() + "/" + p.status(), 1, Integer::sum);
    return out;
  }

  List<Post> published() {
    return posts.stream().filter(Post::publicInWordPress).toList();
  }
}
