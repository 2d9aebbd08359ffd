package org.jgan.tools.figures;

import java.awt.image.BufferedImage;

/**
 * A raster image (a grid of samples) placed in a panel and scaled to fit.
 *
 * @param title the caption above it
 * @param image the pixels
 */
public record Picture(String title, BufferedImage image) implements Panel {}
