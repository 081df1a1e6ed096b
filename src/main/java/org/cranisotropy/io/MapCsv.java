package org.cranisotropy.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.HealpixMap;

/**
 * HEALPix maps as CSV: header {@code pix,value}, then one row per pixel in RING order (pixel
 * numbers 0 .. 12 Nside^2 - 1, each exactly once, in any order). Nside follows from the row count.
 */
public final class MapCsv {
    private MapCsv() {}

    public static HealpixMap read(Path file) {
        String name = file.toString();
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.replace(" ", "").equalsIgnoreCase("pix,value")) {
                throw new BadInputException(name + ", line 1: expected the header 'pix,value' (value " + header + ")");
            }
            String line;
            long row = 0;
            while ((line = in.readLine()) != null) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 2) {
                    throw BadInputException.atRow(name, row, "expected two fields pix,value", line);
                }
                double pix = parse(name, row, "pix", f[0]);
                double value = parse(name, row, "value", f[1]);
                if (pix != Math.rint(pix) || pix < 0) {
                    throw BadInputException.atRow(name, row, "pixel number must be a non-negative integer", f[0]);
                }
                if (!Double.isFinite(value)) {
                    throw BadInputException.atRow(name, row, "map value is not finite", f[1]);
                }
                rows.add(new double[] {pix, value, row});
            }
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read (" + e.getMessage() + ")", e);
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

    private static double parse(String file, long row, String column, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw BadInputException.atRow(file, row, column + " is not a number", text);
        }
    }
}
