package dev.byline.distribution;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin wrapper over the JDK's {@link XMLStreamWriter}: UTF-8, escaping by the writer, and
 * characters that XML 1.0 forbids (control characters, lone surrogates) dropped so that no
 * stored text can make a feed or sitemap ill-formed. Failures surface as
 * {@link UncheckedIOException}.
 */
final class XmlOut implements AutoCloseable {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private final XMLStreamWriter w;

  private XmlOut(XMLStreamWriter w) {
    this.w = w;
  }

  /** Opens a document on {@code out}; closing it ends the document but leaves {@code out} open. */
  static XmlOut open(OutputStream out) {
    try {
      var w = FACTORY.createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      return new XmlOut(w);
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  /** Starts the root element in {@code namespace} (the default namespace). */
  XmlOut root(String name, String namespace) {
    try {
      w.setDefaultNamespace(namespace);
      w.writeStartElement("", name, namespace);
      w.writeDefaultNamespace(namespace);
      return this;
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  /** Starts a root element with no namespace of its own (RSS). */
  XmlOut root(String name) {
    return start(name);
  }

  XmlOut namespace(String prefix, String uri) {
    try {
      w.setPrefix(prefix, uri);
      w.writeNamespace(prefix, uri);
      return this;
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  XmlOut start(String name) {
    try {
      w.writeStartElement(name);
      return this;
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  XmlOut start(String prefix, String name, String namespace) {
    try {
      w.writeStartElement(prefix, name, namespace);
      return this;
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  XmlOut empty(String name) {
    try {
      w.writeEmptyElement(name);
      return this;
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  XmlOut empty(String prefix, String name, String namespace) {
    try {
      w.writeEmptyElement(prefix, name, namespace);
      return this;
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  XmlOut attr(String name, String value) {
    try {
      w.writeAttribute(name, clean(value));
      return this;
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  XmlOut xmlLang(String tag) {
    try {
      w.writeAttribute("xml", javax.xml.XMLConstants.XML_NS_URI, "lang", clean(tag));
      return this;
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  XmlOut attr(String name, int value) {
    return attr(name, Integer.toString(value));
  }

  XmlOut text(String value) {
    try {
      w.writeCharacters(clean(value));
      return this;
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  XmlOut end() {
    try {
      w.writeEndElement();
      return this;
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  /** {@code <name>text</name>}. */
  XmlOut element(String name, String text) {
    return start(name).text(text).end();
  }

  XmlOut element(String prefix, String name, String namespace, String text) {
    return start(prefix, name, namespace).text(text).end();
  }

  /** {@code <name>text</name>} unless the text is empty. */
  XmlOut optional(String name, String text) {
    return text == null || text.isEmpty() ? this : element(name, text);
  }

  XmlOut optional(String prefix, String name, String namespace, String text) {
    return text == null || text.isEmpty() ? this : element(prefix, name, namespace, text);
  }

  XmlOut date(String name, Instant t) {
    return element(name, FeedDates.rfc3339(t));
  }

  /** A line break between elements, so the files read well; it is insignificant whitespace. */
  XmlOut newline() {
    return text("\n");
  }

  void flush() {
    try {
      w.flush();
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  @Override
  public void close() {
    try {
      w.writeEndDocument();
      w.writeCharacters("\n");
      w.flush();
      w.close();
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  /** The text with every character XML 1.0 cannot carry left out. */
  static String clean(String s) {
    if (s == null) return "";
    int n = s.length();
    int i = 0;
    while (i < n && allowed(s, i)) i += Character.charCount(s.codePointAt(i));
    if (i == n) return s;
    var b = new StringBuilder(n);
    b.append(s, 0, i);
    while (i < n) {
      int cp = s.codePointAt(i);
      if (allowed(s, i)) b.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  private static boolean allowed(String s, int i) {
    int cp = s.codePointAt(i);
    if (cp < 0x20) return cp == 0x9 || cp == 0xA || cp == 0xD;
    if (cp <= 0xD7FF) return true;
    if (cp < 0xE000) return false; // a lone surrogate: codePointAt returns it unpaired
    if (cp <= 0xFFFD) return true;
    return cp >= 0x10000 && cp <= 0x10FFFF;
  }

  private static UncheckedIOException failed(XMLStreamException e) {
    return new UncheckedIOException(new IOException("writing XML failed: " + e.getMessage(), e));
  }
}
