package org.cranisotropy.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.io.FooterKeys;
import org.cranisotropy.io.ParquetTable;
import org.cranisotropy.io.ParquetTableReader;
import org.cranisotropy.io.Tables;

/**
 * Whether the measured tables and the bands of a results directory belong to one analysis: the same
 * thresholds (standard and grid) and bins, and the same number of selected events; and both measured
 * tables to one run of cra analyze. {@code cra limits}
 * compares the data with the bands row by row, so tables of two configurations (an analyze re-run with
 * other settings over an older simulation) would otherwise give a limits table with rows missing and a
 * trial-corrected p-value over the wrong scan, without a word.
 */
final class ResultsConsistency {
    private ResultsConsistency() {}

    /**
     * Checks the directory and returns what the limits table is made from, for its footer: the bands'
     * configuration, seed, sample count and sample recipe, and when the measured tables and the bands
     * were made.
     */
    static Map<String, String> check(Path results) {
        ParquetTable measured = ParquetTableReader.read(results.resolve(Tables.MEASURED_THRESHOLDS));
        ParquetTable measuredBins = ParquetTableReader.read(results.resolve(Tables.MEASURED_BINS));
        ParquetTable bands = ParquetTableReader.read(results.resolve(Tables.BANDS));
        List<String> problems = new ArrayList<>();
        for (String kind : new String[] {"standard", "grid"}) {
            compare(kind + " thresholds (GeV)", values(measured, kind, Tables.THRESHOLD_GEV), values(bands, kind, Tables.THRESHOLD_GEV),
                    problems);
        }
        compare("bins (GeV)", bins(measuredBins, null), bins(bands, "bin"), problems);
        String a = measured.metadata().get(FooterKeys.SELECTED_EVENTS);
        String b = bands.metadata().get(FooterKeys.SELECTED_EVENTS);
        if (a != null && b != null && !a.equals(b)) {
            problems.add("selected events: " + a + " measured, " + b + " simulated");
        }
        // cra analyze writes both measured tables with one footer; after a failed write they could disagree
        String t1 = measured.metadata().get(FooterKeys.CREATED);
        String t2 = measuredBins.metadata().get(FooterKeys.CREATED);
        if (t1 != null && t2 != null && !t1.equals(t2)) {
            problems.add("measured_thresholds/ written by the cra analyze of " + t1 + ", measured_bins/ by that of " + t2);
        }
        // validation/ (cra validate) must belong to the same analysis and sample recipe: its belts and expected
        // limits would otherwise be those of another configuration
        java.nio.file.Path validationDir = results.resolve(Tables.VALIDATION);
        ParquetTable validation = java.nio.file.Files.isDirectory(validationDir)
                ? ParquetTableReader.read(validationDir) : null;
        if (validation != null) {
            List<String> stale = new ArrayList<>();
            for (String[] k : new String[][] {{FooterKeys.ANALYSIS, "measured"}, {FooterKeys.SAMPLES_MADE_FROM, "bands"}}) {
                String own = (k[1].equals("measured") ? measured : bands).metadata().get(k[0]);
                String theirs = validation.metadata().get(k[0]);
                if (own != null && theirs != null && !own.equals(theirs)) {
                    stale.add(k[0] + " '" + theirs + "' against '" + own + "'");
                }
            }
            if (!stale.isEmpty()) {
                throw new BadInputException(validationDir + ": made for another analysis (" + String.join("; ", stale)
                        + "); run cra validate again (cra run does), or remove validation/");
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(results + ": the measured tables and bands/ come from different analyses ("
                    + String.join("; ", problems) + "); run cra simulate again with the events and configuration of "
                    + "cra analyze (cra run does both)");
        }
        Map<String, String> from = new LinkedHashMap<>();
        for (String k : new String[] {FooterKeys.CONFIG, FooterKeys.SEED, FooterKeys.SAMPLES, FooterKeys.SAMPLES_MADE_FROM, FooterKeys.EVENTS,
            FooterKeys.EXPOSURE, FooterKeys.SELECTED_EVENTS}) {
            if (bands.metadata().containsKey(k)) {
                from.put(k, bands.metadata().get(k));
            }
        }
        if (t1 != null) {
            from.put(FooterKeys.MEASURED_CREATED, t1);
        }
        if (bands.metadata().containsKey(FooterKeys.CREATED)) {
            from.put(FooterKeys.BANDS_CREATED, bands.metadata().get(FooterKeys.CREATED));
        }
        if (validation != null && validation.metadata().containsKey(FooterKeys.CREATED)) {
            from.put(FooterKeys.VALIDATION_CREATED, validation.metadata().get(FooterKeys.CREATED));
        }
        return from;
    }

    /** The distinct values of a column over the exposure-corrected rows of one kind. */
    private static TreeSet<Double> values(ParquetTable t, String kind, String column) {
        TreeSet<Double> out = new TreeSet<>();
        String[] kinds = t.text(Tables.KIND);
        double[] corrected = t.numeric(Tables.CORRECTED);
        double[] v = t.numeric(column);
        for (int i = 0; i < t.rows(); i++) {
            if (corrected[i] != 0 && kinds[i].equals(kind)) {
                out.add(v[i]);
            }
        }
        return out;
    }

    /** The distinct (emin, emax) of the exposure-corrected rows (of one kind, or all when kind is null). */
    private static TreeSet<String> bins(ParquetTable t, String kind) {
        TreeSet<String> out = new TreeSet<>();
        String[] kinds = kind == null ? null : t.text(Tables.KIND);
        double[] corrected = t.numeric(Tables.CORRECTED);
        double[] lo = t.numeric(Tables.EMIN_GEV);
        double[] hi = t.numeric(Tables.EMAX_GEV);
        for (int i = 0; i < t.rows(); i++) {
            if (corrected[i] != 0 && (kinds == null || kinds[i].equals(kind))) {
                out.add(String.format(Locale.ROOT, "%g-%g", lo[i], hi[i]));
            }
        }
        return out;
    }

    private static <T> void compare(String what, TreeSet<T> measured, TreeSet<T> simulated, List<String> problems) {
        if (measured.equals(simulated)) {
            return;
        }
        TreeSet<T> onlyMeasured = new TreeSet<>(measured);
        onlyMeasured.removeAll(simulated);
        TreeSet<T> onlySimulated = new TreeSet<>(simulated);
        onlySimulated.removeAll(measured);
        problems.add(String.format(Locale.ROOT, "%s: %d measured, %d simulated%s%s", what, measured.size(),
                simulated.size(), onlyMeasured.isEmpty() ? "" : ", e.g. " + text(onlyMeasured.first()) + " not simulated",
                onlySimulated.isEmpty() ? "" : ", e.g. " + text(onlySimulated.first()) + " not measured"));
    }

    private static String text(Object value) {
        return value instanceof Double d ? String.format(Locale.ROOT, "%g", d) : value.toString();
    }
}
