package dev.byline.migrate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.byline.json.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * A site export on disk, told apart by its content rather than its name: a WordPress eXtended
 * RSS file ({@code .xml} or gzipped), a folder of the split files WordPress tools write for big
 * sites, or a Ghost JSON export.
 *
 * <pre>{@code
 * Export.detect(Path.of("site.xml.gz")).ifPresent(export -> ...);
 * }</pre>
 */
public record Export(Kind kind, Path path, List<Path> files, String version) {
  /** How much of a file is read to tell what it is; the root element comes long before this. */
  static final int SNIFF_BYTES = 64 * 1024;

  private static final Pattern ENCODING =
      Pattern.compile("^<\\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']");

  public enum Kind {
    WORDPRESS("WordPress eXtended RSS"),
    GHOST("Ghost JSON export");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public Export {
    files = List.copyOf(files);
  }

  /** One line saying what this is, e.g. "WordPress eXtended RSS 1.2 (3 files)". */
  public String describe() {
    return kind.label()
        + (version.isEmpty() ? "" : " " + version)
        + (files.size() == 1 ? "" : " (" + files.size() + " files)");
  }

  /**
   * The export at {@code path}, or empty when it is not one (wire files, an unrelated folder).
   * A folder counts when it holds WXR files and nothing else a wire import would read.
   */
  public static Optional<Export> detect(Path path) throws IOException {
    if (Files.isRegularFile(path)) return detectFile(path);
    if (!Files.isDirectory(path)) return Optional.empty();
    var wxr = new ArrayList<Path>();
    String version = "";
    try (var list = Files.list(path)) {
      for (var f : list.filter(Files::isRegularFile)
          .sorted(Comparator.comparing(Path::toString))
          .toList()) {
        var n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.startsWith(".") || !(n.endsWith(".xml") || n.endsWith(".xml.gz"))) continue;
        var one = detectFile(f);
        if (one.isEmpty() || one.get().kind() != Kind.WORDPRESS) return Optional.empty();
        wxr.add(f);
        version = one.get().version();
      }
    }
    return wxr.isEmpty()
        ? Optional.empty()
        : Optional.of(new Export(Kind.WORDPRESS, path, wxr, version));
  }

  private static Optional<Export> detectFile(Path file) throws IOException {
    byte[] head;
    try (var in = decompressed(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    }
    int i = 0;
    if (head.length >= 3
        && (head[0] & 0xff) == 0xef
        && (head[1] & 0xff) == 0xbb
        && (head[2] & 0xff) == 0xbf) i = 3;
    while (i < head.length && Character.isWhitespace(head[i])) i++;
    if (i >= head.length) return Optional.empty();
    if (head[i] == '<')
      return wxrVersion(head).map(v -> new Export(Kind.WORDPRESS, file, List.of(file), v));
    if (head[i] == '{' && isGhost(file))
      return Optional.of(new Export(Kind.GHOST, file, List.of(file), ""));
    return Optional.empty();
  }

  /** The WXR version named by the root's namespaces ("1.2"), if the root declares WordPress's. */
  static Optional<String> wxrVersion(byte[] head) {
    var f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      var xml = f.createXMLStreamReader(new java.io.ByteArrayInputStream(head));
      while (xml.hasNext()) {
        if (xml.next() != XMLStreamConstants.START_ELEMENT) continue;
        if (!xml.getLocalName().equals("rss")) return Optional.empty();
        for (int n = 0; n < xml.getNamespaceCount(); n++) {
          var uri = xml.getNamespaceURI(n);
          if (uri != null && uri.startsWith(WxrReader.WP_NAMESPACE) && !uri.endsWith("/excerpt/"))
            return Optional.of(uri.substring(WxrReader.WP_NAMESPACE.length()).replace("/", ""));
        }
        return Optional.empty();
      }
    } catch (XMLStreamException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Ghost writes {"db":[{"meta":{"exported_on":…},"data":{…}}]} (older versions without "db"). */
  private static boolean isGhost(Path file) throws IOException {
    try (var in = decompressed(file);
        var p = Json.MAPPER.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        var name = p.currentName();
        var t = p.nextToken();
        if (name.equals("db") && t == JsonToken.START_ARRAY) {
          return p.nextToken() == JsonToken.START_OBJECT && hasExportMeta(p);
        }
        if (name.equals("meta") && t == JsonToken.START_OBJECT) return metaIsGhost(p);
        p.skipChildren();
      }
      return false;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return false;
    }
  }

  private static boolean hasExportMeta(JsonParser p) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      var name = p.currentName();
      var t = p.nextToken();
      if (name.equals("meta") && t == JsonToken.START_OBJECT) return metaIsGhost(p);
      p.skipChildren();
    }
    return false;
  }

  private static boolean metaIsGhost(JsonParser p) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      if (p.currentName().equals("exported_on")) return true;
      p.nextToken();
      p.skipChildren();
    }
    return false;
  }

  /** The file's bytes, gunzipped when they are gzip (told by the magic number, not the name). */
  static InputStream decompressed(Path file) throws IOException {
    var in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b)
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    return in;
  }

  /**
   * The file as characters, in the encoding its XML declaration names (UTF-8 by default), with
   * characters XML forbids replaced. Bytes that are not valid in that encoding fail the read.
   */
  static CleanXmlReader openXml(Path file) throws IOException {
    var in = decompressed(file);
    in.mark(256);
    var head = new String(in.readNBytes(200), StandardCharsets.ISO_8859_1);
    in.reset();
    if (head.startsWith(
        "\u00ef\u00bb\u00bf")) { // a UTF-8 byte order mark, which XML parsers given characters
      // refuse
      in.skipNBytes(3);
      head = head.substring(3);
    }
    var m = ENCODING.matcher(head);
    Charset charset = StandardCharsets.UTF_8;
    if (m.find()) {
      try {
        charset = Charset.forName(m.group(1));
      } catch (IllegalArgumentException e) {
        in.close();
        throw new IOException(
            "declares the encoding \"" + m.group(1) + "\", which Java does not know");
      }
    }
    var decoder = charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    Reader reader = new InputStreamReader(in, decoder);
    return new CleanXmlReader(new java.io.BufferedReader(reader, 1 << 16));
  }
}
