package org.cranisotropy.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cranisotropy.io.FooterKeys;
import org.cranisotropy.io.ParquetTable;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.cranisotropy.io.Tables;

/**
 * The chart figures of the report (JFreeChart): dipole amplitude against threshold with the isotropic bands,
 * the Fermi-LAT 2010 limits, the binned 2017 limits, C2/C0 and C3/C0 against their bands, and the Vela model against
 * the limits. Every number comes from the result tables; the SQL that selects it goes with the figure.
 */
final class ChartFigures {
    static final int WIDTH = 900;
    static final int HEIGHT = 560;
    private static final String BAND1 = "isotropic 1\u03c3 band (15.865\u201384.135 %)";
    private static final String BAND2 = "isotropic 2\u03c3 band (2.275\u201397.725 %)";

    private final ResultTables t;
    private final String results;

    ChartFigures(ResultTables t, String results) {
        this.t = t;
        this.results = results;
    }

    /** Spark SQL's name of a table of the results directory. */
    String table(String name) {
        return "parquet.`" + results + "/" + name + "`";
    }

    private static String flag(boolean corrected) {
        return corrected ? Tables.CORRECTED : "NOT corrected";
    }

    // ---- figure 1 -------------------------------------------------------------------------------------------

    Figure dipoleVsThreshold(boolean corrected) {
        ParquetTable m = t.thresholds();
        int[] every = TableRows.select(m, "every_event", corrected, Tables.THRESHOLD_GEV);
        String curveKind = every.length > 0 ? "every_event" : "grid";
        if (every.length == 0) {
            every = TableRows.require(m, "grid", corrected, Tables.THRESHOLD_GEV);
        }
        double[][] curve = Decimation.logM4(TableRows.values(m, Tables.THRESHOLD_GEV, every),
                TableRows.values(m, "delta", every), WIDTH);
        int[] std = TableRows.select(m, "standard", corrected, Tables.THRESHOLD_GEV);
        int[] band = TableRows.require(t.bands(), "grid", corrected, Tables.THRESHOLD_GEV);
        double[] bx = TableRows.values(t.bands(), Tables.THRESHOLD_GEV, band);
        double[] p50 = TableRows.values(t.bands(), "delta_p50", band);
        double[] hi1 = TableRows.values(t.bands(), "delta_p84135", band);
        double[] hi2 = TableRows.values(t.bands(), "delta_p97725", band);

        XYPlot p = ChartKit.plot(ChartKit.logAxis(ChartKit.ENERGY_THRESHOLD),
                ChartKit.logAxis("Dipole amplitude \u03b4 = 3\u221a(C1/C0)"));
        ChartKit.addBand(p, 0, BAND2, bx, p50, TableRows.values(t.bands(), "delta_p02275", band), hi2, ChartKit.BAND2);
        ChartKit.addBand(p, 1, BAND1, bx, p50, TableRows.values(t.bands(), "delta_p15865", band), hi1, ChartKit.BAND1);
        ChartKit.addLine(p, 2, "median", bx, p50, ChartKit.MEDIAN, 1.2f, null);
        ChartKit.addLine(p, 3, "data", curve[0], curve[1], ChartKit.DATA, 1.1f, null);
        ChartKit.addMarkers(p, 4, "standard", TableRows.values(m, Tables.THRESHOLD_GEV, std), TableRows.values(m, "delta", std),
                ChartKit.MARKER, ChartKit.diamond(5));
        String dataLabel = curveKind.equals("every_event") ? "data, every event's energy as threshold"
                : "data, grid thresholds";
        List<LegendItem> items = new ArrayList<>(List.of(ChartKit.lineItem(dataLabel, ChartKit.DATA, 1.5f),
                ChartKit.markerItem("data, standard thresholds", ChartKit.MARKER, ChartKit.diamond(5)),
                ChartKit.lineItem("isotropic median", ChartKit.MEDIAN, 1.5f), ChartKit.fillItem(BAND1, ChartKit.BAND1),
                ChartKit.fillItem(BAND2, ChartKit.BAND2)));
        int[] vela = corrected ? modelRows("grid", Tables.THRESHOLD_GEV) : new int[0];
        if (vela.length > 0) {
            ChartKit.addLine(p, 5, "vela", TableRows.values(t.model(), Tables.THRESHOLD_GEV, vela),
                    TableRows.values(t.model(), "delta_pred", vela), VELA, 1.8f, null);
            items.add(2, ChartKit.lineItem("Vela model, predicted for each threshold", VELA, 1.8f));
        }
        JFreeChart c = ChartKit.chart("Dipole amplitude vs threshold energy, " + (corrected ? "with" : "without")
                + " exposure correction", p, ChartKit.legend(items.toArray(new LegendItem[0])));

        int[] grid = TableRows.select(m, "grid", corrected, Tables.THRESHOLD_GEV);
        double[] gd = TableRows.values(m, "delta", grid);
        int above1 = 0;
        int above2 = 0;
        double maxAbove = 0;
        double maxAt = Double.NaN;
        int compared = Math.min(gd.length, band.length);
        for (int i = 0; i < compared; i++) {
            above1 += gd[i] > hi1[i] ? 1 : 0;
            above2 += gd[i] > hi2[i] ? 1 : 0;
            if (gd[i] > hi2[i] && gd[i] / hi2[i] > maxAbove) {
                maxAbove = gd[i] / hi2[i];
                maxAt = bx[i];
            }
        }
        String caption = String.format(Locale.ROOT, "%s: delta of the events above each threshold (%s), %d standard "
                + "thresholds as markers; isotropic median and 1\u03c3 / 2\u03c3 bands of the %s Monte Carlo "
                + "samples at the %d grid thresholds. At the grid thresholds the data lie above the 1\u03c3 band at %d "
                + "and above the 2\u03c3 band at %d of %d thresholds%s. The every-event curve is drawn with at most "
                + "four points per horizontal pixel (first, lowest, highest, last), which leaves its look unchanged.",
                corrected ? "Exposure-corrected (events weighted by the inverse exposure)" : "Not corrected (unit weights)",
                curveKind.equals("every_event") ? every.length + " thresholds, one per selected event"
                        : every.length + " grid thresholds", std.length, t.bands().rows() > 0
                        ? Long.toString((long) t.bands().numeric("n_samples")[band[0]]) : "?", band.length, above1,
                above2, compared, above2 > 0 ? String.format(Locale.ROOT, " (furthest above at %.4g GeV, %.2f times "
                        + "the 97.725 %% percentile)", maxAt, maxAbove) : "");
        if (vela.length > 0) {
            caption += " Purple: the dipole the Vela model (section Vela model) gives the corrected delta at each grid "
                    + "threshold, the amplitude of its sky's dipole without the statistical noise that the band shows.";
        }
        List<String> q = new ArrayList<>(List.of(
                "SELECT threshold_gev, delta FROM " + table(Tables.MEASURED_THRESHOLDS) + " WHERE kind = '" + curveKind
                        + "' AND " + flag(corrected) + " ORDER BY threshold_gev",
                "SELECT threshold_gev, n_events, delta, dipole_l_deg, dipole_b_deg FROM " + table(Tables.MEASURED_THRESHOLDS)
                        + " WHERE kind = 'standard' AND " + flag(corrected) + " ORDER BY threshold_gev",
                "SELECT threshold_gev, n_samples, delta_p02275, delta_p15865, delta_p50, delta_p84135, delta_p97725 FROM "
                        + table(Tables.BANDS) + " WHERE kind = 'grid' AND " + flag(corrected) + " ORDER BY threshold_gev"));
        if (vela.length > 0) {
            q.add("SELECT threshold_gev, delta_pred FROM " + table(Tables.MODEL) + " WHERE scan = 'grid' ORDER BY threshold_gev");
        }
        return new Figure("delta_threshold_" + (corrected ? Tables.CORRECTED : "uncorrected"),
                "Dipole amplitude vs threshold energy, " + (corrected ? "with" : "without") + " exposure correction",
                caption, q, WIDTH, HEIGHT, c::draw);
    }

    // ---- figure 2 -------------------------------------------------------------------------------------------

    Figure upperLimits(List<OverlayLimits> overlays) {
        ParquetTable l = t.limits();
        int[] grid = TableRows.require(l, "grid", null, Tables.THRESHOLD_GEV);
        int[] std = TableRows.select(l, "standard", null, Tables.THRESHOLD_GEV);
        XYPlot p = ChartKit.plot(ChartKit.logAxis(ChartKit.ENERGY_THRESHOLD),
                ChartKit.logAxis("95 % CL upper limit on \u03b4"));
        ChartKit.addLine(p, 0, "grid", TableRows.values(l, Tables.THRESHOLD_GEV, grid),
                TableRows.values(l, "ul_delta_fermi2010", grid), ChartKit.DATA, 1.6f, null);
        ChartKit.addMarkers(p, 1, "standard", TableRows.values(l, Tables.THRESHOLD_GEV, std),
                TableRows.values(l, "ul_delta_fermi2010", std), ChartKit.MARKER, ChartKit.diamond(5));
        List<LegendItem> items = new ArrayList<>(List.of(
                ChartKit.lineItem("this run, Fermi-LAT 2010 method, grid thresholds", ChartKit.DATA, 1.6f),
                ChartKit.markerItem("this run, standard thresholds", ChartKit.MARKER, ChartKit.diamond(5))));
        int index = 2;
        int colour = 2;
        StringBuilder files = new StringBuilder();
        for (OverlayLimits o : overlays) {
            files.append(files.length() == 0 ? "" : ", ").append(o.file());
            for (Map.Entry<String, double[][]> s : o.series().entrySet()) {
                Color col = ChartKit.SERIES[colour++ % ChartKit.SERIES.length];
                ChartKit.addLine(p, index++, s.getKey(), s.getValue()[0], s.getValue()[1], col, 1.3f, ChartKit.square(3));
                items.add(ChartKit.lineMarkerItem(s.getKey() + " (overlay)", col, ChartKit.square(3)));
            }
        }
        ChartKit.physicalBound(p, items, TableRows.values(l, "ul_delta_fermi2010", grid));
        JFreeChart c = ChartKit.chart("95 % CL upper limit on the dipole amplitude vs threshold energy", p,
                ChartKit.legend(items.toArray(new LegendItem[0])));
        String caption = "Upper limits at 95 % CL from the measured (exposure-corrected) delta by the Fermi-LAT 2010 "
                + "method (the Maxwell distribution of delta; depends on delta_meas only), at the grid thresholds (line) "
                + "and the standard thresholds (markers). "
                + (overlays.isEmpty() ? "No overlay given (--overlay FILE adds limits from a CSV energy_gev,ul,label)."
                        : "Overlaid from " + files + " (as supplied by the user, not checked).");
        List<String> q = List.of("SELECT kind, threshold_gev, delta, ul_delta_fermi2010 FROM " + table(Tables.LIMITS)
                + " WHERE kind IN ('grid', 'standard') ORDER BY kind, threshold_gev");
        return new Figure("upper_limits", "95 % CL upper limit vs threshold energy (Fermi-LAT 2010 method)", caption, q,
                WIDTH, HEIGHT, c::draw);
    }

    // ---- figure 3 -------------------------------------------------------------------------------------------

    /** The limit rows of the energy bins, ordered by emin. */
    int[] binRows() {
        return TableRows.require(t.limits(), "bin", null, Tables.EMIN_GEV);
    }

    static void addBinned(XYPlot p, int index, String name, double[] emin, double[] emax, double[] ul, Color colour,
            java.awt.Shape shape) {
        XYIntervalSeries s = new XYIntervalSeries(name);
        for (int i = 0; i < emin.length; i++) {
            if (ul[i] > 0 && Double.isFinite(ul[i])) {
                s.add(Math.sqrt(emin[i] * emax[i]), emin[i], emax[i], ul[i], ul[i], ul[i]);
            }
        }
        XYIntervalSeriesCollection d = new XYIntervalSeriesCollection();
        d.addSeries(s);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(true);
        r.setDrawYError(false);
        r.setDefaultLinesVisible(false);
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShape(0, shape);
        r.setSeriesPaint(0, colour);
        r.setErrorPaint(colour);
        r.setErrorStroke(new java.awt.BasicStroke(1.6f));
        r.setCapLength(6);
        p.setDataset(index, d);
        p.setRenderer(index, r);
    }

    Figure binnedLimits(List<PublishedBinLimits> published) {
        ParquetTable l = t.limits();
        int[] bins = binRows();
        double[] emin = TableRows.values(l, Tables.EMIN_GEV, bins);
        double[] emax = TableRows.values(l, Tables.EMAX_GEV, bins);
        double[] neyman = TableRows.values(l, "ul_delta_neyman", bins);
        boolean withNeyman = java.util.Arrays.stream(neyman).anyMatch(v -> !Double.isNaN(v));
        XYPlot p = ChartKit.plot(ChartKit.logAxis(ChartKit.ENERGY_BIN), ChartKit.logAxis("95 % CL upper limit on \u03b4"));
        addBinned(p, 0, "lr", emin, emax, TableRows.values(l, "ul_delta_lr", bins), ChartKit.SERIES[0], ChartKit.circle(4));
        addBinned(p, 1, "fermi2010", emin, emax, TableRows.values(l, "ul_delta_fermi2010", bins), ChartKit.SERIES[1],
                ChartKit.square(3.5));
        List<LegendItem> items = new ArrayList<>(List.of(
                ChartKit.lineMarkerItem("likelihood ratio in C1ani (-2 ln \u03bb = 3.841)", ChartKit.SERIES[0],
                        ChartKit.circle(4)),
                ChartKit.lineMarkerItem("Fermi-LAT 2010 (Maxwell distribution of \u03b4)", ChartKit.SERIES[1],
                        ChartKit.square(3.5))));
        if (withNeyman) {
            addBinned(p, 2, "neyman", emin, emax, neyman, ChartKit.SERIES[4], ChartKit.diamond(4.5));
            items.add(ChartKit.lineMarkerItem("Neyman construction (cra validate, random directions)", ChartKit.SERIES[4],
                    ChartKit.diamond(4.5)));
        }
        int index = 3;
        StringBuilder compared = new StringBuilder();
        for (PublishedBinLimits pub : published) {
            Color col = ChartKit.MEDIAN;
            addBinned(p, index++, "published " + pub.label(), pub.eminGev(), pub.emaxGev(), pub.ulDelta(), col,
                    ChartKit.square(3));
            items.add(ChartKit.lineMarkerItem(pub.label() + " (published)", col, ChartKit.square(3)));
            compared.append(String.format(Locale.ROOT, " %s (from %s) is drawn in grey: %s.", pub.label(), pub.file(),
                    pub.sameBins(emin, emax) ? "the run uses the same bins, so the limits compare bin for bin"
                            : "its bins differ from the run's, and so do the data set's size and exposure: compare the "
                            + "trend, not bin for bin (conf/fermi2017-bins.conf runs the demo in its bins)"));
        }
        int[] vela = modelRows("bin", Tables.EMIN_GEV);
        if (vela.length > 0) {
            // predictions far below every limit would stretch the axis over decades: those are left out
            double floor = Double.POSITIVE_INFINITY;
            for (double[] limits : new double[][] {TableRows.values(l, "ul_delta_lr", bins),
                TableRows.values(l, "ul_delta_fermi2010", bins), neyman}) {
                for (double v : limits) {
                    floor = v > 0 && Double.isFinite(v) ? Math.min(floor, v / 100) : floor;
                }
            }
            for (PublishedBinLimits pub : published) {
                for (double v : pub.ulDelta()) {
                    floor = Math.min(floor, v / 100);
                }
            }
            double[] predicted = TableRows.values(t.model(), "delta_pred", vela);
            int hidden = 0;
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] < floor) {
                    predicted[i] = Double.NaN;
                    hidden++;
                }
            }
            addBinned(p, 20, "vela", TableRows.values(t.model(), Tables.EMIN_GEV, vela),
                    TableRows.values(t.model(), Tables.EMAX_GEV, vela), predicted, VELA, ChartKit.square(2.5));
            items.add(ChartKit.lineMarkerItem("Vela model, predicted for each bin", VELA, ChartKit.square(2.5)));
            compared.append(String.format(Locale.ROOT, " Purple: the dipole the Vela model (section Vela model) gives "
                    + "the corrected delta of each bin%s.", hidden == 0 ? "" : String.format(Locale.ROOT, "; %d bin%s "
                    + "whose prediction is below a hundredth of the smallest limit %s not drawn", hidden,
                    hidden == 1 ? "" : "s", hidden == 1 ? "is" : "are")));
        }
        ChartKit.physicalBound(p, items, TableRows.values(l, "ul_delta_lr", bins),
                TableRows.values(l, "ul_delta_fermi2010", bins), neyman);
        JFreeChart c = ChartKit.chart("Binned 95 % CL upper limits", p, ChartKit.legend(items.toArray(new LegendItem[0])));
        String caption = String.format(Locale.ROOT, "Upper limits on delta in %d independent energy bins (horizontal "
                + "bars span each bin, emin to emax; markers at the geometric bin centre sqrt(emin emax)), exposure "
                + "corrected: the likelihood ratio of Fermi-LAT 2017 from the measured C1 and the white noise C_N of "
                + "each bin, the Fermi-LAT 2010 limit from delta alone%s. Every limit shown has been checked to cover "
                + "the true amplitude in >= 95 %% of injected skies (cra validate; the validation section).",
                bins.length, withNeyman ? ", and the Neyman limit built from the injected skies of cra validate" : "")
                + compared;
        List<String> q = new ArrayList<>(List.of("SELECT emin_gev, emax_gev, sqrt(emin_gev * emax_gev) AS e_center_gev, "
                + "n_events, delta, c1_rel, cn, ul_delta_lr, ul_delta_fermi2010, ul_delta_neyman FROM " + table(Tables.LIMITS)
                + " WHERE kind = 'bin' ORDER BY emin_gev"));
        if (vela.length > 0) {
            q.add("SELECT emin_gev, emax_gev, delta_pred FROM " + table(Tables.MODEL) + " WHERE kind = 'bin' ORDER BY emin_gev");
        }
        return new Figure("binned_limits", "Binned upper limits", caption, q, WIDTH, HEIGHT,
                c::draw);
    }

    // ---- figure 4 -------------------------------------------------------------------------------------------

    Figure quadrupoleOctupole(boolean corrected) {
        ParquetTable m = t.thresholds();
        int[] grid = TableRows.require(m, "grid", corrected, Tables.THRESHOLD_GEV);
        int[] band = TableRows.require(t.bands(), "grid", corrected, Tables.THRESHOLD_GEV);
        double[] gx = TableRows.values(m, Tables.THRESHOLD_GEV, grid);
        double[] bx = TableRows.values(t.bands(), Tables.THRESHOLD_GEV, band);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(ChartKit.logAxis(ChartKit.ENERGY_THRESHOLD));
        combined.setGap(8);
        int[] other = TableRows.select(t.bands(), "grid", !corrected, Tables.THRESHOLD_GEV);
        double[] ox = TableRows.values(t.bands(), Tables.THRESHOLD_GEV, other);
        String otherName = "isotropic median " + (corrected ? "without" : "with") + " correction (reference)";
        StringBuilder counts = new StringBuilder();
        double[] c0 = TableRows.values(m, "c0", grid);
        for (String l : new String[] {"c2", "c3"}) {
            String q = l + "_c0"; // the band quantity C_l / C0
            XYPlot p = new XYPlot();
            p.setRangeAxis(ChartKit.logAxis(l.toUpperCase(Locale.ROOT) + " / C0"));
            ChartKit.style(p);
            double[] p50 = TableRows.values(t.bands(), q + "_p50", band);
            double[] hi2 = TableRows.values(t.bands(), q + "_p97725", band);
            ChartKit.addBand(p, 0, BAND2, bx, p50, TableRows.values(t.bands(), q + "_p02275", band), hi2, ChartKit.BAND2);
            ChartKit.addBand(p, 1, BAND1, bx, p50, TableRows.values(t.bands(), q + "_p15865", band),
                    TableRows.values(t.bands(), q + "_p84135", band), ChartKit.BAND1);
            ChartKit.addLine(p, 2, "median", bx, p50, ChartKit.MEDIAN, 1.2f, null);
            double[] otherP97 = TableRows.values(t.bands(), q + "_p97725", other);
            if (other.length > 0) {
                ChartKit.addLine(p, 3, "other", ox, TableRows.values(t.bands(), q + "_p50", other), ChartKit.REFERENCE,
                        1.4f, null);
                ((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) p.getRenderer(3)).setSeriesStroke(0,
                        ChartKit.DASHED);
            }
            double[] data = TableRows.values(m, l, grid);
            for (int i = 0; i < data.length; i++) {
                data[i] /= c0[i];
            }
            ChartKit.addLine(p, 4, "data", gx, data, ChartKit.DATA, 1.3f, null);
            combined.add(p, 1);
            int above = 0;
            int aboveOther = 0;
            int n = Math.min(data.length, hi2.length);
            for (int i = 0; i < n; i++) {
                above += data[i] > hi2[i] ? 1 : 0;
                aboveOther += i < otherP97.length && data[i] > otherP97[i] ? 1 : 0;
            }
            counts.append(counts.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                    "%s above its own 2\u03c3 band at %d and above the 2\u03c3 band %s correction at %d of %d",
                    l.toUpperCase(Locale.ROOT) + "/C0", above, corrected ? "without" : "with", aboveOther, n));
        }
        ChartKit.style(combined);
        JFreeChart c = ChartKit.chart("C2/C0 and C3/C0 vs threshold energy, " + (corrected ? "with" : "without")
                + " exposure correction", combined, ChartKit.legend(ChartKit.lineItem("data (grid thresholds)",
                        ChartKit.DATA, 1.5f), ChartKit.lineItem("isotropic median", ChartKit.MEDIAN, 1.5f),
                ChartKit.dashedItem(otherName, ChartKit.REFERENCE),
                ChartKit.fillItem(BAND1, ChartKit.BAND1), ChartKit.fillItem(BAND2, ChartKit.BAND2)));
        String caption = (corrected ? "With exposure correction" : "Without exposure correction")
                + ": C2/C0 (top) and C3/C0 (bottom), the quadrupole and octupole power of the map of event weights "
                + "above each grid threshold relative to its monopole, against the isotropic Monte Carlo bands analysed "
                + "the same way. For an isotropic sky C_l/C0 falls only as 1/N with the event count N, and a signal "
                + "stands out as a rise above the band. " + counts + " grid thresholds. "
                + "Dashed: the isotropic median of the analysis " + (corrected ? "without" : "with") + " correction, for "
                + "reference. " + (corrected ? "With the correction C2 should lie in its isotropic band."
                        : "Without correction the exposure's quadrupole shape raises C2 in data and samples alike, "
                        + "above the level of the corrected analysis at low thresholds (many events).");
        List<String> q = List.of(
                "SELECT threshold_gev, c2 / c0 AS c2_c0, c3 / c0 AS c3_c0 FROM " + table(Tables.MEASURED_THRESHOLDS)
                        + " WHERE kind = 'grid' AND " + flag(corrected) + " ORDER BY threshold_gev",
                "SELECT corrected, threshold_gev, c2_c0_p02275, c2_c0_p15865, c2_c0_p50, c2_c0_p84135, c2_c0_p97725, "
                        + "c3_c0_p02275, c3_c0_p15865, c3_c0_p50, c3_c0_p84135, c3_c0_p97725 FROM " + table(Tables.BANDS)
                        + " WHERE kind = 'grid' ORDER BY corrected, threshold_gev");
        return new Figure("c2_c3_" + (corrected ? Tables.CORRECTED : "uncorrected"), "C2/C0 and C3/C0 vs threshold energy, "
                + (corrected ? "with" : "without") + " exposure correction", caption, q, WIDTH, 640, c::draw);
    }

    // ---- figure 7 -------------------------------------------------------------------------------------------

    Figure velaModel() {
        ParquetTable l = t.limits();
        int[] grid = TableRows.require(l, "grid", null, Tables.THRESHOLD_GEV);
        int[] bins = binRows();
        double[] emin = TableRows.values(l, Tables.EMIN_GEV, bins);
        double[] emax = TableRows.values(l, Tables.EMAX_GEV, bins);
        LogAxis yAxis = ChartKit.logAxis("Dipole amplitude \u03b4");
        XYPlot p = ChartKit.plot(ChartKit.logAxis("Energy: threshold (Fermi-2010 limit) or bin (binned limits) (GeV)"),
                yAxis);
        ChartKit.addLine(p, 0, "fermi2010", TableRows.values(l, Tables.THRESHOLD_GEV, grid),
                TableRows.values(l, "ul_delta_fermi2010", grid), ChartKit.DATA, 1.5f, null);
        addBinned(p, 1, "lr", emin, emax, TableRows.values(l, "ul_delta_lr", bins), ChartKit.SERIES[2], ChartKit.circle(4));
        List<LegendItem> items = new ArrayList<>(List.of(
                ChartKit.lineItem("UL, Fermi-LAT 2010 method, vs threshold", ChartKit.DATA, 1.5f),
                ChartKit.lineMarkerItem("UL, binned, likelihood ratio", ChartKit.SERIES[2], ChartKit.circle(4))));
        double yMax = 0;
        double yMin = Double.POSITIVE_INFINITY;
        for (double v : TableRows.values(l, "ul_delta_fermi2010", grid)) {
            yMax = v > 0 && Double.isFinite(v) ? Math.max(yMax, v) : yMax;
            yMin = v > 0 && Double.isFinite(v) ? Math.min(yMin, v) : yMin;
        }
        for (double v : TableRows.values(l, "ul_delta_lr", bins)) {
            yMax = v > 0 && Double.isFinite(v) ? Math.max(yMax, v) : yMax;
        }
        double predMin = Double.POSITIVE_INFINITY; // the lowest prediction at the run's thresholds and bins
        String modelText;
        List<String> q = new ArrayList<>(List.of(
                "SELECT threshold_gev, ul_delta_fermi2010 FROM " + table(Tables.LIMITS) + " WHERE kind = 'grid' ORDER BY threshold_gev",
                "SELECT emin_gev, emax_gev, ul_delta_lr FROM " + table(Tables.LIMITS)
                        + " WHERE kind = 'bin' ORDER BY emin_gev"));
        if (t.model() != null) {
            ParquetTable m = t.model();
            int[] curve = modelRows("energy", Tables.EMIN_GEV);
            int[] mGrid = modelRows("grid", Tables.THRESHOLD_GEV);
            int[] mStd = modelRows("standard", Tables.THRESHOLD_GEV);
            int[] mBins = modelRows("bin", Tables.EMIN_GEV);
            ChartKit.addLine(p, 3, "vela energy", TableRows.values(m, Tables.EMIN_GEV, curve),
                    TableRows.values(m, "delta_pred", curve), VELA, 1.0f, null);
            ChartKit.addLine(p, 4, "vela thresholds", TableRows.values(m, Tables.THRESHOLD_GEV, mGrid),
                    TableRows.values(m, "delta_pred", mGrid), ChartKit.MARKER, 2.2f, null);
            ChartKit.addMarkers(p, 5, "vela standard", TableRows.values(m, Tables.THRESHOLD_GEV, mStd),
                    TableRows.values(m, "delta_pred", mStd), ChartKit.MARKER, ChartKit.diamond(5));
            addBinned(p, 6, "vela bins", TableRows.values(m, Tables.EMIN_GEV, mBins), TableRows.values(m, Tables.EMAX_GEV, mBins),
                    TableRows.values(m, "delta_pred", mBins), ChartKit.MARKER, ChartKit.square(3));
            items.add(0, ChartKit.lineItem("Vela prediction vs threshold (grid; diamonds: standard)", ChartKit.MARKER,
                    2.2f));
            items.add(1, ChartKit.lineMarkerItem("Vela prediction per bin", ChartKit.MARKER, ChartKit.square(3)));
            items.add(2, ChartKit.lineItem("Vela model at energy E (reference)", VELA, 1.0f));
            for (int[] rows : new int[][] {mGrid, mBins}) {
                for (double v : TableRows.values(m, "delta_pred", rows)) {
                    yMax = v > 0 && Double.isFinite(v) ? Math.max(yMax, v) : yMax;
                    predMin = v > 0 && Double.isFinite(v) ? Math.min(predMin, v) : predMin;
                }
            }
            modelText = String.format(Locale.ROOT, "The Vela SNR as an e+e- source (`cra model vela`, %s; %s): its "
                    + "dipole at energy E is delta_source(E) times its share min(1, J_Vela / J_measured) of the measured "
                    + "flux (thin line). Thick line, diamonds and bars: what the exposure-corrected delta of each of the "
                    + "run's thresholds and bins would measure on that sky, the flux-weighted mean of delta(E) over the "
                    + "selection (method.md section 7), to compare with the limits at the same threshold or bin. %s",
                    modelParameters(), m.metadata().getOrDefault(FooterKeys.MEASURED_SPECTRUM, "measured spectrum"),
                    excessSentence());
            q.add("SELECT scan, threshold_gev, emin_gev, emax_gev, delta_pred, delta_pred_counts, share FROM "
                    + table(Tables.MODEL) + " WHERE kind IN ('threshold', 'bin') ORDER BY scan, emin_gev");
            q.add("SELECT emin_gev AS e_gev, delta_source, share, delta_pred AS delta, e3j_vela, e3j_measured FROM "
                    + table(Tables.MODEL) + " WHERE kind = 'energy' ORDER BY emin_gev");
        } else {
            modelText = "No model/ table in the results directory: `cra model vela --results DIR` writes the Vela "
                    + "predictions for the run's thresholds and bins (cra run does).";
        }
        // the range follows the limits and the predictions at the run's thresholds and bins (not the model curve,
        // which falls steeply towards its low-energy end): at most two decades below the lowest limit
        double low = Math.min(Math.min(yMin, 1.0), predMin);
        yAxis.setRange(Math.max(low / 1.5, Math.min(yMin, 1.0) / 100), yMax * 2);
        JFreeChart c = ChartKit.chart("Expected Vela dipole vs the 95 % CL upper limits", p,
                ChartKit.legend(items.toArray(new LegendItem[0])));
        String caption = modelText + " Against it the run's limits vs threshold (line) and per energy bin (bars); "
                + "points below the axis are not drawn.";
        return new Figure("vela_model", "Expected Vela dipole vs energy against the limits", caption, q, WIDTH, HEIGHT,
                c::draw);
    }

    /** The Vela model's colour (thin reference curve at energy E). */
    static final Color VELA = ChartKit.REFERENCE;

    /** Rows of model/ with the given scan (standard, grid, bin, energy), ordered by a column; empty without it. */
    int[] modelRows(String scan, String orderBy) {
        ParquetTable m = t.model();
        if (m == null) {
            return new int[0];
        }
        String[] s = m.text("scan");
        double[] key = m.numeric(orderBy);
        return java.util.stream.IntStream.range(0, m.rows()).filter(i -> s[i].equals(scan)).boxed()
                .sorted(java.util.Comparator.comparingDouble(i -> key[i])).mapToInt(Integer::intValue).toArray();
    }

    /** The model's parameters as recorded in model/'s footer (cra.model), in words. */
    String modelParameters() {
        String json = t.model() == null ? null : t.model().metadata().get(FooterKeys.MODEL);
        if (json == null) {
            return "parameters not recorded";
        }
        try {
            com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            double emission = n.path("emission_kyr").asDouble();
            String text = String.format(Locale.ROOT, "injection E^-%s up to %.3g GeV, %s, %.3g erg above 1 GeV, d = %s "
                    + "kpc, age %s kyr", n.path("index").asText(), n.path("cutoff_gev").asDouble(), emission == 0
                    ? "a burst" : "constant over " + fmt(emission) + " kyr", n.path("energy_erg").asDouble(),
                    n.path("distance_kpc").asText(), n.path("age_kyr").asText());
            // the propagation, recorded since cra.model.vela sets it
            com.fasterxml.jackson.databind.JsonNode d = n.path("diffusion");
            if (d.isObject()) {
                text += String.format(Locale.ROOT, ", D = %.3g cm^2/s at %s GV with slope %s below and %s above %s GV "
                        + "(softness %s)", d.path("d0_cm2_per_s").asDouble(), d.path("r0_gv").asText(),
                        d.path("delta_low").asText(), d.path("delta_high").asText(), d.path("break_gv").asText(),
                        d.path("softness").asText());
            }
            if (n.has("b0_per_gev_per_s")) {
                text += String.format(Locale.ROOT, ", losses b0 = %.3g GeV^-1 s^-1", n.path("b0_per_gev_per_s").asDouble());
            }
            return text;
        } catch (java.io.IOException e) {
            return "parameters " + json;
        }
    }

    /** The sentence on J_Vela exceeding the measured total (model/'s footer cra.model_excess), or "". */
    String excessSentence() {
        String x = t.model() == null ? null : t.model().metadata().get(FooterKeys.MODEL_EXCESS);
        return x == null || x.equals("none") ? "The model's flux stays below the measured total at every energy."
                : "Warning: " + x;
    }

    /**
     * The selected events' energies in 40 log bins against the counts the isotropic samples' spectrum
     * predicts, N (P(E &gt;= lo) - P(E &gt;= hi)) (the flux seen through the selection's exposure), when the
     * samples were drawn from a spectrum; otherwise the data alone.
     */
    Figure energySpectrum(org.cranisotropy.analysis.PreparedSample data,
            org.cranisotropy.events.FluxSpectrum flux, String fitQuality, List<String> eventQueries) {
        double lo = flux != null ? flux.eminGev() : data.energyGev(data.size() - 1);
        double hi = flux != null ? flux.emaxGev() : data.energyGev(0) * 1.0001;
        org.cranisotropy.montecarlo.EnergyHistogram h = org.cranisotropy.montecarlo.EnergyHistogram.of(data, lo, hi, 40);
        long n = h.total();
        double[] centre = new double[h.bins()];
        double[] counts = new double[h.bins()];
        long[] observed = h.observed();
        for (int k = 0; k < centre.length; k++) {
            centre[k] = Math.sqrt(h.edge(k) * h.edge(k + 1));
            counts[k] = observed[k];
        }
        org.cranisotropy.montecarlo.ObservedSpectrum model = flux == null ? null
                : org.cranisotropy.montecarlo.ObservedSpectrum.of(flux, data.selectionExposure());
        double[] expected = model == null ? new double[centre.length] : model.expected(h);
        XYPlot p = ChartKit.plot(ChartKit.logAxis(ChartKit.ENERGY_BIN), ChartKit.logAxis(
                "Selected events per bin (40 log bins)"));
        // Poisson 68.27 % central intervals (Garwood): [chi2(0.15865; 2n) / 2, chi2(0.84135; 2n + 2) / 2]
        XYIntervalSeries s = new XYIntervalSeries("data");
        for (int k = 0; k < centre.length; k++) {
            if (observed[k] > 0) {
                double low = 0.5 * org.apache.commons.statistics.distribution.ChiSquaredDistribution.of(2.0 * observed[k])
                        .inverseCumulativeProbability(0.15865);
                double high = 0.5 * org.apache.commons.statistics.distribution.ChiSquaredDistribution
                        .of(2.0 * observed[k] + 2).inverseCumulativeProbability(0.84135);
                s.add(centre[k], centre[k], centre[k], counts[k], low, high);
            }
        }
        XYIntervalSeriesCollection d = new XYIntervalSeriesCollection();
        d.addSeries(s);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setDefaultLinesVisible(false);
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShape(0, ChartKit.circle(3.5));
        r.setSeriesPaint(0, ChartKit.DATA);
        r.setErrorPaint(ChartKit.DATA);
        r.setCapLength(4);
        p.setDataset(0, d);
        p.setRenderer(0, r);
        List<org.jfree.chart.LegendItem> items = new java.util.ArrayList<>(List.of(
                ChartKit.markerItem("data: selected events (Poisson 68 % intervals)", ChartKit.DATA,
                        ChartKit.circle(3.5))));
        if (model != null) {
            ChartKit.addLine(p, 1, "model", centre, expected, ChartKit.MARKER, 1.8f, null);
            items.add(ChartKit.lineItem("what the isotropic samples draw from: F(E) S_sel(E)", ChartKit.MARKER, 1.8f));
        }
        JFreeChart c = ChartKit.chart("Energies of the selected events and the Monte Carlo's spectrum", p,
                ChartKit.legend(items.toArray(new org.jfree.chart.LegendItem[0])));
        String caption = flux == null
                ? "The selected events' energies; the isotropic samples of this run reuse them (energies = data), "
                        + "so there is no model to compare."
                : String.format(Locale.ROOT, "The %d selected events in [%.4g, %.4g] GeV in 40 log bins (points) "
                        + "against the counts expected from the smoothly broken power law the samples draw from "
                        + "(%s), seen through the selection's sky-integrated exposure (line; the step is where the "
                        + "selection adds classes). Goodness of fit: %s.", n, lo, hi, shape(flux), fitQuality);
        List<String> q = new java.util.ArrayList<>(eventQueries);
        q.add("-- the spectrum: the cra.spectrum key of the samples' Parquet footers (one break: index, index-high, "
                + "break, softness, emin, emax; two: gamma1, gamma2, gamma3, break1, softness1, break2, softness2, "
                + "emin, emax), the fits and the model choice: cra.spectrum_model; the class selection: cra.analysis "
                + "of the run's configuration");
        return new Figure("energy_spectrum", "Energies of the selected events and the Monte Carlo's spectrum", caption,
                q, WIDTH, HEIGHT, c::draw);
    }

    /** The flux's shape in words for a caption. */
    static String shape(org.cranisotropy.events.FluxSpectrum flux) {
        if (flux instanceof org.cranisotropy.events.DoubleBrokenPowerLaw d) {
            return String.format(Locale.ROOT, "two breaks: index %.3f, %.3f above %.4g GeV, %.3f above %.4g GeV, "
                    + "softness %.3g and %.3g", d.gamma1(), d.gamma2(), d.break1Gev(), d.gamma3(), d.break2Gev(),
                    d.softness1(), d.softness2());
        }
        org.cranisotropy.events.BrokenPowerLaw b = (org.cranisotropy.events.BrokenPowerLaw) flux;
        return String.format(Locale.ROOT, "index %.3f, %.3f above the break at %.4g GeV, softness %.3g", b.gamma1(),
                b.gamma2(), b.breakGev(), b.softness());
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
