package dev.byline.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The first pass over a Ghost export: reads it to the end (nothing is written if it is broken),
 * counts posts by type and status, and keeps what posts refer to: tags, users, which tags and
 * authors each post has, its feature image's caption and alt text, and every image file named.
 */
final class GhostScan implements GhostReader.Handler {
  private static final Pattern IMG = Pattern.compile("<img[^>]+src=\"([^\"]+)\"");

  final Map<String, Integer> counts = new TreeMap<>();
  final Map<String, JsonNode> tags = new HashMap<>();
  final Map<String, JsonNode> users = new LinkedHashMap<>();
  final Map<String, List<String>> postTags = new HashMap<>();
  final Map<String, List<String>> postAuthors = new HashMap<>();
  final Map<String, String[]> featureText = new HashMap<>();
  final Set<String> images = new LinkedHashSet<>();
  /** Which post each feature image belongs to, for its caption and alt text. */
  final Map<String, String> featureOf = new HashMap<>();

  /** Posts every visitor of the Ghost site could read: only their tags and authors get old addresses. */
  final Set<String> publicPosts = new java.util.HashSet<>();

  String origin = "";
  String title = "";
  int posts;

  static GhostScan of(Export export) throws ExportException, IOException {
    var scan = new GhostScan();
    GhostReader.read(export.path(), scan);
    if (scan.origin.isEmpty()) scan.origin = "ghost";
    return scan;
  }

  @Override
  public void row(String table, JsonNode row) {
    switch (table) {
      case "posts" -> post(row);
      case "tags" -> tags.put(GhostReader.text(row, "id"), row);
      case "users" -> users.put(GhostReader.text(row, "id"), row);
      case "posts_tags" ->
        postTags
            .computeIfAbsent(GhostReader.text(row, "post_id"), k -> new ArrayList<>())
            .add(GhostReader.text(row, "tag_id"));
      case "posts_authors" ->
        postAuthors
            .computeIfAbsent(GhostReader.text(row, "post_id"), k -> new ArrayList<>())
            .add(GhostReader.text(row, "author_id"));
      case "posts_meta" ->
        featureText.put(GhostReader.text(row, "post_id"), new String[] {
          GhostReader.text(row, "feature_image_caption"), GhostReader.text(row, "feature_image_alt")
        });
      case "settings" -> setting(row);
      default -> {
        // members, newsletters, products and the rest are not content
      }
    }
  }

  private void post(JsonNode row) {
    posts++;
    var type = GhostReader.text(row, "type");
    if (GhostReader.text(row, "status").equals("published")
        && GhostReader.text(row, "visibility").matches("|public")
        && !type.equals("page")) publicPosts.add(GhostReader.text(row, "id"));
    counts.merge(
        (type.isEmpty() ? "post" : type) + "/" + GhostReader.text(row, "status"), 1, Integer::sum);
    var feature = GhostReader.text(row, "feature_image");
    if (!AttachmentFiles.keyOfUrl(feature).isEmpty()) {
      images.add(feature);
      featureOf.putIfAbsent(feature, GhostReader.text(row, "id"));
    }
    var m = IMG.matcher(GhostReader.text(row, "html"));
    while (m.find()) if (!AttachmentFiles.keyOfUrl(m.group(1)).isEmpty()) images.add(m.group(1));
  }

  /** Ids of the tags (or authors) public posts have. */
  Set<String> usedByPublic(Map<String, List<String>> links) {
    var out = new java.util.HashSet<String>();
    for (var post : publicPosts) out.addAll(links.getOrDefault(post, List.of()));
    return out;
  }

  private void setting(JsonNode row) {
    var key = GhostReader.text(row, "key");
    if (key.equals("url")) origin = Origins.of(GhostReader.text(row, "value"));
    if (key.equals("title")) title = GhostReader.text(row, "value");
  }
}
