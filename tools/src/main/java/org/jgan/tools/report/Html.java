package org.jgan.tools.report;

/** Escaping for text placed in HTML (and XHTML) elements and attribute values. */
public final class Html {
  private Html() {}

  /**
   * {@code text} with {@code & < > " '} replaced by character references, and control characters
   * that XML forbids dropped, so that any string read from a file is shown as text, never parsed
   * as markup.
   */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
