package org.jgan.tools.figures;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Parses written SVG figures with the JDK's XML parser, without fetching the SVG DTD. */
public final class Svg {
  private Svg() {}

  /** The parsed document; fails if the bytes are not well-formed XML. */
  public static Document parse(byte[] svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setValidating(false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
  }

  /** The text of the first element named {@code tag}. */
  public static String text(Document document, String tag) {
    return document.getElementsByTagNameNS("*", tag).item(0).getTextContent();
  }

  /** The figure's {@code <desc>}: its panels and their axes; fails if the file does not parse. */
  public static String desc(Path svg) throws Exception {
    return text(parse(Files.readAllBytes(svg)), "desc");
  }
}
