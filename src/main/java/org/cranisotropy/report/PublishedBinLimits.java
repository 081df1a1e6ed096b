package org.cranisotropy.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.io.CsvFile;

/**
 * Published upper limits on the dipole amplitude in energy bins, to draw beside the run's binned
 * limits (e.g. {@code conf/published/fermi-lat-2017-dipole-ul.csv}): CSV ({@link CsvFile}, quoted
 * fields allowed) with the header {@code emin_gev, emax_gev, ul_delta} and {@code #} comment lines
 * citing the source; a comment line {@code # label: TEXT} names the series (else the file name).
 * Values must be finite and &gt; 0 with emin &lt; emax; a bad one is bad input naming file, row and value.
 */
public record PublishedBinLimits(String file, String label, double[] eminGev, double[] emaxGev, double[] ulDelta) {

    public static PublishedBinLimits read(Path path) {
        String f = path.toString();
        CsvFile csv = CsvFile.read(path, true);
        String label = path.getFileName().toString().replaceFirst("\\.csv$", "");
        if (csv.comment() != null) {
            for (String line : csv.comment().split("\n")) {
                if (line.strip().toLowerCase(Locale.ROOT).startsWith("label:")) {
                    label = line.strip().substring("label:".length()).strip();
                }
            }
        }
        int[] at = csv.require("published limits", "emin_gev", "emax_gev", "ul_delta");
        List<double[]> rows = new ArrayList<>();
        for (int row = 1; row <= csv.rows().size(); row++) {
            double lo = csv.positive(row, at[0]);
            double hi = csv.positive(row, at[1]);
            double ul = csv.positive(row, at[2]);
            if (!(lo < hi)) {
                throw BadInputException.atRow(f, row, "emin_gev must be below emax_gev", lo + " >= " + hi);
            }
            rows.add(new double[] {lo, hi, ul});
        }
        if (rows.isEmpty()) {
            throw new BadInputException(f + ": no published limits after the header");
        }
        double[][] c = new double[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < 3; k++) {
                c[k][i] = rows.get(i)[k];
            }
        }
        return new PublishedBinLimits(f, label, c[0], c[1], c[2]);
    }

    /** Whether the run's bin edges equal these bins' (within 0.5 GeV): the limits then compare bin for bin. */
    public boolean sameBins(double[] emin, double[] emax) {
        if (emin.length != eminGev.length) {
            return false;
        }
        for (int i = 0; i < emin.length; i++) {
            if (Math.abs(emin[i] - eminGev[i]) > 0.5 || Math.abs(emax[i] - emaxGev[i]) > 0.5) {
                return false;
            }
        }
        return true;
    }
}
