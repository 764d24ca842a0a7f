package dev.byline.site;

import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.content.InvalidInput;
import dev.byline.json.Json;
import dev.byline.personalize.ReaderSignals;
import dev.byline.personalize.Reason;
import dev.byline.personalize.Recommender;
import dev.byline.web.BadRequest;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /for-you.json}: recommendations for the signals a reader's browser sends,
 * {@code {"read": [ids, newest first], "follow": [topic slugs]}}. A POST so the signals stay out
 * of URLs and proxy logs; nothing is stored, and the answer is never cached. Changes nothing, so
 * it needs no CSRF token.
 */
public final class ForYouRoute implements Routes {
  public static final String PATH = "/for-you.json";
  /** Fifty ids and fifty slugs fit comfortably. */
  static final int MAX_BODY = 8 * 1024;

  private final Site site;
  private final Recommender recommender;

  public ForYouRoute(Site site, Recommender recommender) {
    this.site = site;
    this.recommender = recommender;
  }

  @Override
  public void routes(RoutesConfig routes) {
    routes.post(PATH, this::recommend);
  }

  /** "Because you follow Norreland", in the site's language. */
  private String words(Reason reason) {
    var key = reason.kind() == Reason.Kind.READ ? "for.you.because.read" : "for.you.because.follow";
    return site.messages().text(key, reason.subject());
  }

  private void recommend(Context ctx) throws IOException {
    ctx.header("Cache-Control", "no-store");
    var signals = signals(ctx);
    int limit = limit(ctx.queryParam("limit"));
    var items = recommender.recommend(signals, limit).stream()
        .map(r -> StoryItem.of(r.story(), site.dates(), words(r.reason())))
        .toList();
    ctx.contentType(MostReadPages.JSON_TYPE);
    ctx.result(Json.MAPPER.writeValueAsBytes(Map.of("items", items)));
  }

  private ReaderSignals signals(Context ctx) throws IOException {
    if (ctx.contentLength() > MAX_BODY)
      throw new ContentTooLargeResponse("Send at most " + MAX_BODY + " bytes.");
    byte[] bytes;
    try (var in = ctx.bodyInputStream()) {
      bytes = in.readNBytes(MAX_BODY + 1);
    }
    if (bytes.length > MAX_BODY)
      throw new ContentTooLargeResponse("Send at most " + MAX_BODY + " bytes.");
    JsonNode root;
    try {
      root = bytes.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new BadRequest(
          "The body must be JSON like {\"read\": [12, 7], \"follow\": [\"norreland\"]}.");
    }
    if (root == null || !root.isObject())
      throw new BadRequest("The body must be a JSON object with \"read\" and \"follow\" lists.");
    return new ReaderSignals(ids(root.get("read")), slugs(root.get("follow")));
  }

  private static List<Long> ids(JsonNode node) {
    var out = new ArrayList<Long>();
    if (node == null || node.isNull()) return out;
    if (!node.isArray()) throw new InvalidInput("read", "must be a list of article ids");
    for (var n : node) {
      if (!n.canConvertToLong() || !n.isIntegralNumber())
        throw new InvalidInput("read", "must hold article ids (whole numbers above 0)");
      out.add(n.asLong());
      if (out.size() > ReaderSignals.MAX_READ) break;
    }
    return out;
  }

  private static List<String> slugs(JsonNode node) {
    var out = new ArrayList<String>();
    if (node == null || node.isNull()) return out;
    if (!node.isArray()) throw new InvalidInput("follow", "must be a list of topic slugs");
    for (var n : node) {
      if (!n.isTextual()) throw new InvalidInput("follow", "must hold topic slugs");
      out.add(n.asText());
      if (out.size() > ReaderSignals.MAX_FOLLOW) break;
    }
    return out;
  }

  private static int limit(String value) {
    if (value == null || value.isBlank()) return Recommender.DEFAULT_LIMIT;
    try {
      int n = Integer.parseInt(value.strip());
      if (n < 1 || n > Recommender.MAX_LIMIT) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequest("limit must be a whole number from 1 to " + Recommender.MAX_LIMIT + ".");
    }
  }
}
