package org.cranisotropy.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The common look of the report's charts: log axes, the isotropic bands, lines and markers, legends. */
final class ChartKit {
    // sized for a slide: a 900 px figure shown at half size keeps the ticks at 7 px and the labels at 8 px
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 19);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Color DATA = new Color(0x1f, 0x4e, 0x9a);
    static final Color MARKER = new Color(0xc0, 0x1c, 0x28);
    static final Color MEDIAN = new Color(0x44, 0x44, 0x44);
    static final Color BAND1 = new Color(0x9a, 0xc8, 0x6c);
    static final Color BAND2 = new Color(0xe6, 0xd8, 0x6a);
    static final Color REFERENCE = new Color(0x8e, 0x44, 0xad);
    static final BasicStroke DASHED = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[] {6f, 4f}, 0f);
    static final Color[] SERIES = {new Color(0x1f, 0x4e, 0x9a), new Color(0xc0, 0x1c, 0x28), new Color(0x2a, 0x8a, 0x3e),
        new Color(0x8e, 0x44, 0xad), new Color(0xd3, 0x7a, 0x00), new Color(0x00, 0x8b, 0x8b), new Color(0x6b, 0x4e, 0x2e)};
    static final String ENERGY_THRESHOLD = "Threshold energy E_th (GeV)";
    static final String ENERGY_BIN = "Energy (GeV)";

    private ChartKit() {}

    /** A log axis with the ticks and labels of {@link LogTicks}, the same on every figure. */
    static LogAxis logAxis(String label) {
        LogAxis a = new LogTicksAxis(label);
        a.setBase(10);
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        a.setSmallestValue(1e-12);
        a.setMinorTickMarksVisible(true);
        return a;
    }

    /** A linear axis in the fonts of the log axes. */
    static org.jfree.chart.axis.NumberAxis linearAxis(String label) {
        org.jfree.chart.axis.NumberAxis a = new org.jfree.chart.axis.NumberAxis(label);
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        return a;
    }

    /** A white-background plot with light grid lines and the given axes. */
    static XYPlot plot(LogAxis x, org.jfree.chart.axis.ValueAxis y) {
        XYPlot p = new XYPlot();
        p.setDomainAxis(x);
        p.setRangeAxis(y);
        style(p);
        return p;
    }

    static void style(XYPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        p.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        p.setOutlinePaint(Color.GRAY);
        p.setAxisOffset(RectangleInsets.ZERO_INSETS);
        p.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    }

    /** The chart with its title and a legend inside the plot area at the given corner. */
    static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, LegendItemCollection legend) {
        if (plot instanceof XYPlot xy) {
            xy.setFixedLegendItems(legend);
        } else if (plot instanceof org.jfree.chart.plot.CombinedDomainXYPlot c) {
            c.setFixedLegendItems(legend);
        }
        JFreeChart c = new JFreeChart(title, TITLE, plot, false);
        c.setBackgroundPaint(Color.WHITE);
        // a legend of more than two items is a grid of two columns, so that it never wraps mid-row
        int n = legend.getItemCount();
        LegendTitle l = n <= 2 ? new LegendTitle(plot)
                : new LegendTitle(plot, new org.jfree.chart.block.GridArrangement((n + 1) / 2, 2),
                        new org.jfree.chart.block.ColumnArrangement());
        c.addLegend(l);
        l.setPosition(RectangleEdge.BOTTOM);
        l.setItemFont(TICK);
        l.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        c.setPadding(new RectangleInsets(4, 4, 4, 12));
        return c;
    }

    /**
     * A band dataset: one series whose y is the median and whose interval is [lo, hi], drawn by a
     * {@link DeviationRenderer} with an invisible line (the median is drawn separately).
     */
    static void addBand(XYPlot p, int index, String name, double[] x, double[] median, double[] lo, double[] hi,
            Color fill) {
        YIntervalSeries s = new YIntervalSeries(name);
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && lo[i] > 0 && hi[i] > 0 && median[i] > 0) {
                s.add(x[i], median[i], lo[i], hi[i]);
            }
        }
        YIntervalSeriesCollection d = new YIntervalSeriesCollection();
        d.addSeries(s);
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setSeriesFillPaint(0, fill);
        r.setSeriesPaint(0, new Color(0, 0, 0, 0));
        r.setAlpha(1.0f);
        p.setDataset(index, d);
        p.setRenderer(index, r);
    }

    /** A line (and optionally markers) dataset of positive points. */
    static void addLine(XYPlot p, int index, String name, double[] x, double[] y, Color colour, float width,
            Shape marker) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0 && Double.isFinite(y[i])) {
                s.add(x[i], y[i]);
            }
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, marker != null);
        r.setDrawSeriesLineAsPath(true); // one SVG path per series instead of one element per segment
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        if (marker != null) {
            r.setSeriesShape(0, marker);
        }
        p.setDataset(index, new XYSeriesCollection(s));
        p.setRenderer(index, r);
    }

    /** Markers only. */
    static void addMarkers(XYPlot p, int index, String name, double[] x, double[] y, Color colour, Shape marker) {
        addLine(p, index, name, x, y, colour, 1f, marker);
        ((XYLineAndShapeRenderer) p.getRenderer(index)).setSeriesLinesVisible(0, false);
    }

    static Shape diamond(double size) {
        java.awt.geom.Path2D.Double d = new java.awt.geom.Path2D.Double();
        d.moveTo(0, -size);
        d.lineTo(size, 0);
        d.lineTo(0, size);
        d.lineTo(-size, 0);
        d.closePath();
        return d;
    }

    static Shape circle(double r) {
        return new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
    }

    static Shape square(double r) {
        return new Rectangle2D.Double(-r, -r, 2 * r, 2 * r);
    }

    static LegendItem lineItem(String label, Paint paint, float width) {
        LegendItem i = new LegendItem(label, null, null, null, new Line2D.Double(-9, 0, 9, 0),
                new BasicStroke(width), paint);
        i.setLabelFont(TICK);
        return i;
    }

    static LegendItem dashedItem(String label, Paint paint) {
        LegendItem i = new LegendItem(label, null, null, null, new Line2D.Double(-9, 0, 9, 0), DASHED, paint);
        i.setLabelFont(TICK);
        return i;
    }

    static LegendItem markerItem(String label, Paint paint, Shape shape) {
        LegendItem i = new LegendItem(label, null, null, null, shape, paint);
        i.setLabelFont(TICK);
        return i;
    }

    static LegendItem lineMarkerItem(String label, Paint paint, Shape shape) {
        LegendItem i = new LegendItem(label, null, null, null, true, shape, true, paint, false, paint,
                new BasicStroke(1f), true, new Line2D.Double(-9, 0, 9, 0), new BasicStroke(1.5f), paint);
        i.setLabelFont(TICK);
        return i;
    }

    static LegendItem fillItem(String label, Paint paint) {
        LegendItem i = new LegendItem(label, null, null, null, new Rectangle2D.Double(-8, -5, 16, 10), paint);
        i.setLabelFont(TICK);
        return i;
    }

    /** The largest dipole amplitude a measurement (or any non-negative sky) can have; a limit there says nothing. */
    static final double PHYSICAL_BOUND = 3.0;

    /**
     * Draws the physical bound delta = 3 as a dashed line when some limit reaches above 1 (a limit at 3
     * is no constraint), and adds its legend item to items.
     */
    static void physicalBound(XYPlot p, java.util.List<LegendItem> items, double[]... limits) {
        double max = 0;
        for (double[] l : limits) {
            for (double v : l) {
                max = v > max && Double.isFinite(v) ? v : max;
            }
        }
        if (max > 1) {
            p.addRangeMarker(new org.jfree.chart.plot.ValueMarker(PHYSICAL_BOUND, MEDIAN, DASHED));
            items.add(dashedItem("\u03b4 = 3: the physical bound (a limit there is no constraint)", MEDIAN));
        }
    }

    static LegendItemCollection legend(LegendItem... items) {
        LegendItemCollection c = new LegendItemCollection();
        for (LegendItem i : items) {
            c.add(i);
        }
        return c;
    }
}
