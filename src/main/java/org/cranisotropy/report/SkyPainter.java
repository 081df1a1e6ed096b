package org.cranisotropy.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a full-sky Mollweide map in galactic coordinates ({@link MollweideProjection}: l = 0 at the centre,
 * longitude increasing to the left, l = 180 at both edges) onto any Graphics2D: a raster of the map made by
 * inverse projection of every image pixel centre, a 30-degree graticule with labels, marks and small circles,
 * a title, a horizontal colour bar and a key line. The raster is one image (embedded as PNG in the SVG twin);
 * everything else is vector.
 */
final class SkyPainter {
    /** A function on the sphere (degrees). */
    @FunctionalInterface
    interface SkyFunction {
        double value(double lDeg, double bDeg);
    }

    /** A point mark with an optional text label. */
    record Mark(double lDeg, double bDeg, String label, Shape shape, Color fill, Color outline) {}

    /** A small circle of angular radius radiusDeg around (l, b). */
    record Circle(double lDeg, double bDeg, double radiusDeg, Color colour, float width) {}

    private static final Font TITLE = ChartKit.TITLE;
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

    private final String title;
    private final SkyFunction function;
    private final ColourScale scale;
    private final List<Mark> marks;
    private final List<Circle> circles;
    private final String key;

    SkyPainter(String title, SkyFunction function, ColourScale scale, List<Mark> marks, List<Circle> circles, String key) {
        this.title = title;
        this.function = function;
        this.scale = scale;
        this.marks = List.copyOf(marks);
        this.circles = List.copyOf(circles);
        this.key = key;
    }

    void paint(Graphics2D g, Rectangle2D area) {
        double w = area.getWidth();
        double h = area.getHeight();
        double top = area.getY() + 30;
        double bottom = area.getMaxY() - (scale != null ? 78 : 34);
        double mapH = Math.min(bottom - top, (w - 60) / 2);
        double mapW = 2 * mapH;
        double x0 = area.getX() + (w - mapW) / 2;
        double y0 = top + (bottom - top - mapH) / 2;
        double sc = mapW / (2 * MollweideProjection.X_MAX);
        double cx = x0 + mapW / 2;
        double cy = y0 + mapH / 2;

        g.setFont(TITLE);
        g.setColor(Color.BLACK);
        centred(g, title, area.getX() + w / 2, area.getY() + 20);

        Ellipse2D outline = new Ellipse2D.Double(x0, y0, mapW, mapH);
        if (function != null && scale != null) {
            int iw = (int) Math.round(mapW);
            int ih = (int) Math.round(mapH);
            BufferedImage img = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_ARGB);
            double s = iw / (2 * MollweideProjection.X_MAX);
            for (int py = 0; py < ih; py++) {
                double y = (ih / 2.0 - (py + 0.5)) / s;
                for (int px = 0; px < iw; px++) {
                    double x = (px + 0.5 - iw / 2.0) / s;
                    double[] lb = MollweideProjection.inverse(x, y);
                    if (lb != null) {
                        img.setRGB(px, py, scale.colour(function.value(lb[0], lb[1])).getRGB());
                    }
                }
            }
            g.drawImage(img, (int) Math.round(x0), (int) Math.round(y0), iw, ih, null);
        } else {
            g.setColor(new Color(0xf2, 0xf2, 0xf2));
            g.fill(outline);
        }

        // graticule
        g.setStroke(new BasicStroke(0.6f));
        g.setColor(new Color(0, 0, 0, 90));
        for (int b = -60; b <= 60; b += 30) {
            g.draw(line(cx, cy, sc, -179.999, b, 179.999, b, true));
        }
        for (int l = -150; l <= 150; l += 30) {
            g.draw(line(cx, cy, sc, l, -90, l, 90, false));
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1.0f));
        g.draw(outline);
        g.setFont(SMALL);
        g.setColor(Color.BLACK);
        // the boxes of every label drawn, so that the marks' labels avoid the grid's and each other's
        java.util.List<java.awt.geom.Rectangle2D> placed = new java.util.ArrayList<>();
        for (int l = -120; l <= 120; l += 60) {
            double[] xy = MollweideProjection.forward(l, 0);
            String s = ((l % 360) + 360) % 360 + "\u00b0";
            label(g, s, cx + xy[0] * sc + 3, cy - 3);
            FontMetrics fm = g.getFontMetrics();
            placed.add(new Rectangle2D.Double(cx + xy[0] * sc + 3, cy - 3 - fm.getAscent(), fm.stringWidth(s),
                    fm.getHeight()));
        }
        label(g, "180\u00b0", x0 - 34, cy + 4);
        label(g, "180\u00b0", x0 + mapW + 4, cy + 4);
        for (int b = -60; b <= 60; b += 30) {
            if (b == 0) {
                continue;
            }
            double[] xy = MollweideProjection.forward(179.999, b);
            String s = b + "\u00b0";
            FontMetrics fm = g.getFontMetrics();
            label(g, s, cx + xy[0] * sc - fm.stringWidth(s) - 4, cy - xy[1] * sc + 4);
        }
        g.setFont(SMALL);
        label(g, "galactic longitude l increases to the left", x0, y0 + mapH + 14);

        // circles and marks
        for (Circle c : circles) {
            g.setColor(c.colour());
            g.setStroke(new BasicStroke(c.width()));
            g.draw(smallCircle(cx, cy, sc, c));
        }
        g.setFont(LABEL);
        // the marks, largest first, so that a small mark next to a large one (Vela X by the Vela SNR) stays visible
        java.util.List<Mark> bySize = new java.util.ArrayList<>(marks);
        bySize.sort(java.util.Comparator.comparingDouble((Mark m) -> -m.shape().getBounds2D().getWidth()
                * m.shape().getBounds2D().getHeight()));
        for (Mark m : bySize) {
            double[] p = project(cx, cy, sc, m);
            Shape s = java.awt.geom.AffineTransform.getTranslateInstance(p[0], p[1]).createTransformedShape(m.shape());
            if (m.fill() != null) {
                g.setColor(m.fill());
                g.fill(s);
            }
            if (m.outline() != null) {
                g.setColor(m.outline());
                g.setStroke(new BasicStroke(1.2f));
                g.draw(s);
            }
        }
        for (Mark m : marks) {
            if (m.label() == null || m.label().isEmpty()) {
                continue;
            }
            // a label goes right of its mark; where that overlaps a label drawn before (marks a degree apart, the
            // grid's), it moves down a line at a time, with a leader line back to its mark
            double[] p = project(cx, cy, sc, m);
            FontMetrics fm = g.getFontMetrics();
            double lx = p[0] + 8;
            double ly = p[1] - 5;
            Rectangle2D box = new Rectangle2D.Double(lx, ly - fm.getAscent(), fm.stringWidth(m.label()), fm.getHeight());
            for (int tries = 0; tries < 12 && placed.stream().anyMatch(box::intersects); tries++) {
                ly += fm.getHeight();
                lx = p[0] + 22;
                box.setRect(lx, ly - fm.getAscent(), box.getWidth(), box.getHeight());
            }
            placed.add(box);
            if (lx != p[0] + 8) {
                g.setColor(Color.DARK_GRAY);
                g.setStroke(new BasicStroke(0.8f));
                g.draw(new Line2D.Double(p[0] + 3, p[1] + 3, lx - 2, ly - fm.getAscent() / 2.0));
            }
            g.setColor(Color.WHITE);
            label(g, m.label(), lx + 1, ly + 1);
            g.setColor(Color.BLACK);
            label(g, m.label(), lx, ly);
        }

        // colour bar and key
        double yBar = area.getMaxY() - 62;
        if (scale != null) {
            double bw = Math.min(420, w * 0.45);
            double bx = area.getX() + (w - bw) / 2;
            int steps = 200;
            for (int i = 0; i < steps; i++) {
                double v = scale.min() + (scale.max() - scale.min()) * (i + 0.5) / steps;
                g.setColor(scale.colour(v));
                g.fill(new Rectangle2D.Double(bx + bw * i / steps, yBar, bw / steps + 0.6, 12));
            }
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(0.8f));
            g.draw(new Rectangle2D.Double(bx, yBar, bw, 12));
            g.setFont(SMALL);
            for (LogTicks.Tick t : LinearTicks.between(scale.min(), scale.max(), 6)) {
                double px = bx + bw * (t.value() - scale.min()) / (scale.max() - scale.min());
                g.draw(new Line2D.Double(px, yBar + 12, px, yBar + 16));
                centred(g, t.label(), px, yBar + 30);
            }
            g.setFont(LABEL);
            g.setColor(Color.BLACK);
            label(g, scale.label(), bx + bw + 12, yBar + 11);
        }
        if (key != null) {
            g.setFont(SMALL);
            g.setColor(Color.BLACK);
            centred(g, key, area.getX() + w / 2, area.getMaxY() - 8);
        }
    }

    /** The image position of a mark. */
    private static double[] project(double cx, double cy, double sc, Mark m) {
        double[] xy = MollweideProjection.forward(m.lDeg(), m.bDeg());
        return new double[] {cx + xy[0] * sc, cy - xy[1] * sc};
    }

    private static void label(Graphics2D g, String s, double x, double y) {
        g.drawString(s, (float) x, (float) y);
    }

    private static void centred(Graphics2D g, String s, double x, double y) {
        g.drawString(s, (float) (x - g.getFontMetrics().stringWidth(s) / 2.0), (float) y);
    }

    /** A meridian or parallel as a polyline of projected points. */
    private static Path2D line(double cx, double cy, double sc, double l0, double b0, double l1, double b1, boolean alongL) {
        Path2D.Double p = new Path2D.Double();
        int n = 180;
        for (int i = 0; i <= n; i++) {
            double l = alongL ? l0 + (l1 - l0) * i / n : l0;
            double b = alongL ? b0 : b0 + (b1 - b0) * i / n;
            double[] xy = MollweideProjection.forward(l, b);
            if (i == 0) {
                p.moveTo(cx + xy[0] * sc, cy - xy[1] * sc);
            } else {
                p.lineTo(cx + xy[0] * sc, cy - xy[1] * sc);
            }
        }
        return p;
    }

    /** A small circle, broken where it crosses the l = 180 seam. */
    static Path2D smallCircle(double cx, double cy, double sc, Circle c) {
        List<double[]> pts = circlePoints(c.lDeg(), c.bDeg(), c.radiusDeg(), 180);
        Path2D.Double p = new Path2D.Double();
        double[] prev = null;
        for (double[] lb : pts) {
            double[] xy = MollweideProjection.forward(lb[0], lb[1]);
            double px = cx + xy[0] * sc;
            double py = cy - xy[1] * sc;
            if (prev == null || Math.abs(xy[0] - prev[0]) > MollweideProjection.X_MAX) {
                p.moveTo(px, py);
            } else {
                p.lineTo(px, py);
            }
            prev = xy;
        }
        return p;
    }

    /** Points (l, b) of the circle of angular radius r around (l0, b0), closed (first point repeated). */
    static List<double[]> circlePoints(double l0, double b0, double rDeg, int n) {
        double[] c = org.cranisotropy.sky.GalacticFrame.unitVector(l0, b0);
        double[] e1 = {-Math.sin(Math.toRadians(l0)), Math.cos(Math.toRadians(l0)), 0};
        double[] e2 = {c[1] * e1[2] - c[2] * e1[1], c[2] * e1[0] - c[0] * e1[2], c[0] * e1[1] - c[1] * e1[0]};
        double r = Math.toRadians(rDeg);
        List<double[]> out = new ArrayList<>(n + 1);
        for (int i = 0; i <= n; i++) {
            double a = 2 * Math.PI * i / n;
            double x = Math.cos(r) * c[0] + Math.sin(r) * (Math.cos(a) * e1[0] + Math.sin(a) * e2[0]);
            double y = Math.cos(r) * c[1] + Math.sin(r) * (Math.cos(a) * e1[1] + Math.sin(a) * e2[1]);
            double z = Math.cos(r) * c[2] + Math.sin(r) * (Math.cos(a) * e1[2] + Math.sin(a) * e2[2]);
            out.add(org.cranisotropy.sky.GalacticFrame.lonLat(x, y, z));
        }
        return out;
    }
}
