package dev.byline.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.byline.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.owasp.html.HtmlChangeListener;
import org.owasp.html.PolicyFactory;

/**
 * The block editor's document: what the admin's block editor posts, checked strictly and turned
 * into {@link Block}s. The server is the one judge of a body; the editor in the browser only
 * proposes one.
 *
 * <pre>{@code
 * {"version": 1, "blocks": [
 *   {"type": "heading", "level": 2, "text": "What the deal says"},
 *   {"type": "paragraph", "html": "Pay rises by <strong>four</strong> per cent."},
 *   {"type": "image", "photo": 42, "caption": "Cranes at dawn", "credit": "Dana Desk", "alt": ""},
 *   {"type": "quote", "html": "We are going back.", "cite": "Union leader"},
 *   {"type": "embed", "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": ""},
 *   {"type": "list", "ordered": false, "items": ["One", "Two"]}]}
 * }</pre>
 *
 * <p>Strict means: an unknown version, block type or field, a value of the wrong JSON type, or
 * inline HTML that the sanitizer would have to change in substance (a {@code <script>}, a
 * {@code javascript:} link, an attribute it drops) is refused with an error naming the block and
 * the field, never quietly repaired. What remains is still run through the OWASP policies of
 * {@link Html} by the block constructors, which is also where markup is normalised.
 */
public final class BlockDocument {
  /** The format's version; a document naming any other is refused, so old editors cannot post a shape we misread. */
  public static final int VERSION = 1;

  /** Characters of JSON one save may send: the Markdown limit with room for the JSON around it. */
  public static final int MAX_CHARS = 2 * Markdown.MAX_LENGTH;

  /** Far more blocks than any article has; bounds the work one save can ask for. */
  public static final int MAX_BLOCKS = 2_000;

  /** Items in one list. */
  public static final int MAX_ITEMS = 500;

  /** The fields each type may carry; the first ones listed are required. */
  private static final Map<String, List<String>> FIELDS = Map.of(
      "paragraph", List.of("type", "html"),
      "heading", List.of("type", "level", "text"),
      "list", List.of("type", "ordered", "items"),
      "quote", List.of("type", "html", "cite"),
      "image", List.of("type", "photo", "caption", "credit", "alt"),
      "embed", List.of("type", "url", "title"),
      "related", List.of("type", "article"),
      "html", List.of("type", "html"));

  private static final Map<String, Set<String>> REQUIRED = Map.of(
      "paragraph", Set.of("html"),
      "heading", Set.of("level", "text"),
      "list", Set.of("items"),
      "quote", Set.of("html"),
      "image", Set.of("photo"),
      "embed", Set.of("url"),
      "related", Set.of("article"),
      "html", Set.of("html"));

  private static final ObjectMapper MAPPER = strictMapper();

  private BlockDocument() {}

  /** Body blocks from a posted document; an {@link InvalidInput} names the block and field at fault. */
  public static List<Block> parse(String json) {
    if (json == null || json.isBlank())
      throw new InvalidInput("body", "is empty: the block editor sent nothing");
    if (json.length() > MAX_CHARS)
      throw new InvalidInput(
          "body", "is " + json.length() + " characters of JSON; the limit is " + MAX_CHARS);
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidInput("body", "is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject())
      throw new InvalidInput("body", "must be a JSON object with \"version\" and \"blocks\"");
    root.fieldNames().forEachRemaining(name -> {
      if (!name.equals("version") && !name.equals("blocks"))
        throw new InvalidInput("body", "has an unknown field \"" + name + "\"");
    });
    var version = root.get("version");
    if (version == null || !version.canConvertToInt() || !version.isIntegralNumber())
      throw new InvalidInput("body", "has no \"version\" number");
    if (version.intValue() != VERSION)
      throw new InvalidInput(
          "body", "is version " + version.asText() + "; this server reads version " + VERSION);
    var blocks = root.get("blocks");
    if (blocks == null || !blocks.isArray())
      throw new InvalidInput("body", "has no \"blocks\" list");
    if (blocks.size() > MAX_BLOCKS)
      throw new InvalidInput(
          "body", "has " + blocks.size() + " blocks; the limit is " + MAX_BLOCKS);
    var out = new ArrayList<Block>(blocks.size());
    for (int i = 0; i < blocks.size(); i++) out.add(block(blocks.get(i), i + 1));
    return List.copyOf(out);
  }

  /** The document for stored blocks, for the block editor to open. */
  public static String write(List<Block> blocks) {
    var root = MAPPER.createObjectNode();
    root.put("version", VERSION);
    var array = root.putArray("blocks");
    for (var b : blocks) array.add(node(b));
    return root.toString();
  }

  private static Block block(JsonNode n, int number) {
    if (n == null || !n.isObject())
      throw new InvalidInput("body block " + number, "is not a JSON object");
    var typeNode = n.get("type");
    if (typeNode == null || !typeNode.isTextual())
      throw new InvalidInput("body block " + number, "has no \"type\"");
    var type = typeNode.asText();
    var allowed = FIELDS.get(type);
    if (allowed == null)
      throw new InvalidInput(
          "body block " + number,
          "has unknown type \"" + clip(type) + "\" (known: "
              + String.join(", ", FIELDS.keySet().stream().sorted().toList()) + ")");
    var b = new Fields(n, "body block " + number + " (" + type + ")");
    n.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) throw b.bad(name, "is not a field of a " + type + " block");
    });
    for (var name : REQUIRED.get(type)) if (!n.has(name)) throw b.bad(name, "is missing");
    try {
      return switch (type) {
        case "paragraph" -> new Block.Paragraph(b.html("html", Html.INLINE));
        case "heading" -> new Block.Heading(b.integer("level"), b.text("text"));
        case "list" -> new Block.ListBlock(b.bool("ordered"), b.htmlItems("items"));
        case "quote" -> new Block.Quote(b.html("html", Html.INLINE), b.text("cite"));
        case "image" ->
          new Block.ImageBlock(b.id("photo"), b.text("caption"), b.text("credit"), b.text("alt"));
        case "embed" -> embed(b);
        case "related" -> new Block.RelatedLink(b.id("article"));
        default -> new Block.RawHtml(b.html("html", Html.BLOCK));
      };
    } catch (InvalidInput e) {
      if (e.field().startsWith("body block")) throw e;
      // A record's own check ("heading level must be 2, 3 or 4"), said of this block.
      throw new InvalidInput(b.where, e.field() + " " + e.reason());
    }
  }

  private static Block embed(Fields b) {
    var url = b.text("url");
    var provider = Markdown.embedProvider(url);
    if (provider == null)
      throw b.bad(
          "url",
          "is not a link the site can embed (YouTube, Vimeo, X, Instagram, Bluesky, Mastodon, SoundCloud, Spotify, TikTok or Flickr, over https)");
    return new Block.Embed(provider, url, b.text("title"));
  }

  static ObjectNode node(Block block) {
    var n = MAPPER.createObjectNode();
    // Java 17 has no pattern switch; the sealed interface still makes the list complete.
    if (block instanceof Block.Paragraph p) {
      n.put("type", "paragraph").put("html", p.html());
    } else if (block instanceof Block.Heading h) {
      n.put("type", "heading").put("level", h.level()).put("text", h.text());
    } else if (block instanceof Block.Quote q) {
      n.put("type", "quote").put("html", q.html()).put("cite", q.attribution());
    } else if (block instanceof Block.ListBlock l) {
      n.put("type", "list").put("ordered", l.ordered());
      var items = n.putArray("items");
      l.items().forEach(items::add);
    } else if (block instanceof Block.ImageBlock im) {
      n.put("type", "image")
          .put("photo", im.imageId())
          .put("caption", im.caption())
          .put("credit", im.credit())
          .put("alt", im.alt());
    } else if (block instanceof Block.Embed e) {
      n.put("type", "embed").put("url", e.url()).put("title", e.title());
    } else if (block instanceof Block.RelatedLink r) {
      n.put("type", "related").put("article", r.articleId());
    } else if (block instanceof Block.RawHtml r) {
      n.put("type", "html").put("html", r.html());
    } else {
      throw new IllegalStateException("unknown block " + block.getClass());
    }
    return n;
  }

  /** One block's fields, read with their JSON type checked; errors name the block and the field. */
  private static final class Fields {
    final JsonNode node;
    final String where;

    Fields(JsonNode node, String where) {
      this.node = node;
      this.where = where;
    }

    InvalidInput bad(String field, String reason) {
      return new InvalidInput(where, "field \"" + field + "\" " + reason);
    }

    String text(String field) {
      var v = node.get(field);
      if (v == null || v.isNull()) return "";
      if (!v.isTextual()) throw bad(field, "must be a string");
      try {
        return Text.optional(field, v.asText(), Integer.MAX_VALUE);
      } catch (InvalidInput e) {
        throw bad(field, e.reason());
      }
    }

    int integer(String field) {
      var v = node.get(field);
      if (v == null || !v.isIntegralNumber() || !v.canConvertToInt())
        throw bad(field, "must be a whole number");
      return v.intValue();
    }

    long id(String field) {
      var v = node.get(field);
      if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() <= 0)
        throw bad(field, "must be a positive whole number");
      return v.longValue();
    }

    boolean bool(String field) {
      var v = node.get(field);
      if (v == null || v.isNull()) return false;
      if (!v.isBoolean()) throw bad(field, "must be true or false");
      return v.booleanValue();
    }

    String html(String field, PolicyFactory policy) {
      return checked(field, text(field), policy);
    }

    List<String> htmlItems(String field) {
      var v = node.get(field);
      if (!v.isArray()) throw bad(field, "must be a list of strings");
      if (v.size() > MAX_ITEMS)
        throw bad(field, "has " + v.size() + " items; the limit is " + MAX_ITEMS);
      var items = new ArrayList<String>();
      for (int i = 0; i < v.size(); i++) {
        var item = v.get(i);
        var name = field + "[" + (i + 1) + "]";
        if (!item.isTextual()) throw bad(name, "must be a string");
        items.add(checked(name, item.asText(), Html.INLINE));
      }
      return items;
    }

    /**
     * Refuses HTML the policy would cut: a block editor only makes markup the policy allows, so
     * anything cut was written by hand or by an attacker and deserves an error, not a repair.
     */
    String checked(String field, String html, PolicyFactory policy) {
      var cut = new ArrayList<String>();
      policy.sanitize(
          html,
          new HtmlChangeListener<List<String>>() {
            @Override
            public void discardedTag(List<String> context, String elementName) {
              // The policy drops a link whose only address it refused, so the link is the problem.
              context.add(
                  elementName.equals("a")
                      ? "a link that is not http:, https: or mailto:"
                      : "the <" + elementName + "> element");
            }

            @Override
            public void discardedAttributes(
                List<String> context, String tagName, String... attributeNames) {
              for (var a : attributeNames) {
                context.add(
                    a.equals("href")
                        ? "a link that is not http:, https: or mailto:"
                        : "the " + a + " attribute on <" + tagName + ">");
              }
            }
          },
          cut);
      if (!cut.isEmpty()) throw bad(field, "has markup the site does not allow: " + cut.get(0));
      return html;
    }
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** Jackson as {@link Json#MAPPER} reads, but refusing duplicate keys and deep nesting. */
  private static ObjectMapper strictMapper() {
    var mapper = Json.MAPPER.copy();
    mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(16).build());
    return mapper;
  }
}
