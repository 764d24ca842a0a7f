package dev.byline.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.content.InvalidInput;
import dev.byline.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the JSON a browser sends when a reader makes a choice:
 *
 * <pre>{@code
 * {"consentId":"…uuid…","revision":1,"action":"custom",
 *  "categories":{"necessary":true,"analytics":false,…},
 *  "services":{"site":true,"google-analytics":false,…},"language":"en"}
 * }</pre>
 *
 * Anything else (unknown fields, wrong types, too large) is refused with the field named.
 */
public final class ConsentChoiceReader {
  /** A full choice for a dozen services is under 1 KB; four leaves room and nothing more. */
  public static final int MAX_BYTES = 4096;

  private static final Set<String> FIELDS =
      Set.of("consentId", "revision", "action", "categories", "services", "language");

  private final ConsentPolicy policy;

  public ConsentChoiceReader(ConsentPolicy policy) {
    this.policy = policy;
  }

  public ConsentChoice read(byte[] body) {
    if (body.length == 0) throw new InvalidInput("body", "is empty");
    if (body.length > MAX_BYTES)
      throw new InvalidInput("body", "is larger than " + MAX_BYTES + " bytes");
    JsonNode root;
    try {
      root = Json.STRICT.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidInput("body", "is not JSON");
    } catch (java.io.IOException e) {
      throw new InvalidInput("body", "cannot be read");
    }
    if (root == null || !root.isObject()) throw new InvalidInput("body", "must be a JSON object");
    root.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f))
        throw new InvalidInput(f.length() > 40 ? f.substring(0, 40) : f, "is not a known field");
    });
    var choice = new ConsentChoice(
        uuid(text(root, "consentId")),
        integer(root, "revision"),
        ConsentAction.byId(text(root, "action"))
            .orElseThrow(
                () -> new InvalidInput("action", "must be accept-all, reject-all or custom")),
        flags(root, "categories"),
        flags(root, "services"),
        text(root, "language"));
    return choice.checkedAgainst(policy);
  }

  private static String text(JsonNode root, String field) {
    var node = root.get(field);
    if (node == null || !node.isTextual()) throw new InvalidInput(field, "must be a string");
    return node.asText();
  }

  private static int integer(JsonNode root, String field) {
    var node = root.get(field);
    if (node == null || !node.isInt()) throw new InvalidInput(field, "must be a whole number");
    return node.asInt();
  }

  private static UUID uuid(String text) {
    if (!text.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
      throw new InvalidInput("consentId", "must be a lower-case UUID");
    }
    return UUID.fromString(text);
  }

  private static Map<String, Boolean> flags(JsonNode root, String field) {
    var node = root.get(field);
    if (node == null || !node.isObject())
      throw new InvalidInput(field, "must be an object of true/false answers");
    var out = new LinkedHashMap<String, Boolean>();
    var it = node.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!e.getValue().isBoolean())
        throw new InvalidInput(
            field, "answer for \"" + abbreviate(e.getKey()) + "\" must be true or false");
      out.put(e.getKey(), e.getValue().asBoolean());
    }
    return out;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
