package dev.byline.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only way wire XML is parsed: no DOCTYPE at all (which shuts out XXE, external DTDs and
 * billion-laughs entity expansion in one stroke), no external entities or XInclude, the JDK's
 * secure-processing limits on, elements nested at most {@link #MAX_DEPTH} deep, and a size cap
 * checked before parsing. Errors come back as {@link WireFormatException}s naming the line and
 * column, never quoting the file.
 */
final class SafeXml {
  private static final String DOCTYPE_FEATURE =
      "http://apache.org/xml/features/disallow-doctype-decl";

  /**
   * Deepest element nesting read. Real agency files nest about 15 deep (a news message, its item,
   * an inline NITF body, a table cell, a link); every reader walks the tree, so a bound here is
   * what keeps a small hostile file from exhausting the stack.
   */
  static final int MAX_DEPTH = 100;

  private static final String MAX_DEPTH_PROPERTY = "jdk.xml.maxElementDepth";

  private SafeXml() {}

  static Document parse(byte[] bytes) {
    DocumentBuilder builder = newBuilder();
    try {
      var doc = builder.parse(new InputSource(new ByteArrayInputStream(bytes)));
      checkNamespaces(doc.getDocumentElement());
      return doc;
    } catch (SAXParseException e) {
      throw new WireFormatException(where(e), explain(e.getMessage()));
    } catch (SAXException e) {
      throw new WireFormatException("", explain(e.getMessage()));
    } catch (IOException e) {
      throw new WireFormatException("", "cannot be read: " + e.getMessage());
    }
  }

  /** A namespace name is a URI reference, which cannot hold white space; parsers let it through. */
  private static void checkNamespaces(org.w3c.dom.Element e) {
    var attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      var a = attrs.item(i);
      var name = a.getNodeName();
      if ((name.equals("xmlns") || name.startsWith("xmlns:"))
          && a.getNodeValue().chars().anyMatch(Character::isWhitespace)) {
        throw new WireFormatException(
            "<" + e.getNodeName() + "> " + name,
            "declares a namespace whose name has white space in it");
      }
    }
    for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof org.w3c.dom.Element c) checkNamespaces(c);
    }
  }

  private static DocumentBuilder newBuilder() {
    var f = DocumentBuilderFactory.newInstance();
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature(DOCTYPE_FEATURE, true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setAttribute(MAX_DEPTH_PROPERTY, String.valueOf(MAX_DEPTH));
    } catch (ParserConfigurationException | IllegalArgumentException e) {
      throw new IllegalStateException("the XML parser cannot be hardened: " + e.getMessage(), e);
    }
    f.setNamespaceAware(true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setValidating(false);
    try {
      var b = f.newDocumentBuilder();
      b.setErrorHandler(THROWING);
      b.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entities are not allowed (" + systemId + ")");
      });
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The default handler prints "[Fatal Error]" to stderr; this one only throws. */
  private static final ErrorHandler THROWING = new ErrorHandler() {
    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) {}

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  };

  private static String where(SAXParseException e) {
    return e.getLineNumber() > 0
        ? "line " + e.getLineNumber() + ", column " + e.getColumnNumber()
        : "";
  }

  private static String explain(String message) {
    var raw = message == null ? "" : message;
    var m = message == null ? "malformed XML" : WireFormatException.withoutQuotes(message);
    if (m.contains("DOCTYPE is disallowed")) {
      return "has a DOCTYPE declaration, which is refused: DTDs can expand entities without bound (billion laughs) "
          + "or read other files (XXE)";
    }
    if (raw.contains("maxElementDepth")) {
      return "nests elements more than " + MAX_DEPTH + " deep, which no wire format needs; "
          + "refused so that reading it cannot exhaust the server's stack";
    }
    if (m.contains("Invalid byte")
        || m.contains("Invalid encoding")
        || m.contains("invalid byte")) {
      return "is not in the encoding it declares (" + m + ")";
    }
    if (m.contains("Premature end of file") || m.contains("Content is not allowed in prolog")) {
      return "is not XML (" + m + ")";
    }
    return "is not well-formed XML: " + m;
  }
}
