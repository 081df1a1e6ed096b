package org.cranisotropy.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * One figure of the report: a file stem (the PNG and SVG are STEM.png and STEM.svg), a title, a caption
 * (plain text) saying what is drawn and how, the Spark SQL queries behind it, its size in pixels and how to
 * draw it onto any Graphics2D (a raster image or an SVG document).
 */
public record Figure(String stem, String title, String caption, List<String> queries, int width, int height,
        Painter painter) {

    /** Draws a figure into an area. */
    @FunctionalInterface
    public interface Painter {
        void paint(Graphics2D g, Rectangle2D area);
    }

    public Figure {
        if (!stem.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("figure stem must be [a-z0-9_]+, got " + stem);
        }
        queries = List.copyOf(queries);
    }
}
