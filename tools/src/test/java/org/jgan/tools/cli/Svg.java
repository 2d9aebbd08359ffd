package org.jgan.tools.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;

/** Reads a written SVG figure with the JDK's XML parser (without fetching the SVG DTD). */
public final class Svg {
  private Svg() {}

  /** The figure's {@code <desc>}: its panels and their axes; fails if the file does not parse. */
  public static String desc(Path svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(Files.newInputStream(svg)).getElementsByTagNameNS("*", "desc").item(0)
        .getTextContent();
  }
}
