package org.jgan.tools.figures;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Parses SVG bytes with the JDK's XML parser, without fetching the SVG DTD. */
final class Svg {
  private Svg() {}

  static Document parse(byte[] svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setValidating(false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
  }

  /** The text of the first element named {@code tag}. */
  static String text(Document document, String tag) {
    return document.getElementsByTagNameNS("*", tag).item(0).getTextContent();
  }
}
