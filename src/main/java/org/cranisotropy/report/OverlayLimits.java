package org.cranisotropy.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.io.CsvFile;

/**
 * Upper limits a user overlays on the limit figure: CSV ({@link CsvFile}: quoted fields and {@code #} comment
 * lines allowed) with a header naming the columns {@code energy_gev, ul, label} (any order, more columns
 * ignored), one point per row; every label is one
 * series, its points sorted by energy. Energies and limits must be finite and &gt; 0.
 */
public record OverlayLimits(String file, Map<String, double[][]> series) {

    public OverlayLimits {
        series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }

    public static OverlayLimits read(Path path) {
        CsvFile csv = CsvFile.read(path, true);
        int[] at = csv.require("an overlay", "energy_gev", "ul", "label");
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (int row = 1; row <= csv.rows().size(); row++) {
            double energy = csv.positive(row, at[0]);
            double ul = csv.positive(row, at[1]);
            String label = csv.rows().get(row - 1)[at[2]];
            if (label.isEmpty()) {
                throw BadInputException.atRow(csv.file(), row, "empty label", "''");
            }
            points.computeIfAbsent(label, k -> new ArrayList<>()).add(new double[] {energy, ul});
        }
        if (points.isEmpty()) {
            throw new BadInputException(csv.file() + ": no overlay rows after the header");
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
        return new OverlayLimits(csv.file(), series);
    }
}
