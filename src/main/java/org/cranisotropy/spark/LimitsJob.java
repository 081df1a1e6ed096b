package org.cranisotropy.spark;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cranisotropy.association.AngularDistance;
import org.cranisotropy.io.ParquetTable;
import org.cranisotropy.io.ParquetTableReader;
import org.cranisotropy.io.ParquetTableWriter;
import org.cranisotropy.io.ParquetTableWriter.Kind;
import org.cranisotropy.limits.Fermi2010UpperLimit;
import org.cranisotropy.validation.IsotropicReference;
import org.cranisotropy.validation.LimitMethod;
import org.cranisotropy.validation.NeymanBelt;
import org.cranisotropy.validation.ValidationSummary;
import org.cranisotropy.io.Tables;

/**
 * The driver step (method.md sections 6 and 7): joins the measured values (exposure corrected) with
 * the isotropic bands and samples and, per threshold and bin: the local p-value of the measured delta
 * among the samples and the trial-corrected p-value of the whole scan ({@link IsotropicReference});
 * the limits of every {@link LimitMethod} (the C_N-based ones for bins), capped at the physical bound
 * 3; the direction test against Vela (the angle between the measured dipole and Vela, and the fraction
 * of isotropic samples whose dipole points at least as close); and, when {@code cra validate} has
 * written {@code validation/}, the Neyman limits of its belts (random directions and Vela), the
 * direction's confidence radius and the expected Neyman limit. The expected limit of the row's main
 * limit ({@code ul_main}: the Neyman limit when a validation exists, else the Fermi-LAT 2010 one,
 * whose expected band is 2.92 x the isotropic band of delta) goes beside it. Writes limits/.
 */
public final class LimitsJob {
    private LimitsJob() {}

    /** Vela SNR, galactic (deg). */
    public static final double VELA_L = 263.9;
    public static final double VELA_B = -3.3;

    /** One row of the limits table, also printed by the command line. */
    public record LimitRow(String kind, double thresholdGev, double eminGev, double emaxGev, long nEvents,
            double delta, double dipoleLDeg, double dipoleBDeg, double[] band, double pValue, double ulDeltaFermi2010,
            double c1Rel, double cn, double ulDeltaLr, double ulDeltaNeyman, double ulDeltaNeymanVela, String ulMain, double[] ulExpected, double angleVelaDeg,
            double pDirectionVela, double directionR68Deg, double directionR95Deg, double pValueGlobal) {
        public double bandP(int k) {
            return band[k];
        }
    }

    public static List<LimitRow> run(SparkSession spark, Path results, Map<String, String> metadata) {
        Dataset<Row> thresholds = spark.read().parquet(results.resolve(Tables.MEASURED_THRESHOLDS).toString())
                .filter(col(Tables.CORRECTED).and(col(Tables.KIND).isin("standard", "grid")))
                .orderBy(col(Tables.KIND).desc(), col(Tables.THRESHOLD_GEV));
        Dataset<Row> bins = spark.read().parquet(results.resolve(Tables.MEASURED_BINS).toString()).filter(col(Tables.CORRECTED))
                .orderBy(col(Tables.EMIN_GEV));
        List<Row> measured = new ArrayList<>(thresholds.collectAsList());
        int nThresholds = measured.size();
        measured.addAll(bins.collectAsList());
        List<ValidationSummary.Selection> selections = new ArrayList<>();
        for (int r = 0; r < measured.size(); r++) {
            Row m = measured.get(r);
            boolean bin = r >= nThresholds;
            ValidationSummary.Selection s = bin
                    ? new ValidationSummary.Selection("bin", Double.NaN, m.getDouble(m.fieldIndex(Tables.EMIN_GEV)),
                            m.getDouble(m.fieldIndex(Tables.EMAX_GEV)))
                    : new ValidationSummary.Selection(m.getString(m.fieldIndex(Tables.KIND)),
                            m.getDouble(m.fieldIndex(Tables.THRESHOLD_GEV)), Double.NaN, Double.NaN);
            selections.add(s);
        }
        Map<String, Row> bands = new HashMap<>();
        for (Row b : spark.read().parquet(results.resolve(Tables.BANDS).toString()).filter(col(Tables.CORRECTED)).collectAsList()) {
            String kind = b.getString(b.fieldIndex(Tables.KIND));
            double at = kind.equals("bin") ? b.getDouble(b.fieldIndex(Tables.EMIN_GEV)) : b.getDouble(b.fieldIndex(Tables.THRESHOLD_GEV));
            bands.put(kind + ":" + at, b);
        }

        // the samples' deltas and directions per selection, for the p-values and the direction test
        int rows = selections.size();
        double[][][] sampled = SimulateJob.sampleColumns(results.resolve(Tables.SAMPLES), selections, "delta",
                "dipole_l_deg", "dipole_b_deg");
        double[][] deltas = sampled[0];
        IsotropicReference reference = new IsotropicReference(deltas);
        double[] data = new double[rows];
        for (int r = 0; r < rows; r++) {
            data[r] = measured.get(r).getDouble(measured.get(r).fieldIndex("delta"));
        }
        double globalP = reference.globalP(data);
        Validation validation = Validation.read(results.resolve(Tables.VALIDATION));

        double fermiFactor = Math.sqrt(3) / Fermi2010UpperLimit.at95().uStar();
        List<LimitRow> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            Row m = measured.get(r);
            ValidationSummary.Selection s = selections.get(r);
            boolean bin = r >= nThresholds;
            Row b = bands.get(SimulateJob.key(s));
            double[] band = new double[5];
            String[] levels = {"p02275", "p15865", "p50", "p84135", "p97725"};
            for (int k = 0; k < 5; k++) {
                band[k] = b == null ? Double.NaN : b.getDouble(b.fieldIndex("delta_" + levels[k]));
            }
            double d = data[r];
            double c1rel = 4 * Math.PI * m.getDouble(m.fieldIndex("c1")) / m.getDouble(m.fieldIndex("c0"));
            double cn = m.getDouble(m.fieldIndex("cn"));
            double l = m.getDouble(m.fieldIndex("dipole_l_deg"));
            double bdeg = m.getDouble(m.fieldIndex("dipole_b_deg"));
            double angle = AngularDistance.degrees(l, bdeg, VELA_L, VELA_B);
            long closer = 0;
            long withEvents = 0;
            for (int k = 0; k < deltas.length; k++) {
                if (!Double.isNaN(deltas[k][r])) {
                    withEvents++;
                    if (AngularDistance.degrees(sampled[1][k][r], sampled[2][k][r], VELA_L, VELA_B) <= angle) {
                        closer++;
                    }
                }
            }
            double pDirection = (1.0 + closer) / (withEvents + 1.0);
            double neyman = validation == null ? Double.NaN : validation.neyman(SimulateJob.key(s), "random", d);
            double neymanVela = validation == null ? Double.NaN : validation.neyman(SimulateJob.key(s), "vela", d);
            String main = Double.isNaN(neyman) ? LimitMethod.FERMI2010.column() : ValidationSummary.NEYMAN;
            double[] expected = new double[5];
            for (int k = 0; k < 5; k++) {
                expected[k] = Double.isNaN(neyman) ? Math.min(fermiFactor * band[k], LimitMethod.PHYSICAL_BOUND)
                        : validation.expected(SimulateJob.key(s), k);
            }
            double[] radius = validation == null ? new double[] {Double.NaN, Double.NaN} : validation.radius(SimulateJob.key(s), d);
            out.add(new LimitRow(s.kind(), s.thresholdGev(), s.eminGev(), s.emaxGev(),
                    m.getLong(m.fieldIndex(Tables.N_EVENTS)), d, l, bdeg, band, reference.localP(r, d),
                    LimitMethod.FERMI2010.ul(d, c1rel, cn),
                    bin ? c1rel : Double.NaN, bin ? cn : Double.NaN,
                    bin ? LimitMethod.LR.ul(d, c1rel, cn) : Double.NaN,
                    neyman, neymanVela, main, expected, angle, pDirection, radius[0], radius[1], globalP));
        }
        write(out, results.resolve(Tables.LIMITS), metadata);
        return out;
    }

    /** The belts, expected limits and direction radii of a validation run (validation/). */
    private record Validation(Map<String, List<double[]>> byKey) {
        // per "direction|selection key": rows {delta_true, delta_q05, ul_p02275..ul_p97725 of the Neyman
        // method, angle68, angle95}, ordered by delta_true

        static Validation read(Path dir) {
            if (!Files.isDirectory(dir)) {
                return null;
            }
            ParquetTable t = ParquetTableReader.read(dir, java.util.Set.of(Tables.KIND, "direction", "method"));
            String[] kind = t.text(Tables.KIND);
            String[] direction = t.text("direction");
            String[] method = t.text("method");
            double[] th = t.numeric(Tables.THRESHOLD_GEV);
            double[] emin = t.numeric(Tables.EMIN_GEV);
            double[] a = t.numeric("delta_true");
            double[] q05 = t.numeric("neyman_belt_delta");
            double[][] ul = {t.numeric("ul_p02275"), t.numeric("ul_p15865"), t.numeric("ul_p50"),
                t.numeric("ul_p84135"), t.numeric("ul_p97725")};
            double[] a68 = t.numeric("angle68_deg");
            double[] a95 = t.numeric("angle95_deg");
            Map<String, List<double[]>> m = new HashMap<>();
            for (int i = 0; i < t.rows(); i++) {
                if (!method[i].equals(ValidationSummary.NEYMAN)) {
                    continue;
                }
                String k = direction[i] + "|" + kind[i] + ":" + (kind[i].equals("bin") ? emin[i] : th[i]);
                m.computeIfAbsent(k, x -> new ArrayList<>()).add(new double[] {a[i], q05[i], ul[0][i], ul[1][i],
                    ul[2][i], ul[3][i], ul[4][i], a68[i], a95[i]});
            }
            m.values().forEach(list -> list.sort(java.util.Comparator.comparingDouble(v -> v[0])));
            return new Validation(m);
        }

        double neyman(String key, String direction, double d) {
            List<double[]> list = byKey.get(direction + "|" + key);
            if (list == null || list.size() < 2 || list.get(0)[0] != 0.0) {
                return Double.NaN;
            }
            double[] amplitudes = list.stream().mapToDouble(v -> v[0]).toArray();
            double[] q = list.stream().mapToDouble(v -> v[1]).toArray();
            return new NeymanBelt(amplitudes, q).ul(d);
        }

        /** Quantile k of the Neyman limit of isotropic skies (random directions). */
        double expected(String key, int k) {
            List<double[]> list = byKey.get("random|" + key);
            return list == null ? Double.NaN : list.get(0)[2 + k];
        }

        /** The 68 % and 95 % direction radius at the ladder amplitude nearest d (random directions, log scale). */
        double[] radius(String key, double d) {
            List<double[]> list = byKey.get("random|" + key);
            if (list == null || list.size() < 2 || !(d > 0)) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double[] best = null;
            for (double[] v : list) {
                if (v[0] > 0 && (best == null || Math.abs(Math.log(v[0] / d)) < Math.abs(Math.log(best[0] / d)))) {
                    best = v;
                }
            }
            return new double[] {best[7], best[8]};
        }
    }

    private static void write(List<LimitRow> rows, Path dir, Map<String, String> metadata) {
        ParquetTableWriter w = new ParquetTableWriter()
                .column(Tables.KIND, Kind.STRING).column(Tables.THRESHOLD_GEV, Kind.DOUBLE).column(Tables.EMIN_GEV, Kind.DOUBLE)
                .column(Tables.EMAX_GEV, Kind.DOUBLE).column(Tables.N_EVENTS, Kind.LONG).column("delta", Kind.DOUBLE)
                .column("dipole_l_deg", Kind.DOUBLE).column("dipole_b_deg", Kind.DOUBLE)
                .column("band_p02275", Kind.DOUBLE).column("band_p15865", Kind.DOUBLE).column("band_p50", Kind.DOUBLE)
                .column("band_p84135", Kind.DOUBLE).column("band_p97725", Kind.DOUBLE).column("p_value", Kind.DOUBLE)
                .column("ul_delta_fermi2010", Kind.DOUBLE).column("c1_rel", Kind.DOUBLE).column("cn", Kind.DOUBLE)
                .column("ul_delta_lr", Kind.DOUBLE).column("ul_delta_neyman", Kind.DOUBLE)
                .column("ul_delta_neyman_vela", Kind.DOUBLE).column("ul_main", Kind.STRING)
                .column("ul_expected_p02275", Kind.DOUBLE).column("ul_expected_p15865", Kind.DOUBLE)
                .column("ul_expected_p50", Kind.DOUBLE).column("ul_expected_p84135", Kind.DOUBLE)
                .column("ul_expected_p97725", Kind.DOUBLE).column("angle_vela_deg", Kind.DOUBLE)
                .column("p_direction_vela", Kind.DOUBLE).column("direction_r68_deg", Kind.DOUBLE)
                .column("direction_r95_deg", Kind.DOUBLE).column("p_value_global", Kind.DOUBLE);
        for (LimitRow r : rows) {
            double[] b = r.band();
            double[] e = r.ulExpected();
            w.row(r.kind(), r.thresholdGev(), r.eminGev(), r.emaxGev(), r.nEvents(), r.delta(), r.dipoleLDeg(),
                    r.dipoleBDeg(), b[0], b[1], b[2], b[3], b[4], r.pValue(), r.ulDeltaFermi2010(), r.c1Rel(), r.cn(),
                    r.ulDeltaLr(), r.ulDeltaNeyman(),
                    r.ulDeltaNeymanVela(), r.ulMain(), e[0], e[1], e[2], e[3], e[4], r.angleVelaDeg(),
                    r.pDirectionVela(), r.directionR68Deg(), r.directionR95Deg(), r.pValueGlobal());
        }
        w.write(dir, metadata);
    }
}
