package org.cranisotropy.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;

/** Writes a figure as STEM.png (Java2D raster, white background) and STEM.svg (JFreeSVG) into a directory. */
public final class FigureFiles {
    private FigureFiles() {}

    public static void write(Figure f, Path dir) {
        Rectangle2D area = new Rectangle2D.Double(0, 0, f.width(), f.height());
        BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setPaint(java.awt.Color.WHITE);
            g.fill(area);
            f.painter().paint(g, area);
        } finally {
            g.dispose();
        }
        SVGGraphics2D svg = new SVGGraphics2D(f.width(), f.height());
        svg.setDefsKeyPrefix(f.stem() + "_"); // stable ids: the same report gives the same SVG
        svg.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        svg.setPaint(java.awt.Color.WHITE);
        svg.fill(area);
        f.painter().paint(svg, area);
        try {
            boolean written;
            try (var png = Files.newOutputStream(dir.resolve(f.stem() + ".png"))) {
                written = ImageIO.write(img, "png", png);
            }
            if (!written) {
                throw new IOException("no PNG writer");
            }
            // the element with an XML declaration but no DOCTYPE: nothing for a parser to fetch
            Files.writeString(dir.resolve(f.stem() + ".svg"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + svg.getSVGElement() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + f.stem() + " in " + dir + ": " + e.getMessage(), e);
        }
    }
}
