package org.jgan.tools.figures;

/** One panel of a {@link Figure}: a chart or a picture, with its own title. */
public sealed interface Panel permits Plot, Bars, Picture {
  /** The panel's title, printed above it. */
  String title();
}
