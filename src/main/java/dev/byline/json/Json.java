package dev.byline.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration. Everything that reads or writes JSON (stored blocks and wire items,
 * wire files, imports, structured data, JSON endpoints, Javalin's {@code ctx.json}) goes through
 * {@link #MAPPER}, configured here once and never changed after; nothing builds a mapper of its
 * own.
 *
 * <pre>{@code
 * JsonNode root = Json.MAPPER.readTree(bytes);
 * byte[] body = Json.MAPPER.writeValueAsBytes(Map.of("items", items));
 * JsonNode choice = Json.STRICT.readTree(body); // a repeated field is an error
 * }</pre>
 */
public final class Json {
  /**
   * Deeper than any real document (a ninjs package nests a handful of levels); more is an attack
   * on the parser's stack.
   */
  public static final int MAX_NESTING_DEPTH = 200;

  /** A whole wire file (20 MB, the wire reader's limit) may be one string: a body of XHTML. */
  public static final int MAX_STRING_LENGTH = 20 * 1024 * 1024;

  public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(MAX_NESTING_DEPTH)
              .maxStringLength(MAX_STRING_LENGTH)
              .build())
          .build())
      .build();

  /**
   * For input that is proof of something (a reader's consent choice): a field given twice is
   * refused rather than read as its last value, so what is stored is what was meant.
   */
  public static final ObjectReader STRICT =
      MAPPER.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  private Json() {}
}
