package dev.byline.wire;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads any file a source delivers: tells the format from the bytes (not the name), hands it
 * to the right reader, and turns every failure into a {@link WireFormatException} that says what
 * and where.
 *
 * <pre>{@code
 * List<WireItem> items = WireFormats.read(bytes, ReadContext.of("reuters", "story.xml", now));
 * }</pre>
 */
public final class WireFormats {
  /** Larger than any real story or picture item; larger files are refused before parsing. */
  public static final int DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

  private WireFormats() {}

  public static List<WireItem> read(byte[] bytes, ReadContext ctx) {
    return read(bytes, ctx, DEFAULT_MAX_BYTES);
  }

  public static List<WireItem> read(byte[] bytes, ReadContext ctx, int maxBytes) {
    if (bytes == null || bytes.length == 0) throw new WireFormatException("", "is empty");
    if (bytes.length > maxBytes) {
      throw new WireFormatException(
          "", "is " + mb(bytes.length) + "; the limit is " + mb(maxBytes));
    }
    if (isPicture(bytes))
      throw new NotAStory(
          "",
          "is a picture file, not an item (it is read as a rendition when an item refers to it)");
    int start = firstSignificant(bytes);
    if (start < 0) throw new WireFormatException("", "holds only white space");
    byte b = bytes[start];
    if (b == '{' || b == '[') return json(bytes, ctx);
    if (b == '<' || isUtf16(bytes)) return xml(bytes, ctx);
    // Its first bytes are not quoted: the note sits in a folder agencies can read.
    throw new WireFormatException("", "is neither XML nor JSON");
  }

  private static List<WireItem> json(byte[] bytes, ReadContext ctx) {
    checkUtf8(bytes);
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(bytes);
    } catch (StreamConstraintsException e) {
      throw new WireFormatException(
          "",
          "is JSON beyond the limits for nesting or string length: "
              + WireFormatException.withoutQuotes(e.getOriginalMessage()));
    } catch (JsonParseException e) {
      var loc = e.getLocation();
      throw new WireFormatException(
          loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr(),
          "is not valid JSON: " + WireFormatException.withoutQuotes(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new WireFormatException(
          "", "is not valid JSON: " + WireFormatException.withoutQuotes(e.getMessage()));
    }
    return NinjsReader.read(root, ctx);
  }

  private static List<WireItem> xml(byte[] bytes, ReadContext ctx) {
    var doc = SafeXml.parse(bytes);
    var root = doc.getDocumentElement();
    var name = Elements.name(root);
    var ns = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
    switch (name) {
      case "newsMessage",
          "newsItem",
          "packageItem",
          "conceptItem",
          "knowledgeItem",
          "planningItem",
          "catalog":
        return NewsmlReader.read(root, ctx);
      case "nitf":
        return List.of(NitfReader.read(root, ctx));
      case "rss", "RDF", "feed", "channel":
        if (isWordPressExport(root))
          throw new WireFormatException(
              name,
              "is a WordPress export (WXR), not a wire feed: import it with \"byline import FILE\", "
                  + "which keeps drafts, private posts and attachments off the site");
        return FeedReader.read(doc, ctx);
      case "contentSet", "inlineXML": {
        var nitf = Elements.descendants(root, "nitf");
        if (!nitf.isEmpty()) return List.of(NitfReader.read(nitf.get(0), ctx));
        throw new NotAStory(name, "is a fragment of a NewsML-G2 item with no item around it");
      }
      case "contentMeta", "itemMeta":
        throw new NotAStory(name, "is a fragment of a NewsML-G2 item (metadata only), not a story");
      case "schema":
        throw new NotAStory(
            name,
            ns.contains("XMLSchema")
                ? "this is an XML Schema, not a news item"
                : "is not a news item");
      case "html":
        throw new WireFormatException(name, "is a web page, not a wire item");
      default:
        throw new WireFormatException(
            name,
            "<" + name + "> is not the root of any wire format Byline reads "
                + "(NewsML-G2, NITF, RSS, Atom)");
    }
  }

  /**
   * WordPress eXtended RSS is RSS 2.0 with WordPress's namespace; read as a feed, every draft
   * and attachment in it would become a story.
   */
  private static boolean isWordPressExport(org.w3c.dom.Element root) {
    var attrs = root.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      var a = attrs.item(i);
      if (a.getNodeName().startsWith("xmlns")
          && a.getNodeValue().startsWith("http://wordpress.org/export/")) return true;
    }
    return false;
  }

  /** JSON must be UTF-8 (RFC 8259); anything else is named as such rather than read as garbage. */
  private static void checkUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw new WireFormatException("", "is JSON that is not valid UTF-8 (JSON must be UTF-8)");
    }
  }

  /** JPEG, PNG, GIF or WebP: a rendition delivered beside its item. */
  public static boolean isPicture(byte[] b) {
    if (b.length < 12) return false;
    if ((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8) return true;
    if ((b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return true;
    if (b[0] == 'G' && b[1] == 'I' && b[2] == 'F') return true;
    return b[0] == 'R'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == 'F'
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P';
  }

  private static boolean isUtf16(byte[] b) {
    return b.length >= 2
        && ((b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff
            || (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe);
  }

  private static int firstSignificant(byte[] b) {
    int i = 0;
    if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf)
      i = 3;
    for (; i < b.length; i++) if (!Character.isWhitespace(b[i])) return i;
    return -1;
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
  }
}
