package org.cranisotropy.validation;

import java.util.Arrays;

/**
 * The isotropic Monte Carlo samples of a run as the reference of its p-values (method.md section 6):
 * per selection r of the scan (thresholds and bins) the N samples' measured dipole amplitudes. A sample
 * with no event in a selection (possible at high thresholds when energies fluctuate) has no dipole and
 * is stored as NaN.
 *
 * <p><b>Local p-value</b> of a measured delta d at selection r: {@code (1 + #{samples with events
 * there and delta >= d}) / (N_r + 1)}, N_r the samples with events there (the comparison is
 * conditional on the selection holding events, as the data's does). <b>Ties</b>: delta values within a
 * relative {@value #TIE} of each other are equal (at one-event selections every sky has delta = 3 up
 * to rounding; all of them tie).
 *
 * <p><b>Trial-corrected p-value</b> of a whole scan (standard and grid thresholds and bins): each sky's
 * statistic is its largest normalised dipole power over the selections, {@code T = max_r d_r^2 /
 * <delta^2>_r} with {@code <delta^2>_r} the samples' mean square at r (selections where the sky has no
 * event do not enter); the p-value is {@code (1 + #{samples with T >= T_data}) / (N + 1)}. The data and
 * the samples are exchangeable under isotropy and every sky is scored by the same function, so the
 * p-value is valid whatever the distribution of delta at each selection. The smallest local p-value
 * (a sky's best rank) would be valid too but resolves nothing beyond about (the number of samples that
 * rank first somewhere) / (N + 1), ~0.01 for 213 selections and 5 000 samples: a 3 sigma excess could
 * never be reported. Immutable.
 */
public final class IsotropicReference implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Relative tolerance under which two amplitudes (or two statistics) tie. */
    public static final double TIE = 1e-9;

    private final int samples;
    /** Per selection, the samples' deltas with events, in decreasing order. */
    private final double[][] sortedDesc;
    /** Per selection, the samples' mean square delta (over those with events). */
    private final double[] meanSquare;
    /** The samples' scan statistics T, in decreasing order. */
    private final double[] statisticDesc;

    /** deltas[s][r]: sample s at selection r (NaN: no event). */
    public IsotropicReference(double[][] deltas) {
        this.samples = deltas.length;
        if (samples == 0) {
            throw new IllegalArgumentException("no isotropic samples");
        }
        int rows = deltas[0].length;
        this.sortedDesc = new double[rows][];
        this.meanSquare = new double[rows];
        for (int r = 0; r < rows; r++) {
            double[] v = new double[samples];
            int n = 0;
            double ss = 0;
            for (double[] sample : deltas) {
                if (!Double.isNaN(sample[r])) {
                    v[n++] = sample[r];
                    ss += sample[r] * sample[r];
                }
            }
            sortedDesc[r] = descending(java.util.Arrays.copyOf(v, n));
            meanSquare[r] = n == 0 ? Double.NaN : ss / n;
        }
        double[] t = new double[samples];
        for (int s = 0; s < samples; s++) {
            t[s] = statistic(deltas[s]);
        }
        this.statisticDesc = descending(t);
    }

    private static double[] descending(double[] v) {
        Arrays.sort(v);
        for (int i = 0, j = v.length - 1; i < j; i++, j--) {
            double x = v[i];
            v[i] = v[j];
            v[j] = x;
        }
        return v;
    }

    public int samples() {
        return samples;
    }

    public int selections() {
        return sortedDesc.length;
    }

    /** The number of values in desc (decreasing) that are &gt;= d within the tie tolerance. */
    static int atLeast(double[] desc, double d) {
        double bar = d - TIE * Math.abs(d);
        int lo = 0;
        int hi = desc.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (desc[mid] >= bar) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The local p-value of delta d at selection r (NaN when d is NaN). */
    public double localP(int r, double d) {
        if (Double.isNaN(d)) {
            return Double.NaN;
        }
        return (1.0 + atLeast(sortedDesc[r], d)) / (sortedDesc[r].length + 1.0);
    }

    /** The scan statistic T = max_r d_r^2 / <delta^2>_r of a sky (0 when it has no event anywhere). */
    public double statistic(double[] d) {
        if (d.length != sortedDesc.length) {
            throw new IllegalArgumentException("a sky needs " + sortedDesc.length + " selections, got " + d.length);
        }
        double t = 0;
        for (int r = 0; r < d.length; r++) {
            if (!Double.isNaN(d[r]) && meanSquare[r] > 0) {
                t = Math.max(t, d[r] * d[r] / meanSquare[r]);
            }
        }
        return t;
    }

    /** The trial-corrected p-value of a sky with deltas d[r] (NaN: no event) over all selections. */
    public double globalP(double[] d) {
        return (1.0 + atLeast(statisticDesc, statistic(d))) / (samples + 1.0);
    }
}
