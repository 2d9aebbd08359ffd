package org.jgan.tools.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Turns a {@link Plot} or {@link Bars} panel into the XChart chart that draws it. */
final class XChartPanels {
  private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
  private static final Font TITLES = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);

  private XChartPanels() {}

  static Chart<?, ?> chart(Panel panel, int width, int height) {
    if (panel instanceof Plot plot) {
      return xy(plot, width, height);
    }
    if (panel instanceof Bars bars) {
      return bars(bars, width, height);
    }
    throw new IllegalArgumentException("not a chart: " + panel.title());
  }

  private static XYChart xy(Plot plot, int width, int height) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(plot.title())
        .xAxisTitle(plot.x().title()).yAxisTitle(plot.y().title()).build();
    style(chart.getStyler());
    chart.getStyler().setXAxisMin(plot.x().min()).setXAxisMax(plot.x().max());
    chart.getStyler().setYAxisMin(plot.y().min()).setYAxisMax(plot.y().max());
    chart.getStyler().setXAxisLogarithmic(plot.x().log()).setYAxisLogarithmic(plot.y().log());
    // Labels between decades on x (a handful of sigmas); decades only on y, where a loss may span many.
    chart.getStyler().setXAxisLogarithmicDecadeOnly(false).setYAxisLogarithmicDecadeOnly(true);
    List<String> legend = plot.series().stream().filter(Series::inLegend).map(Series::name).toList();
    // A lone series named like its axis needs no legend: the axis title already says what it is.
    chart.getStyler().setLegendVisible(legend.size() > 1 || legend.size() == 1 && !legend.get(0).equals(plot.y().title()));
    if (!plot.x().log()) {
      evenTicks(chart, plot);
    }
    for (Series s : plot.series()) {
      XYSeries series = chart.addSeries(s.name(), s.x(), s.y());
      series.setShowInLegend(s.inLegend());
      series.setLineColor(s.colour());
      series.setMarkerColor(s.colour());
      switch (s.style()) {
        case LINE -> {
          series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
          series.setMarker(SeriesMarkers.NONE);
          series.setLineStyle(new BasicStroke(1.5f));
        }
        case DOTS -> {
          series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
          series.setMarker(SeriesMarkers.CIRCLE);
        }
        case MARKERS -> {
          series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
          series.setMarker(SeriesMarkers.CROSS);
        }
        case BAND -> {
          series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
          series.setMarker(SeriesMarkers.NONE);
          series.setFillColor(s.colour());
          series.setLineStyle(new BasicStroke(0f));
        }
      }
    }
    // Dots are small so a cloud of thousands stays readable; the markers' size is the legend's too.
    chart.getStyler().setMarkerSize(plot.series().stream().anyMatch(s -> s.style() == Series.Style.MARKERS) ? 7 : 3);
    return chart;
  }

  /**
   * XChart puts a tick on every x value when the series' x values are equally spaced (a log every
   * 10 steps gets 60 crowded ticks). An invisible first series from the axis' right end to its left
   * breaks that spacing, so the ticks fall on round numbers by the spacing hint instead.
   */
  private static void evenTicks(XYChart chart, Plot plot) {
    double[] x = {plot.x().max(), plot.x().min(), (plot.x().min() + plot.x().max()) / 2};
    XYSeries range = chart.addSeries(" ", x, new double[] {plot.y().min(), plot.y().min(), plot.y().min()});
    range.setShowInLegend(false);
    range.setMarker(SeriesMarkers.NONE);
    range.setLineColor(new Color(0, 0, 0, 0));
  }

  private static CategoryChart bars(Bars bars, int width, int height) {
    CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(bars.title())
        .xAxisTitle(bars.xTitle()).yAxisTitle(bars.y().title()).build();
    style(chart.getStyler());
    chart.getStyler().setYAxisMin(bars.y().min()).setYAxisMax(bars.y().max());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setAvailableSpaceFill(0.9);
    chart.getStyler().setXAxisLabelRotation(bars.bins().size() > 6 ? 30 : 0);
    List<Double> counts = new ArrayList<>();
    for (double c : bars.heights()) {
      counts.add(c);
    }
    CategorySeries series = chart.addSeries(bars.title(), bars.bins(), counts);
    series.setFillColor(bars.colour());
    return chart;
  }

  private static void style(AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderColor(Color.GRAY);
    styler.setPlotGridLinesVisible(true);
    styler.setPlotGridLinesColor(new Color(225, 225, 225));
    styler.setAxisTickLabelsFont(TICKS);
    styler.setAxisTitleFont(TITLES);
    styler.setChartTitleFont(PANEL_TITLE);
    styler.setChartTitleBoxVisible(false);
    styler.setLegendFont(TICKS);
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setLegendBorderColor(Color.LIGHT_GRAY);
    styler.setChartPadding(8);
    styler.setXAxisTickMarkSpacingHint(90);
  }
}
