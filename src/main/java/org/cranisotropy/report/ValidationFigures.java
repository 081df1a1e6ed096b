package org.cranisotropy.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.cranisotropy.io.ParquetTable;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.cranisotropy.io.Tables;

/**
 * The figures of the validation section (from {@code validation/} of {@code cra validate} and the expected
 * limits of {@code limits/}): coverage of every limit against the injected amplitude, the observed limit
 * against its expected band, the calibration of the p-values under isotropy, and the direction error
 * against the amplitude.
 */
final class ValidationFigures {
    private static final String[] METHODS = {"ul_delta_fermi2010", "ul_delta_lr", "ul_delta_neyman"};
    private static final String[] NAMES = {"Fermi-LAT 2010", "likelihood ratio (bins)", "Neyman (cra validate)"};

    private final ResultTables t;
    private final ParquetTable v;
    private final ChartFigures charts;
    private final String[] kind;
    private final String[] direction;
    private final String[] method;

    ValidationFigures(ResultTables t, ChartFigures charts) {
        this.t = t;
        this.v = t.validation();
        this.charts = charts;
        this.kind = v.text(Tables.KIND);
        this.direction = v.text("direction");
        this.method = v.text("method");
    }

    /** Rows of one direction and method over standard thresholds and bins: delta_true -> (sum, count, min). */
    private Map<Double, double[]> byAmplitude(String dir, String m, String column) {
        double[] a = v.numeric("delta_true");
        double[] c = v.numeric(column);
        Map<Double, double[]> out = new TreeMap<>();
        for (int i = 0; i < v.rows(); i++) {
            if (direction[i].equals(dir) && method[i].equals(m) && !kind[i].equals("grid") && !Double.isNaN(c[i])) {
                double[] s = out.computeIfAbsent(a[i], k -> new double[] {0, 0, Double.POSITIVE_INFINITY});
                s[0] += c[i];
                s[1]++;
                s[2] = Math.min(s[2], c[i]);
            }
        }
        return out;
    }

    Figure coverage() {
        NumberAxis y = ChartKit.linearAxis("Coverage: P(UL \u2265 \u03b4_true)");
        y.setRange(0.85, 1.005);
        XYPlot p = ChartKit.plot(ChartKit.logAxis("Injected dipole amplitude \u03b4_true"), y);
        List<LegendItem> items = new ArrayList<>();
        int index = 0;
        for (int k = 0; k < METHODS.length; k++) {
            Map<Double, double[]> s = byAmplitude("random", METHODS[k], "coverage");
            s.remove(0.0);
            if (s.isEmpty()) {
                continue;
            }
            double[] x = s.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] mean = s.values().stream().mapToDouble(w -> w[0] / w[1]).toArray();
            double[] min = s.values().stream().mapToDouble(w -> w[2]).toArray();
            Color col = ChartKit.SERIES[k == 2 ? 4 : k];
            ChartKit.addLine(p, index++, METHODS[k], x, mean, col, 1.8f, ChartKit.circle(3.5));
            ChartKit.addLine(p, index++, METHODS[k] + " min", x, min, col, 0.8f, ChartKit.square(2.5));
            items.add(ChartKit.lineMarkerItem(NAMES[k] + ": mean over thresholds and bins", col, ChartKit.circle(3.5)));
            items.add(ChartKit.lineMarkerItem(NAMES[k] + ": smallest", col, ChartKit.square(2.5)));
        }
        p.addRangeMarker(new ValueMarker(0.95, ChartKit.MEDIAN, ChartKit.DASHED));
        items.add(ChartKit.dashedItem("nominal 95 %", ChartKit.MEDIAN));
        JFreeChart c = ChartKit.chart("Coverage of the 95 % CL upper limits on injected skies", p,
                ChartKit.legend(items.toArray(new LegendItem[0])));
        String caption = String.format(Locale.ROOT, "Skies equivalent to the data (the run's exposure, selection, event "
                + "count and spectrum) with a dipole of amplitude delta_true in a random direction per sky injected, "
                + "analysed like the data (%s skies per amplitude). A 95 %% CL limit must lie above delta_true in at "
                + "least 95 %% of them. Thick: mean coverage over the standard thresholds and bins; thin: the smallest. "
                + "The Neyman limit is evaluated out of sample (its belt from the even-numbered skies, its coverage on "
                + "the odd-numbered).", skies());
        List<String> q = List.of("SELECT method, delta_true, avg(coverage) AS mean_coverage, min(coverage) AS "
                + "min_coverage FROM " + charts.table(Tables.VALIDATION) + " WHERE direction = 'random' AND kind <> 'grid' "
                + "GROUP BY method, delta_true ORDER BY method, delta_true");
        return new Figure("validation_coverage", "Coverage of the limits", caption, q, ChartFigures.WIDTH,
                ChartFigures.HEIGHT, c::draw);
    }

    private String skies() {
        double[] s = v.numeric("skies");
        for (int i = 0; i < v.rows(); i++) {
            if (method[i].equals("ul_delta_fermi2010")) {
                return Long.toString((long) s[i]);
            }
        }
        return "?";
    }

    Figure expectedLimits() {
        ParquetTable l = t.limits();
        int[] grid = TableRows.require(l, "grid", null, Tables.THRESHOLD_GEV);
        double[] x = TableRows.values(l, Tables.THRESHOLD_GEV, grid);
        double[] p50 = TableRows.values(l, "ul_expected_p50", grid);
        XYPlot p = ChartKit.plot(ChartKit.logAxis(ChartKit.ENERGY_THRESHOLD), ChartKit.logAxis("95 % CL upper limit on \u03b4"));
        ChartKit.addBand(p, 0, "2 sigma", x, p50, floor(TableRows.values(l, "ul_expected_p02275", grid), p50),
                TableRows.values(l, "ul_expected_p97725", grid), ChartKit.BAND2);
        ChartKit.addBand(p, 1, "1 sigma", x, p50, floor(TableRows.values(l, "ul_expected_p15865", grid), p50),
                TableRows.values(l, "ul_expected_p84135", grid), ChartKit.BAND1);
        ChartKit.addLine(p, 2, "median", x, p50, ChartKit.MEDIAN, 1.2f, null);
        ChartKit.addLine(p, 3, "observed", x, TableRows.values(l, "ul_delta_neyman", grid), ChartKit.DATA, 1.6f, null);
        ChartKit.addLine(p, 4, "vela", x, TableRows.values(l, "ul_delta_neyman_vela", grid), ChartKit.MARKER, 1.1f, null);
        int[] vela = charts.modelRows("grid", Tables.THRESHOLD_GEV);
        int[] curve = charts.modelRows("energy", Tables.EMIN_GEV);
        if (vela.length > 0) {
            ChartKit.addLine(p, 5, "model", TableRows.values(t.model(), Tables.THRESHOLD_GEV, vela),
                    TableRows.values(t.model(), "delta_pred", vela), ChartKit.REFERENCE, 2.0f, null);
            ChartKit.addLine(p, 6, "model at E", TableRows.values(t.model(), Tables.EMIN_GEV, curve),
                    TableRows.values(t.model(), "delta_pred", curve), ChartKit.REFERENCE, 0.8f, null);
        }
        ((org.jfree.chart.axis.LogAxis) p.getRangeAxis()).setRange(Math.max(1e-4, min(p50) / 20), 4);
        List<LegendItem> items = new ArrayList<>(List.of(ChartKit.lineItem("observed, random directions", ChartKit.DATA,
                1.6f)));
        if (vela.length > 0) {
            items.add(ChartKit.lineItem("Vela model, predicted for each threshold", ChartKit.REFERENCE, 2.0f));
            items.add(ChartKit.lineItem("Vela model at energy E (reference)", ChartKit.REFERENCE, 0.8f));
        }
        items.addAll(List.of(
                ChartKit.lineItem("observed, dipole towards Vela", ChartKit.MARKER, 1.1f),
                ChartKit.lineItem("expected (isotropic skies): median", ChartKit.MEDIAN, 1.2f),
                ChartKit.fillItem("expected: 1\u03c3 band", ChartKit.BAND1),
                ChartKit.fillItem("expected: 2\u03c3 band", ChartKit.BAND2)));
        ChartKit.physicalBound(p, items, TableRows.values(l, "ul_delta_neyman", grid));
        JFreeChart c = ChartKit.chart("Observed and expected 95 % CL upper limits (Neyman construction)", p,
                ChartKit.legend(items.toArray(new LegendItem[0])));
        String caption = "The upper limit the data give (Neyman construction from the injected skies of cra validate, "
                + "grid thresholds) against the limits isotropic skies give: median and central 68.27 % / 95.45 % of "
                + "the Neyman limit over the isotropic validation skies. An observed limit below the band is a downward "
                + "fluctuation (a limit stronger than the data can usually set); above it, an excess. A Neyman "
                + "limit can be 0 (a delta below what isotropy gives in 95 % of skies): a lower band edge of 0 is "
                + "drawn at a tenth of the median, which the log axis cannot show. "
                + (vela.length > 0 ? "The Vela model (model/, section Vela model): thick, the dipole it gives each "
                        + "threshold's corrected delta (the flux-weighted mean of delta(E) above the threshold), which a "
                        + "limit below it excludes; thin, its dipole at energy E for reference."
                        : "No model/ table: `cra model vela --results DIR` adds the Vela model's predictions.");
        List<String> q = new ArrayList<>(List.of("SELECT threshold_gev, ul_delta_neyman, ul_delta_neyman_vela, "
                + "ul_expected_p02275, ul_expected_p15865, ul_expected_p50, ul_expected_p84135, ul_expected_p97725 FROM "
                + charts.table(Tables.LIMITS) + " WHERE kind = 'grid' ORDER BY threshold_gev"));
        if (vela.length > 0) {
            q.add("SELECT scan, emin_gev, delta_pred FROM " + charts.table(Tables.MODEL)
                    + " WHERE scan IN ('grid', 'energy') ORDER BY scan, emin_gev");
        }
        return new Figure("validation_expected_limits", "Observed vs expected limits", caption, q, ChartFigures.WIDTH,
                ChartFigures.HEIGHT, c::draw);
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            if (x > 0) {
                m = Math.min(m, x);
            }
        }
        return Double.isInfinite(m) ? 1e-3 : m;
    }

    /**
     * Per standard threshold, {delta_true, column} of the injected skies with random directions and a
     * positive amplitude, ordered by amplitude (one method's rows: the recovery columns repeat on each).
     */
    private Map<Double, List<double[]>> perStandardThreshold(String column) {
        double[] a = v.numeric("delta_true");
        double[] thr = v.numeric(Tables.THRESHOLD_GEV);
        double[] c = v.numeric(column);
        Map<Double, List<double[]>> out = new TreeMap<>();
        for (int i = 0; i < v.rows(); i++) {
            if (a[i] > 0 && kind[i].equals("standard") && method[i].equals("ul_delta_fermi2010")
                    && direction[i].equals("random")) {
                out.computeIfAbsent(thr[i], k -> new ArrayList<>()).add(new double[] {a[i], c[i]});
            }
        }
        out.values().forEach(list -> list.sort(java.util.Comparator.comparingDouble(q -> q[0])));
        return out;
    }

    /** Measured against injected amplitude, per standard threshold (random directions). */
    Figure recovery() {
        Map<Double, List<double[]>> byThreshold = perStandardThreshold("delta_mean");
        XYPlot p = ChartKit.plot(ChartKit.logAxis("Injected dipole amplitude \u03b4_true"),
                ChartKit.logAxis("Measured \u03b4: mean over skies"));
        List<LegendItem> items = new ArrayList<>();
        int index = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Map.Entry<Double, List<double[]>> e : byThreshold.entrySet()) {
            List<double[]> pts = e.getValue();
            Color col = ChartKit.SERIES[index % ChartKit.SERIES.length];
            double[] x = pts.stream().mapToDouble(q -> q[0]).toArray();
            ChartKit.addLine(p, index++, "E" + e.getKey(), x, pts.stream().mapToDouble(q -> q[1]).toArray(), col, 1.4f,
                    ChartKit.circle(2.5));
            items.add(ChartKit.lineMarkerItem(String.format(Locale.ROOT, "E \u2265 %.0f GeV", e.getKey()), col,
                    ChartKit.circle(2.5)));
            lo = Math.min(lo, x[0]);
            hi = Math.max(hi, x[x.length - 1]);
        }
        if (hi > 0) {
            ChartKit.addLine(p, index, "identity", new double[] {lo, hi}, new double[] {lo, hi}, ChartKit.MEDIAN, 1.0f,
                    null);
            items.add(ChartKit.lineItem("measured = injected", ChartKit.MEDIAN, 1.0f));
        }
        JFreeChart c = ChartKit.chart("Recovered vs injected dipole amplitude", p,
                ChartKit.legend(items.toArray(new LegendItem[0])));
        String caption = "The mean measured delta of the injected skies (random directions) against the injected "
                + "amplitude, per standard threshold. Where the amplitude is well above the isotropic level the "
                + "measurement recovers it (the line of equality); below, the noise floor of each threshold sets the "
                + "measured value (delta is an amplitude, so noise adds to it). validation/ also gives the median and "
                + "the spread (delta_rms).";
        List<String> q = List.of("SELECT threshold_gev, delta_true, delta_mean, delta_median, delta_rms FROM "
                + charts.table(Tables.VALIDATION) + " WHERE kind = 'standard' AND direction = 'random' AND method = "
                + "'ul_delta_fermi2010' AND delta_true > 0 ORDER BY threshold_gev, delta_true");
        return new Figure("validation_recovery", "Recovered vs injected amplitude", caption, q, ChartFigures.WIDTH,
                ChartFigures.HEIGHT, c::draw);
    }

    /** The lower edge for the log axis: values of 0 (a Neyman limit of 0) drawn at a tenth of the median. */
    private static double[] floor(double[] lo, double[] median) {
        double[] out = lo.clone();
        for (int i = 0; i < out.length; i++) {
            if (!(out[i] > 0)) {
                out[i] = median[i] / 10;
            }
        }
        return out;
    }

    Figure calibration() {
        double[] a = v.numeric("delta_true");
        double[] thr = v.numeric(Tables.THRESHOLD_GEV);
        double[] f05 = v.numeric("frac_local_below_005");
        double[] f01 = v.numeric("frac_local_below_001");
        List<double[]> pts = new ArrayList<>();
        double g05 = Double.NaN;
        double g01 = Double.NaN;
        for (int i = 0; i < v.rows(); i++) {
            if (a[i] == 0 && direction[i].equals("random") && method[i].equals("ul_delta_fermi2010")
                    && kind[i].equals("grid")) {
                pts.add(new double[] {thr[i], f05[i], f01[i]});
                g05 = v.numeric("frac_global_below_005")[i];
                g01 = v.numeric("frac_global_below_001")[i];
            }
        }
        pts.sort(java.util.Comparator.comparingDouble(q -> q[0]));
        double[] x = pts.stream().mapToDouble(q -> q[0]).toArray();
        NumberAxis y = ChartKit.linearAxis("Isotropic skies with p \u2264 \u03b1");
        y.setRange(0, 0.12);
        XYPlot p = ChartKit.plot(ChartKit.logAxis(ChartKit.ENERGY_THRESHOLD), y);
        ChartKit.addLine(p, 0, "0.05", x, pts.stream().mapToDouble(q -> q[1]).toArray(), ChartKit.SERIES[0], 1.4f,
                ChartKit.circle(2.5));
        ChartKit.addLine(p, 1, "0.01", x, pts.stream().mapToDouble(q -> q[2]).toArray(), ChartKit.SERIES[1], 1.4f,
                ChartKit.circle(2.5));
        p.addRangeMarker(new ValueMarker(0.05, ChartKit.SERIES[0], ChartKit.DASHED));
        p.addRangeMarker(new ValueMarker(0.01, ChartKit.SERIES[1], ChartKit.DASHED));
        JFreeChart c = ChartKit.chart("Calibration of the local p-values under isotropy", p, ChartKit.legend(
                ChartKit.lineMarkerItem("local p \u2264 0.05", ChartKit.SERIES[0], ChartKit.circle(2.5)),
                ChartKit.lineMarkerItem("local p \u2264 0.01", ChartKit.SERIES[1], ChartKit.circle(2.5)),
                ChartKit.dashedItem("nominal", ChartKit.MEDIAN)));
        String caption = String.format(Locale.ROOT, "For isotropic validation skies (delta_true = 0, %s skies) the "
                + "fraction whose local p-value at each grid threshold is at most 0.05 and 0.01; a calibrated p-value "
                + "gives the dashed lines within binomial scatter. The trial-corrected p-value of the whole scan is at "
                + "most 0.05 in %.3f and at most 0.01 in %.3f of these skies. These skies are drawn like the bands' "
                + "samples, so the check covers the ranks, ties and trial correction; whether the data are such a sky "
                + "(the spectrum the samples assume) is the spectrum check of the Monte Carlo energies section.",
                skies(), g05, g01);
        List<String> q = List.of("SELECT kind, threshold_gev, emin_gev, skies, ks_local, frac_local_below_005, "
                + "frac_local_below_001, ks_global, frac_global_below_005, frac_global_below_001 FROM "
                + charts.table(Tables.VALIDATION) + " WHERE delta_true = 0 AND direction = 'random' AND method = "
                + "'ul_delta_fermi2010' ORDER BY kind, threshold_gev, emin_gev");
        return new Figure("validation_calibration", "Calibration of the p-values", caption, q, ChartFigures.WIDTH,
                ChartFigures.HEIGHT, c::draw);
    }

    Figure directionError() {
        Map<Double, List<double[]>> byThreshold = perStandardThreshold("angle68_deg");
        NumberAxis y = ChartKit.linearAxis("Direction error, 68 % quantile (deg)");
        y.setRange(0, 120);
        XYPlot p = ChartKit.plot(ChartKit.logAxis("Injected dipole amplitude \u03b4_true"), y);
        List<LegendItem> items = new ArrayList<>();
        int index = 0;
        for (Map.Entry<Double, List<double[]>> e : byThreshold.entrySet()) {
            List<double[]> pts = e.getValue();
            Color col = ChartKit.SERIES[index % ChartKit.SERIES.length];
            ChartKit.addLine(p, index++, "E" + e.getKey(), pts.stream().mapToDouble(q -> q[0]).toArray(),
                    pts.stream().mapToDouble(q -> q[1]).toArray(), col, 1.4f, ChartKit.circle(2.5));
            items.add(ChartKit.lineMarkerItem(String.format(Locale.ROOT, "E \u2265 %.0f GeV", e.getKey()), col,
                    ChartKit.circle(2.5)));
        }
        JFreeChart c = ChartKit.chart("Direction error vs injected amplitude", p,
                ChartKit.legend(items.toArray(new LegendItem[0])));
        String caption = "The 68 % quantile of the angle between the reconstructed dipole direction and the injected "
                + "one (random directions), per standard threshold: the confidence radius of a measured direction at "
                + "that amplitude (limits/ gives it at the ladder amplitude nearest the measured delta, with the 95 % "
                + "radius). An isotropic sky's direction is uniform: 68 % of it lies within ~104 deg of any point.";
        List<String> q = List.of("SELECT threshold_gev, delta_true, angle68_deg, angle95_deg FROM "
                + charts.table(Tables.VALIDATION) + " WHERE kind = 'standard' AND direction = 'random' AND method = "
                + "'ul_delta_fermi2010' AND delta_true > 0 ORDER BY threshold_gev, delta_true");
        return new Figure("validation_direction", "Direction error", caption, q, ChartFigures.WIDTH, ChartFigures.HEIGHT,
                c::draw);
    }
}
