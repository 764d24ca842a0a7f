package dev.byline.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.byline.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocks to JSON and back, with an explicit "type" per block. Written by hand so the stored
 * shape is visible here and does not change when a record gains a method.
 */
public final class BlockCodec {

  private BlockCodec() {}

  public static String toJson(List<Block> blocks) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (var b : blocks) array.add(toNode(b));
    return array.toString();
  }

  public static List<Block> fromJson(String json) {
    try {
      var node = Json.MAPPER.readTree(json == null || json.isBlank() ? "[]" : json);
      if (!node.isArray()) throw new InvalidInput("body", "must be a JSON array of blocks");
      var out = new ArrayList<Block>(node.size());
      int i = 0;
      for (var n : node) out.add(fromNode(n, i++));
      return List.copyOf(out);
    } catch (JsonProcessingException e) {
      throw new InvalidInput("body", "is not valid JSON: " + e.getOriginalMessage());
    }
  }

  static ObjectNode toNode(Block block) {
    var n = Json.MAPPER.createObjectNode();
    // Java 17 has no pattern switch; the sealed interface still makes the list complete.
    if (block instanceof Block.Paragraph p) {
      n.put("type", "paragraph").put("html", p.html());
    } else if (block instanceof Block.Heading h) {
      n.put("type", "heading").put("level", h.level()).put("text", h.text());
    } else if (block instanceof Block.Quote q) {
      n.put("type", "quote").put("html", q.html()).put("attribution", q.attribution());
    } else if (block instanceof Block.ListBlock l) {
      n.put("type", "list").put("ordered", l.ordered());
      var items = n.putArray("items");
      l.items().forEach(items::add);
    } else if (block instanceof Block.ImageBlock im) {
      n.put("type", "image")
          .put("imageId", im.imageId())
          .put("caption", im.caption())
          .put("credit", im.credit())
          .put("alt", im.alt());
    } else if (block instanceof Block.Embed e) {
      n.put("type", "embed")
          .put("provider", e.provider())
          .put("url", e.url())
          .put("title", e.title());
    } else if (block instanceof Block.RelatedLink r) {
      n.put("type", "related").put("articleId", r.articleId());
    } else if (block instanceof Block.RawHtml r) {
      n.put("type", "html").put("html", r.html());
    } else {
      throw new IllegalStateException("unknown block " + block.getClass());
    }
    return n;
  }

  static Block fromNode(JsonNode n, int index) {
    var type = n.path("type").asText("");
    var where = "body block " + (index + 1);
    try {
      return switch (type) {
        case "paragraph" ->
          n.has("html")
              ? new Block.Paragraph(n.path("html").asText())
              : Block.Paragraph.ofText(n.path("text").asText());
        case "heading" ->
          new Block.Heading(n.path("level").asInt(2), n.path("text").asText());
        case "quote" ->
          new Block.Quote(
              n.has("html")
                  ? n.path("html").asText()
                  : Html.escape(n.path("text").asText()),
              n.path("attribution").asText(""));
        case "list" -> {
          var items = new ArrayList<String>();
          n.path("items").forEach(i -> items.add(i.asText()));
          yield new Block.ListBlock(n.path("ordered").asBoolean(false), items);
        }
        case "image" ->
          new Block.ImageBlock(
              n.path("imageId").asLong(),
              n.path("caption").asText(""),
              n.path("credit").asText(""),
              n.path("alt").asText(""));
        case "embed" ->
          new Block.Embed(
              n.path("provider").asText(""),
              n.path("url").asText(""),
              n.path("title").asText(""));
        case "related" -> new Block.RelatedLink(n.path("articleId").asLong());
        case "html" -> new Block.RawHtml(n.path("html").asText(""));
        default -> throw new InvalidInput(where, "has unknown type \"" + type + "\"");
      };
    } catch (InvalidInput e) {
      if (e.field().startsWith("body block")) throw e;
      throw new InvalidInput(where, e.getMessage());
    }
  }
}
