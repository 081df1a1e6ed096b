package org.cranisotropy.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.cranisotropy.analysis.ClassSelection;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.association.GammaRaySource;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.io.ParquetTable;
import org.cranisotropy.model.BurstPointSource;
import org.cranisotropy.sky.GalacticFrame;
import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.io.Tables;

/**
 * The Mollweide sky figures: event counts, exposure and relative intensity of the selected events above the
 * lowest standard threshold with the measured dipole direction, its uncertainty and the Vela SNR; and the
 * highest-energy events against gamma-ray source positions.
 *
 * <p>Dipole uncertainty: for an isotropic sky each Cartesian component of the dipole vector is Gaussian with
 * width sigma and delta follows a Maxwell distribution of scale sigma, whose median is sqrt(chi2_3 median)
 * sigma = 1.5382 sigma. sigma is taken from the Monte Carlo band, sigma = delta_p50 / 1.5382, which includes
 * the exposure weighting (sqrt(3/N) for uniform exposure); the direction is then uncertain by about
 * sigma / delta rad, drawn as a circle of that angular radius (not drawn beyond 90 deg).
 */
final class SkyFigures {
    static final int WIDTH = 1000;
    static final int HEIGHT = 520;
    static final Color VELA = new Color(0xff, 0x00, 0xff);
    /** Sources are named on the map when the catalogue has at most this many. */
    static final int MAX_SOURCE_NAMES = 20;
    static final double MAXWELL_MEDIAN = Math.sqrt(ChiSquaredDistribution.of(3).inverseCumulativeProbability(0.5));

    private final ResultTables t;
    private final ChartFigures sql;
    private final PreparedSample data;
    private final ClassSelection selection;

    SkyFigures(ResultTables t, ChartFigures sql, PreparedSample data, ClassSelection selection) {
        this.t = t;
        this.sql = sql;
        this.data = data;
        this.selection = selection;
    }

    /** The measured dipole (corrected) at the lowest standard threshold and its sigma from the band. */
    record Dipole(double thresholdGev, double delta, double lDeg, double bDeg, double sigma, String sigmaFrom,
            double radiusDeg) {}

    Dipole dipole() {
        ParquetTable m = t.thresholds();
        int[] std = TableRows.require(m, "standard", true, Tables.THRESHOLD_GEV);
        int i = std[0];
        double thr = m.numeric(Tables.THRESHOLD_GEV)[i];
        double delta = m.numeric("delta")[i];
        int[] band = TableRows.select(t.bands(), "standard", true, Tables.THRESHOLD_GEV);
        double sigma = Double.NaN;
        String from = "";
        for (int j : band) {
            if (t.bands().numeric(Tables.THRESHOLD_GEV)[j] == thr) {
                sigma = t.bands().numeric("delta_p50")[j] / MAXWELL_MEDIAN;
                from = "the isotropic band (delta_p50 / 1.5382)";
            }
        }
        if (!(sigma > 0)) {
            sigma = Math.sqrt(3.0 / m.numeric(Tables.N_EVENTS)[i]);
            from = "sqrt(3/N) (no band row at this threshold)";
        }
        // after cra validate: the 68 % angle between measured and injected directions at the validated amplitude
        // nearest delta (the exposure makes the dipole components unequal, which sigma / delta ignores)
        double radius = Math.toDegrees(sigma / delta);
        ParquetTable l = t.limits();
        if (l.has("direction_r68_deg")) {
            int[] rows = TableRows.select(l, "standard", null, Tables.THRESHOLD_GEV);
            for (int j : rows) {
                double r68 = l.numeric("direction_r68_deg")[j];
                if (l.numeric(Tables.THRESHOLD_GEV)[j] == thr && r68 > 0) {
                    radius = r68;
                    from = "cra validate: the 68 % angle between measured and injected directions of skies with a "
                            + "dipole of about this amplitude (limits.direction_r68_deg)";
                    sigma = Double.NaN;
                }
            }
        }
        return new Dipole(thr, delta, m.numeric("dipole_l_deg")[i], m.numeric("dipole_b_deg")[i], sigma, from, radius);
    }

    private static List<SkyPainter.Mark> baseMarks(Dipole d) {
        List<SkyPainter.Mark> marks = new ArrayList<>();
        marks.add(new SkyPainter.Mark(BurstPointSource.VELA_L_DEG, BurstPointSource.VELA_B_DEG, "Vela SNR",
                ChartKit.diamond(6), VELA, Color.BLACK));
        marks.add(new SkyPainter.Mark(d.lDeg(), d.bDeg(), String.format(Locale.ROOT, "dipole, E \u2265 %.0f GeV",
                d.thresholdGev()), star(8), Color.WHITE, Color.BLACK));
        return marks;
    }

    private static List<SkyPainter.Circle> baseCircles(Dipole d) {
        List<SkyPainter.Circle> c = new ArrayList<>();
        if (d.radiusDeg() < 90) {
            c.add(new SkyPainter.Circle(d.lDeg(), d.bDeg(), d.radiusDeg(), Color.WHITE, 2.4f));
            c.add(new SkyPainter.Circle(d.lDeg(), d.bDeg(), d.radiusDeg(), Color.BLACK, 1.2f));
        }
        return c;
    }

    private String dipoleText(Dipole d) {
        String circle = Double.isNaN(d.sigma()) ? String.format(Locale.ROOT, "angular radius %.1f deg from %s",
                d.radiusDeg(), d.sigmaFrom()) : String.format(Locale.ROOT, "angular radius sigma/delta = %.1f deg with "
                + "sigma = %.4f the per-component width of the dipole vector from %s", d.radiusDeg(), d.sigma(),
                d.sigmaFrom());
        return String.format(Locale.ROOT, "Star: the measured (exposure-corrected) dipole direction above the lowest "
                + "standard threshold %.1f GeV, (l, b) = (%.1f, %.1f) deg, delta = %.4f; circle: its uncertainty, %s%s. "
                + "Diamond: the Vela SNR (263.9, -3.3) deg.", d.thresholdGev(), d.lDeg(), d.bDeg(), d.delta(), circle,
                d.radiusDeg() < 90 ? "" : " (over 90 deg, not drawn: the direction is unconstrained)");
    }

    /** WHERE clause of the class selection and threshold, for the SQL shown with the maps. */
    String selectionWhere(double thresholdGev) {
        StringBuilder s = new StringBuilder("energy_gev >= " + thresholdGev + " AND (");
        List<ClassSelection.Rule> rules = selection.rules();
        for (int r = 0; r < rules.size(); r++) {
            ClassSelection.Rule rule = rules.get(r);
            s.append(r == 0 ? "" : " OR ").append("(energy_gev >= ").append(ChartFigures.fmt(rule.eminGev()))
                    .append(" AND energy_gev < ").append(ChartFigures.fmt(rule.emaxGev())).append(" AND event_class IN (");
            List<String> cls = rule.classes().stream().map(c -> "'" + c + "'").sorted().toList();
            s.append(String.join(", ", cls)).append("))");
        }
        return s.append(")").toString();
    }

    /** A query over the events table (its {@code %s}), preceded by the view a CSV event file needs. */
    List<String> eventQueries(String queryWithTable) {
        return withView(String.format(Locale.ROOT, queryWithTable, eventsTable()));
    }

    /** The events table in Spark SQL: a Parquet path, or the view that {@link #eventsView()} creates. */
    private String eventsTable() {
        String p = t.eventsPath().toString();
        if (t.eventsPath().equals(t.results().resolve(Tables.EVENTS))) {
            return sql.table(Tables.EVENTS);
        }
        return isParquet() ? "parquet.`" + p + "`" : "events";
    }

    private boolean isParquet() {
        return java.nio.file.Files.isDirectory(t.eventsPath()) || t.eventsPath().toString().endsWith(".parquet");
    }

    /** Statements that must run before the event queries (a view over a CSV event file), else none. */
    private List<String> eventsView() {
        if (isParquet() || t.eventsPath().equals(t.results().resolve(Tables.EVENTS))) {
            return List.of();
        }
        return List.of("CREATE OR REPLACE TEMPORARY VIEW events USING csv OPTIONS (path '" + t.eventsPath()
                + "', header 'true', inferSchema 'true')");
    }

    private List<String> withView(String... queries) {
        List<String> q = new ArrayList<>(eventsView());
        q.addAll(List.of(queries));
        return q;
    }

    List<Figure> skyMaps(double smoothingDeg) {
        Dipole d = dipole();
        SkyMaps maps = SkyMaps.of(data, d.thresholdGev(), smoothingDeg);
        HealpixGrid countGrid = new HealpixGrid(SkyMaps.COUNT_NSIDE);
        HealpixGrid expoGrid = new HealpixGrid(maps.exposure().nside());
        HealpixGrid smoothGrid = new HealpixGrid(maps.relativeIntensity().nside());
        double[] c = maps.counts().toArray();
        double cmax = java.util.Arrays.stream(c).max().orElse(1);
        double[] e = maps.exposure().toArray();
        double emin = java.util.Arrays.stream(e).min().orElse(0);
        double emax = java.util.Arrays.stream(e).max().orElse(1);
        double[] ri = maps.relativeIntensity().toArray();
        double rlo = java.util.Arrays.stream(ri).filter(Double::isFinite).min().orElse(1);
        double rhi = java.util.Arrays.stream(ri).filter(Double::isFinite).max().orElse(1);
        String where = selectionWhere(d.thresholdGev());
        String selectSql = "SELECT l_deg, b_deg, energy_gev, event_class FROM " + eventsTable() + " WHERE " + where;
        String dipoleSql = "SELECT threshold_gev, n_events, delta, dipole_l_deg, dipole_b_deg FROM "
                + sql.table(Tables.MEASURED_THRESHOLDS) + " WHERE kind = 'standard' AND corrected ORDER BY threshold_gev LIMIT 1";
        String sigmaSql = "SELECT threshold_gev, delta_p50, delta_p50 / " + String.format(Locale.ROOT, "%.6f", MAXWELL_MEDIAN)
                + " AS sigma FROM " + sql.table(Tables.BANDS) + " WHERE kind = 'standard' AND corrected ORDER BY threshold_gev LIMIT 1";
        String exposureSql = "-- exposure per class, energy bin and pixel; the report sums the selected classes and "
                + "interpolates in log E per event (as the analysis does)\nSELECT class, bin, emin_gev, emax_gev, pixel, "
                + "exposure FROM parquet.`" + t.exposurePath() + "/exposure.parquet`";
        String sel = String.format(Locale.ROOT, "%d selected events with E \u2265 %.1f GeV (class selection of the run)",
                maps.events(), d.thresholdGev());
        List<Figure> out = new ArrayList<>();
        out.add(new Figure("sky_counts", "Event counts", "Events per HEALPix pixel (Nside " + SkyMaps.COUNT_NSIDE
                + ", " + String.format(Locale.ROOT, "%.1f", Math.toDegrees(Math.sqrt(4 * Math.PI / (12.0 * 256)))) + " deg "
                + "pixels), " + sel + ". Mollweide projection, galactic coordinates, l = 0 at the centre. " + dipoleText(d),
                withView(selectSql, dipoleSql, sigmaSql), WIDTH, HEIGHT,
                new SkyPainter("Event counts, " + sel, (l, b) -> SkyMaps.at(maps.counts(), countGrid, l, b),
                        new ColourScale(0, cmax, false, "events / pixel"), baseMarks(d), baseCircles(d), null)::paint));
        out.add(new Figure("sky_exposure", "Exposure", "The selection exposure averaged over the same events, (1/N) "
                + "sum_i A_sel(E_i, p): each event's classes allowed by the selection summed, interpolated in log E at its "
                + "energy (the exposure the analysis weights with), Nside " + maps.exposure().nside() + ", in m^2 s. "
                + dipoleText(d), withView(exposureSql, selectSql), WIDTH, HEIGHT,
                new SkyPainter("Average selection exposure of the " + maps.events() + " events with E \u2265 "
                        + String.format(Locale.ROOT, "%.1f", d.thresholdGev()) + " GeV",
                        (l, b) -> SkyMaps.at(maps.exposure(), expoGrid, l, b),
                        new ColourScale(emin, emax, false, "m\u00b2 s"), baseMarks(d), baseCircles(d), null)::paint));
        out.add(new Figure("sky_relative_intensity", "Relative intensity", String.format(Locale.ROOT, "Counts over the "
                + "isotropic expectation mu_p = sum_i A_sel(E_i, p) / sum_q A_sel(E_i, q), both summed over a top-hat disc "
                + "of radius %.0f deg around each pixel (Nside %d, healpix-java queryDisc); 1 = isotropic. Range %.3f to "
                + "%.3f. Neighbouring pixels share most of their disc, so the map is strongly correlated. ", smoothingDeg,
                maps.relativeIntensity().nside(), rlo, rhi) + dipoleText(d), withView(selectSql, exposureSql, dipoleSql), WIDTH, HEIGHT,
                new SkyPainter(String.format(Locale.ROOT, "Relative intensity, %.0f\u00b0 top-hat, E \u2265 %.1f GeV",
                        smoothingDeg, d.thresholdGev()), (l, b) -> SkyMaps.at(maps.relativeIntensity(), smoothGrid, l, b),
                        ColourScale.divergingAround(1.0, rlo, rhi, "counts / expected"), baseMarks(d), baseCircles(d),
                        null)::paint));
        return out;
    }

    Figure tevEvents(double eminEvents, List<GammaRaySource> sources, String catalogFile) {
        EventSample ev = t.events();
        List<double[]> high = new ArrayList<>();
        for (int i = 0; i < ev.size(); i++) {
            if (ev.energyGev(i) >= eminEvents) {
                high.add(new double[] {ev.lDeg(i), ev.bDeg(i), ev.energyGev(i)});
            }
        }
        List<SkyPainter.Mark> marks = new ArrayList<>();
        List<SkyPainter.Circle> circles = new ArrayList<>();
        Color green = new Color(0x1a, 0x9a, 0x3a);
        // Vela first, so that sources and events at its position are drawn over it
        marks.add(new SkyPainter.Mark(BurstPointSource.VELA_L_DEG, BurstPointSource.VELA_B_DEG, "Vela SNR",
                ChartKit.diamond(6), VELA, Color.BLACK));
        boolean names = sources.size() <= MAX_SOURCE_NAMES;
        for (GammaRaySource s : sources) {
            marks.add(new SkyPainter.Mark(s.lDeg(), s.bDeg(), names ? s.name() : null, ChartKit.circle(2.5), green,
                    null));
            circles.add(new SkyPainter.Circle(s.lDeg(), s.bDeg(), 2.0, green, 1.0f));
        }
        int near = 0;
        for (double[] h : high) {
            boolean close = false;
            double[] u = GalacticFrame.unitVector(h[0], h[1]);
            for (GammaRaySource s : sources) {
                double[] v = GalacticFrame.unitVector(s.lDeg(), s.bDeg());
                double cos = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
                close |= cos >= Math.cos(Math.toRadians(2.0));
            }
            near += close ? 1 : 0;
            marks.add(new SkyPainter.Mark(h[0], h[1], String.format(Locale.ROOT, "%.1f TeV", h[2] / 1000),
                    ChartKit.circle(4.5), close ? Color.RED : new Color(0x1f, 0x4e, 0x9a), Color.BLACK));
        }
        String catalogText = sources.isEmpty() && catalogFile == null
                ? "No gamma-ray catalogue given (--catalog FILE): the figure shows the events only."
                : String.format(Locale.ROOT, "Green: the %d sources of %s with 2 deg circles (named when at most "
                        + MAX_SOURCE_NAMES + "); %d of the %d events lie within "
                        + "2 deg of a source (drawn red), the others blue.", sources.size(), catalogFile, near, high.size());
        String title = String.format(Locale.ROOT, "%d events with E \u2265 %s GeV%s", high.size(),
                ChartFigures.fmt(eminEvents), sources.isEmpty() ? "" : " and gamma-ray sources");
        String caption = String.format(Locale.ROOT, "All %d events of the event file with E \u2265 %s GeV (every class: "
                + "the class selection is not applied here), labelled with their energy. ", high.size(), ChartFigures.fmt(eminEvents)) + catalogText + " Diamond: the Vela SNR.";
        String key = sources.isEmpty() ? "no source catalogue given" : "green: gamma-ray sources with 2\u00b0 circles; "
                + "red: events within 2\u00b0 of a source";
        List<String> q = withView("SELECT energy_gev, l_deg, b_deg, event_class FROM " + eventsTable()
                + " WHERE energy_gev >= " + ChartFigures.fmt(eminEvents) + " ORDER BY energy_gev DESC");
        return new Figure("tev_events", "Events above " + ChartFigures.fmt(eminEvents) + " GeV and gamma-ray sources",
                caption, q, WIDTH, HEIGHT, new SkyPainter(title, null, null, marks, circles, key)::paint);
    }

    /** A five-pointed star of outer radius r centred on the origin. */
    static java.awt.Shape star(double r) {
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        for (int k = 0; k < 10; k++) {
            double a = -Math.PI / 2 + k * Math.PI / 5;
            double rr = k % 2 == 0 ? r : r * 0.45;
            if (k == 0) {
                p.moveTo(rr * Math.cos(a), rr * Math.sin(a));
            } else {
                p.lineTo(rr * Math.cos(a), rr * Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }
}
