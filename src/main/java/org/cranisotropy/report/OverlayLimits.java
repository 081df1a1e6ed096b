package org.cranisotropy.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cranisotropy.io.BadInputException;

/**
 * Upper limits a user overlays on the limit figure: CSV with a header naming the columns
 * {@code energy_gev, ul, label} (any order, more columns ignored), one point per row; every label is one
 * series, its points sorted by energy. Energies and limits must be finite and &gt; 0.
 */
public record OverlayLimits(String file, Map<String, double[][]> series) {

    public OverlayLimits {
        series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }

    public static OverlayLimits read(Path path) {
        String f = path.toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(f + ": cannot read overlay (" + e.getMessage() + ")", e);
        }
        if (lines.isEmpty()) {
            throw new BadInputException(f + ": empty overlay file (expected a header energy_gev,ul,label)");
        }
        List<String> header = new ArrayList<>();
        for (String h : lines.get(0).split(",", -1)) {
            header.add(h.trim().toLowerCase(Locale.ROOT));
        }
        int e = header.indexOf("energy_gev");
        int u = header.indexOf("ul");
        int l = header.indexOf("label");
        if (e < 0 || u < 0 || l < 0) {
            throw new BadInputException(f + ": an overlay needs columns energy_gev, ul, label; header is " + header);
        }
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        long row = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            row++;
            String[] v = line.split(",", -1);
            if (v.length != header.size()) {
                throw BadInputException.atRow(f, row, "expected " + header.size() + " fields", line);
            }
            double energy = positive(f, row, "energy_gev", v[e]);
            double ul = positive(f, row, "ul", v[u]);
            String label = v[l].trim();
            if (label.isEmpty()) {
                throw BadInputException.atRow(f, row, "empty label", line);
            }
            points.computeIfAbsent(label, k -> new ArrayList<>()).add(new double[] {energy, ul});
        }
        if (points.isEmpty()) {
            throw new BadInputException(f + ": no overlay rows after the header");
        }
        Map<String, double[][]> series = new LinkedHashMap<>();
        points.forEach((label, p) -> {
            p.sort((a, b) -> Double.compare(a[0], b[0]));
            double[][] xy = new double[2][p.size()];
            for (int i = 0; i < p.size(); i++) {
                xy[0][i] = p.get(i)[0];
                xy[1][i] = p.get(i)[1];
            }
            series.put(label, xy);
        });
        return new OverlayLimits(f, series);
    }

    /** A finite value &gt; 0 of column col in row of file f, or bad input naming them (also for published limits). */
    static double positive(String f, long row, String col, String token) {
        double d;
        try {
            d = Double.parseDouble(token.trim());
        } catch (NumberFormatException ex) {
            throw BadInputException.atRow(f, row, col + " is not a number", token);
        }
        if (!(d > 0) || !Double.isFinite(d)) {
            throw BadInputException.atRow(f, row, col + " must be finite and > 0", token);
        }
        return d;
    }
}
