package org.cranisotropy.io;

import java.nio.file.Path;
import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.HealpixMap;

/**
 * HEALPix maps as CSV ({@link CsvFile}): header {@code pix,value}, then one row per pixel in RING order (pixel
 * numbers 0 .. 12 Nside^2 - 1, each exactly once, in any order). Nside follows from the row count.
 */
public final class MapCsv {
    private MapCsv() {}

    public static HealpixMap read(Path file) {
        CsvFile csv = CsvFile.read(file, true);
        String name = csv.file();
        if (!csv.header().equals(java.util.List.of("pix", "value"))) {
            throw new BadInputException(name + ", line 1: expected the header 'pix,value' (value "
                    + String.join(",", csv.header()) + ")");
        }
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        for (int row = 1; row <= csv.rows().size(); row++) {
            double pix = csv.number(row, 0);
            double value = csv.number(row, 1);
            if (pix != Math.rint(pix) || pix < 0) {
                throw BadInputException.atRow(name, row, "pixel number must be a non-negative integer",
                        csv.rows().get(row - 1)[0]);
            }
            if (!Double.isFinite(value)) {
                throw BadInputException.atRow(name, row, "map value is not finite", csv.rows().get(row - 1)[1]);
            }
            rows.add(new double[] {pix, value, row});
        }
        long npix = rows.size();
        long nside = Math.round(Math.sqrt(npix / 12.0));
        if (npix == 0 || 12 * nside * nside != npix || !HealpixGrid.isValidNside(nside)) {
            throw new BadInputException(name + ": " + npix + " pixel rows is not 12 Nside^2 for a power-of-two Nside");
        }
        double[] values = new double[(int) npix];
        boolean[] seen = new boolean[(int) npix];
        for (double[] r : rows) {
            long p = (long) r[0];
            if (p >= npix) {
                throw BadInputException.atRow(name, (long) r[2], "pixel number beyond 12 Nside^2 - 1 = " + (npix - 1), p);
            }
            if (seen[(int) p]) {
                throw BadInputException.atRow(name, (long) r[2], "pixel appears twice", p);
            }
            seen[(int) p] = true;
            values[(int) p] = r[1];
        }
        return HealpixMap.adoptRing((int) nside, values);
    }
}
