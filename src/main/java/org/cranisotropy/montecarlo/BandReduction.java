package org.cranisotropy.montecarlo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cranisotropy.io.Tables;

/**
 * The isotropic bands of a Monte Carlo: the values of every {@link #QUANTITIES band quantity} gathered per
 * selection from the samples' rows, merged across tasks, and reduced to {@link Band}s (mean and exact
 * percentiles). Spark-free: the Spark job only distributes {@link Gathering}s and merges {@link Values} by
 * key; the result does not depend on how the values were split, since they are sorted before anything is
 * summed.
 */
public final class BandReduction {
    private BandReduction() {}

    /**
     * The quantities of the bands: delta, C1, C2, C3, and C2/C0 and C3/C0 (the quadrupole and octupole relative
     * to the monopole, which do not fall with the event count as the C_l of the weight map do).
     */
    public static final String[] QUANTITIES = {"delta", "c1", "c2", "c3", "c2_c0", "c3_c0"};

    /**
     * The columns the bands need from the samples' rows, in this order: the selection (threshold_gev, emin_gev,
     * emax_gev, corrected as 1/0; NaN where a column does not apply), delta, C1, C2, C3, C0 and n_events.
     */
    public static final String[] COLUMNS = {Tables.THRESHOLD_GEV, Tables.EMIN_GEV, Tables.EMAX_GEV, Tables.CORRECTED, "delta", "c1", "c2",
        "c3", "c0", Tables.N_EVENTS};

    /** The selection a band belongs to (threshold or bin, with or without exposure correction; null: n/a). */
    public record Key(String kind, Double thresholdGev, Double eminGev, Double emaxGev, boolean corrected)
            implements java.io.Serializable {}

    /** One band row: the selection, the number of samples with events there, a band per quantity. */
    public record Row(Key key, long nSamples, List<Band> bands) implements java.io.Serializable {
        public Row {
            bands = List.copyOf(bands);
        }

        /** The values in the order of the bands table: kind, threshold, emin, emax, corrected, n_samples, then
         *  per quantity its mean and percentiles. */
        public Object[] tableValues() {
            List<Object> out = new ArrayList<>(List.of(key.kind()));
            out.add(key.thresholdGev());
            out.add(key.eminGev());
            out.add(key.emaxGev());
            out.add(key.corrected());
            out.add(nSamples);
            for (Band b : bands) {
                out.add(b.mean());
                for (double p : b.percentiles()) {
                    out.add(p);
                }
            }
            return out.toArray();
        }
    }

    /** The order of the bands table: by kind, corrected first, then threshold and lower bin edge. */
    public static final Comparator<Row> ORDER = Comparator.<Row, String>comparing(r -> r.key().kind())
            .thenComparing(r -> !r.key().corrected())
            .thenComparing(r -> r.key().thresholdGev() == null ? Double.NEGATIVE_INFINITY : r.key().thresholdGev())
            .thenComparing(r -> r.key().eminGev() == null ? Double.NEGATIVE_INFINITY : r.key().eminGev());

    /** The values of the quantities over the samples of one selection, as they are gathered. */
    public static final class Values implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private double[][] values = new double[QUANTITIES.length][16];
        private int n;

        /** Adds row {@code row} of columns in the {@link #COLUMNS} order. */
        public Values add(double[][] columns, int row) {
            if (n == values[0].length) {
                grow(2 * n);
            }
            for (int q = 0; q < 4; q++) {
                values[q][n] = columns[4 + q][row];
            }
            double c0 = columns[8][row];
            values[4][n] = columns[6][row] / c0;
            values[5][n] = columns[7][row] / c0;
            n++;
            return this;
        }

        /** This one with the other's values appended (the other is left as it was). */
        public Values merge(Values o) {
            if (n + o.n > values[0].length) {
                // geometric: a reduce merges one task's values at a time, and growing to the exact size each
                // time copied the whole accumulated array per merge (quadratic in the number of tasks)
                grow(Math.max(n + o.n, 2 * values[0].length));
            }
            for (int q = 0; q < values.length; q++) {
                System.arraycopy(o.values[q], 0, values[q], n, o.n);
            }
            n += o.n;
            return this;
        }

        private void grow(int size) {
            for (int q = 0; q < values.length; q++) {
                values[q] = Arrays.copyOf(values[q], size);
            }
        }

        /** The band row of these values (each quantity's values are sorted in place). */
        public Row band(Key k) {
            List<Band> bands = new ArrayList<>(values.length);
            for (double[] v : values) {
                bands.add(Band.ofSorting(v, n));
            }
            return new Row(k, n, bands);
        }
    }

    /**
     * The values of one task per selection, from column blocks in the {@link #COLUMNS} order. Samples whose
     * selection is empty (n_events 0, possible when energies or counts fluctuate) have no dipole and are left
     * out. Every block of a kind lists the same selections in the same row order, so the selection of row i is
     * looked up once per kind and then only checked.
     */
    public static final class Gathering {
        private final Map<Key, Values> values = new HashMap<>();
        private final Map<String, RowSelections> byKind = new HashMap<>();

        public void add(String kind, double[][] columns) {
            RowSelections selections = byKind.computeIfAbsent(kind, RowSelections::new);
            for (int i = 0; i < columns[0].length; i++) {
                if (columns[COLUMNS.length - 1][i] <= 0) {
                    continue;
                }
                values.computeIfAbsent(selections.key(columns, i), x -> new Values()).add(columns, i);
            }
        }

        /** The values gathered, by selection. */
        public Map<Key, Values> values() {
            return values;
        }
    }

    /** The band rows of gathered values, without Spark: every gathering merged, in {@link #ORDER}. */
    public static List<Row> reduce(List<Gathering> gatherings) {
        Map<Key, Values> merged = new HashMap<>();
        for (Gathering g : gatherings) {
            g.values().forEach((k, v) -> merged.merge(k, new Values().merge(v), Values::merge));
        }
        List<Row> rows = new ArrayList<>();
        merged.forEach((k, v) -> rows.add(v.band(k)));
        rows.sort(ORDER);
        return rows;
    }

    /** The selection of each row index of one kind's blocks, made once and then only checked. */
    private static final class RowSelections {
        private final String kind;
        private double[][] raw = new double[4][0];
        private Key[] keys = new Key[0];

        RowSelections(String kind) {
            this.kind = kind;
        }

        Key key(double[][] c, int i) {
            if (i >= keys.length) {
                int size = Math.max(i + 1, 2 * keys.length);
                keys = Arrays.copyOf(keys, size);
                for (int q = 0; q < 4; q++) {
                    raw[q] = Arrays.copyOf(raw[q], size);
                }
            }
            Key k = keys[i];
            if (k == null || !same(raw[0][i], c[0][i]) || !same(raw[1][i], c[1][i]) || !same(raw[2][i], c[2][i])
                    || raw[3][i] != c[3][i]) {
                k = new Key(kind, nullable(c[0][i]), nullable(c[1][i]), nullable(c[2][i]), c[3][i] != 0.0);
                keys[i] = k;
                for (int q = 0; q < 4; q++) {
                    raw[q][i] = c[q][i];
                }
            }
            return k;
        }

        private static boolean same(double a, double b) {
            return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
        }

        private static Double nullable(double v) {
            return Double.isNaN(v) ? null : v;
        }
    }
}
