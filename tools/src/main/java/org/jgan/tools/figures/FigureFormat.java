package org.jgan.tools.figures;

import java.util.Locale;

/**
 * The file formats a figure is written in: always PNG, and with {@code svg} or {@code pdf} a
 * vector copy beside it (same name, that extension), for a paper.
 */
public enum FigureFormat {
  /** PNG only. */
  PNG,
  /** PNG and SVG. */
  SVG,
  /** PNG and PDF. */
  PDF;

  /** The option's help text. */
  public static final String HELP = "png | svg | pdf: every figure as PNG, plus a vector copy beside it for svg or pdf (default: png)";

  /** Parses {@code png}, {@code svg} or {@code pdf} (any case); a bad value names {@code flag}. */
  public static FigureFormat parse(String value, String flag) {
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(flag + " must be png, svg or pdf, got '" + value + "'");
    }
  }

  /** The file extension, without the dot. */
  public String extension() {
    return name().toLowerCase(Locale.ROOT);
  }
}
