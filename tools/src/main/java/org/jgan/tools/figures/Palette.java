package org.jgan.tools.figures;

import java.awt.Color;
import java.util.List;

/**
 * The colour of each objective (or any other key), the same in every figure: the objectives jgan
 * knows each have their own entry of a colour-blind-safe palette (Okabe and Ito), in a fixed
 * order, so GAN is the same colour in an experiment's loss curves, histograms and seed bands; other
 * keys share the remaining colours by a stable hash.
 */
public final class Palette {
  private static final Color[] COLOURS = {
      new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
      new Color(230, 159, 0), new Color(86, 180, 233), new Color(120, 120, 120), new Color(0, 0, 0),
      new Color(150, 40, 40)};
  /** The objectives in registry order: the first ones keep their fixed colours. */
  private static final List<String> KNOWN = org.jgan.losses.Objectives.NAMES;

  /** Grey, for real data drawn behind samples. */
  public static final Color REAL = new Color(170, 170, 170);
  /** Black, for marked points (modes, a chosen value). */
  public static final Color MARK = Color.BLACK;

  private Palette() {}

  /** The colour of {@code key} (an objective name, or any other label). */
  public static Color of(String key) {
    int known = KNOWN.indexOf(key);
    if (known >= 0 && known < COLOURS.length) {
      return COLOURS[known];
    }
    return COLOURS[Math.floorMod(key.hashCode(), COLOURS.length)];
  }

  /**
   * The {@code index}-th colour of the palette, for rows that one objective does not tell apart
   * (two models of one objective): distinct for up to {@value #DISTINCT} rows.
   */
  public static Color nth(int index) {
    return COLOURS[Math.floorMod(index, COLOURS.length)];
  }

  /** How many colours {@link #nth} gives before it repeats. */
  public static final int DISTINCT = 9;

  /** {@code colour} with the given opacity (0 to 255), for bands and dense dots. */
  public static Color translucent(Color colour, int alpha) {
    return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
  }
}
