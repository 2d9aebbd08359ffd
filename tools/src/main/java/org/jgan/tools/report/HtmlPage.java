package org.jgan.tools.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A self-contained HTML page built section by section: CSS inline, pictures as {@code data:} PNG
 * URIs, no scripts, nothing fetched when it is opened. The markup is also well-formed XML
 * (XHTML), so a test can read it with the JDK's parser. Every string given is escaped.
 */
public final class HtmlPage {
  private static final String STYLE = String.join("\n",
      "body { font-family: sans-serif; margin: 2em; color: #222; background: #fff; }",
      "table { border-collapse: collapse; margin: 1em 0; }",
      "th, td { border: 1px solid #bbb; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }",
      "th { background: #eee; }",
      "td.best { font-weight: bold; background: #e3f4e1; }",
      ".gallery { display: flex; flex-wrap: wrap; gap: 1em; }",
      "figure { margin: 0; }",
      "figure img { max-width: 100%; border: 1px solid #ddd; image-rendering: pixelated; }",
      ".gallery img { width: 300px; }",
      "figcaption { font-size: 0.85em; color: #555; }",
      "pre { white-space: pre-wrap; font-size: 0.85em; }",
      "p.protocol { font-size: 0.9em; color: #333; }");

  private final StringBuilder body = new StringBuilder();
  private final String title;

  /** A page titled {@code title} (also its first heading). */
  public HtmlPage(String title) {
    this.title = title;
    heading(1, title);
  }

  /** A heading of {@code level} 1 to 3. */
  public HtmlPage heading(int level, String text) {
    body.append("<h").append(level).append('>').append(Html.escape(text)).append("</h").append(level).append(">\n");
    return this;
  }

  /** A paragraph of text; {@code kind} (may be null) becomes its CSS class. */
  public HtmlPage paragraph(String text, String kind) {
    body.append(kind == null ? "<p>" : "<p class=\"" + Html.escape(kind) + "\">").append(Html.escape(text)).append("</p>\n");
    return this;
  }

  /** Text shown as written, line breaks and spacing kept. */
  public HtmlPage preformatted(String text) {
    body.append("<pre>").append(Html.escape(text)).append("</pre>\n");
    return this;
  }

  /**
   * A table; {@code best[i][j]} (null: none) marks row i's cell j, counted over the whole row, in
   * bold on a green ground and with a star, as the text tables mark it.
   */
  public HtmlPage table(List<String> header, List<List<String>> rows, boolean[][] best) {
    body.append("<table>\n<tr>");
    for (String h : header) {
      body.append("<th>").append(Html.escape(h)).append("</th>");
    }
    body.append("</tr>\n");
    for (int i = 0; i < rows.size(); i++) {
      body.append("<tr>");
      List<String> row = rows.get(i);
      for (int j = 0; j < row.size(); j++) {
        boolean marked = best != null && best[i][j];
        body.append(marked ? "<td class=\"best\">" : "<td>").append(Html.escape(row.get(j)))
            .append(marked ? " *" : "").append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("</table>\n");
    return this;
  }

  /** A captioned picture given as PNG bytes. */
  public HtmlPage png(byte[] png, String caption) {
    figure(png, caption);
    return this;
  }

  /** A captioned picture. */
  public HtmlPage image(BufferedImage image, String caption) {
    return png(pngBytes(image), caption);
  }

  /** Pictures side by side (PNG bytes, each with its caption), wrapping to the page's width. */
  public HtmlPage gallery(List<byte[]> pngs, List<String> captions) {
    body.append("<div class=\"gallery\">\n");
    for (int i = 0; i < pngs.size(); i++) {
      figure(pngs.get(i), captions.get(i));
    }
    body.append("</div>\n");
    return this;
  }

  private void figure(byte[] png, String caption) {
    body.append("<figure><img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
        .append("\" alt=\"").append(Html.escape(caption)).append("\"/><figcaption>").append(Html.escape(caption))
        .append("</figcaption></figure>\n");
  }

  /** The whole document. */
  public String render() {
    return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        + "<title>" + Html.escape(title) + "</title>\n<style>\n" + STYLE + "\n</style>\n</head>\n<body>\n" + body
        + "</body>\n</html>\n";
  }

  /** Writes the page to {@code file} through a temporary file renamed into place, so a failure leaves no half page. */
  public void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    // Not Files.createTempFile: its owner-only permissions would follow the page into place.
    Path temp = parent.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try {
      Files.writeString(temp, render(), StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static byte[] pngBytes(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
