/**
 * Charts written as PNG, SVG or PDF ({@link org.jgan.tools.figures.FigureFormat}) by
 * {@link org.jgan.tools.figures.FigureWriter}: loss curves ({@link org.jgan.tools.figures.LossFigure}), 2-D sample
 * scatters ({@link org.jgan.tools.figures.ScatterFigure}), seed bands and histograms.
 */
package org.jgan.tools.figures;
