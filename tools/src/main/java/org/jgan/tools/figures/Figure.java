package org.jgan.tools.figures;

import java.util.List;

/**
 * A whole figure before it is drawn: panels laid out in rows of {@code columns}, a title above and
 * notes below (what was left out, and why). Tests read this model; {@link FigureWriter} draws it.
 *
 * @param title printed above the panels
 * @param columns panels per row
 * @param panelWidth width of one panel in pixels (points in vector output)
 * @param panelHeight height of one panel
 * @param panels the panels, row by row
 * @param notes lines printed under the panels
 */
public record Figure(String title, int columns, int panelWidth, int panelHeight, List<Panel> panels, List<String> notes) {
  /** Default panel width. */
  public static final int WIDTH = 640;
  /** Default height of a chart panel. */
  public static final int HEIGHT = 300;

  /** Checks the layout. */
  public Figure {
    panels = List.copyOf(panels);
    notes = List.copyOf(notes);
    if (columns < 1 || panelWidth < 1 || panelHeight < 1) {
      throw new IllegalArgumentException("figure '" + title + "': bad layout " + columns + " x " + panelWidth + " x " + panelHeight);
    }
  }

  /** Panels stacked in one column at the default size. */
  public static Figure stacked(String title, List<Panel> panels, List<String> notes) {
    return new Figure(title, 1, WIDTH, HEIGHT, panels, notes);
  }

  /** Rows of panels. */
  public int rows() {
    return Math.max(1, (panels.size() + columns - 1) / columns);
  }

  /** The panel titled {@code title}. */
  public Panel panel(String title) {
    return panels.stream().filter(p -> p.title().equals(title)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no panel '" + title + "' in figure '" + this.title + "'"));
  }
}
