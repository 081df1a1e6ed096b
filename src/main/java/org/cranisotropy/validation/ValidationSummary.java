package org.cranisotropy.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cranisotropy.montecarlo.Band;

/**
 * Reduces the injected skies of a validation run to one row per (selection, injected amplitude,
 * limit method): coverage of the limit (the fraction of skies whose limit is &gt;= the injected
 * amplitude, with its binomial standard error sqrt(c (1 - c) / n)), the limit's quantiles (at
 * amplitude 0: the expected limit and its 1 and 2 sigma band), the recovery of the amplitude (mean,
 * median and spread of the measured delta, and the Neyman belt point; 68 % and 95 % quantiles of the angle between
 * the measured and the injected direction), the power (fraction of skies with local or trial-corrected
 * p below 2.7e-3, i.e. 3 sigma) and the calibration of the p-values (Kolmogorov-Smirnov distance to
 * the uniform distribution, fractions below 0.05 and 0.01; the test of calibration is at amplitude 0).
 *
 * <p>The Neyman limit ({@link NeymanBelt}) is validated out of sample: its belt is made from the
 * even-numbered skies of every amplitude and its coverage measured on the odd-numbered ones. The
 * belt {@code cra limits} uses ({@code neyman_belt_delta}) is made from all skies. A belt point is a
 * lower tolerance bound of the 5 % quantile of the measured delta ({@link #lowerBound}), so that the belt
 * covers at &gt;= 95 % with 90 % confidence whatever the number of skies.
 */
public final class ValidationSummary {
    /** The 3 sigma p-value (two-sided Gaussian 0.0027) the power is quoted at. */
    public static final double THREE_SIGMA = 2.7e-3;
    /** The method name of the Neyman limit. */
    public static final String NEYMAN = "ul_delta_neyman";

    private ValidationSummary() {}

    /** A selection of the scan: kind standard, grid or bin; threshold (NaN for bins) or bin edges (NaN for thresholds). */
    public record Selection(String kind, double thresholdGev, double eminGev, double emaxGev) implements java.io.Serializable {
        boolean bin() {
            return kind.equals("bin");
        }
    }

    /** One row of {@code validation/}. */
    public record Row(Selection selection, double deltaTrue, String direction, String method, long skies,
            double coverage, double coverageErr, double[] ulQuantiles, double deltaMean, double deltaMedian,
            double deltaRms, double deltaQ05, double angle68Deg, double angle95Deg, double powerLocal,
            double powerGlobal, double ksLocal, double localBelow005, double localBelow001, double ksGlobal,
            double globalBelow005, double globalBelow001) {}

    /**
     * @param byAmplitude the skies of each amplitude of the ladder (ladder[0] = 0), in sky order
     */
    public static List<Row> summarise(List<Selection> selections, String direction, double[] ladder,
            List<List<SkyOutcome>> byAmplitude) {
        if (ladder.length != byAmplitude.size()) {
            throw new IllegalArgumentException("one list of skies per amplitude is needed");
        }
        List<Row> out = new ArrayList<>();
        boolean neyman = ladder.length >= 2 && ladder[0] == 0.0;
        for (int r = 0; r < selections.size(); r++) {
            Selection s = selections.get(r);
            NeymanBelt evenBelt = neyman ? belt(ladder, byAmplitude, r, 0, 2) : null;
            NeymanBelt allBelt = neyman ? belt(ladder, byAmplitude, r, 0, 1) : null;
            for (int j = 0; j < ladder.length; j++) {
                List<SkyOutcome> skies = byAmplitude.get(j);
                double a = ladder[j];
                double[] deltas = values(skies, r, o -> o.delta(), 0, 1);
                double[] angles = a == 0 ? new double[0] : values(skies, r, o -> o.angleDeg(), 0, 1);
                double[] local = values(skies, r, o -> o.localP(), 0, 1);
                double[] global = new double[skies.size()];
                for (int i = 0; i < global.length; i++) {
                    global[i] = skies.get(i).globalP();
                }
                Recovery rec = new Recovery(deltas, angles, local, global, allBelt);
                for (LimitMethod m : LimitMethod.values()) {
                    if (m.needsNoise() && !s.bin()) {
                        continue;
                    }
                    double[] ul = values(skies, r, o -> o.limits()[m.ordinal()], 0, 1);
                    out.add(row(s, a, direction, m.column(), ul, rec));
                }
                if (neyman) {
                    double[] odd = values(skies, r, o -> o.delta(), 1, 2);
                    double[] ul = new double[odd.length];
                    for (int i = 0; i < odd.length; i++) {
                        ul[i] = evenBelt.ul(odd[i]);
                    }
                    out.add(row(s, a, direction, NEYMAN, ul, rec));
                }
            }
        }
        return out;
    }

    /** The belt of selection r from skies first, first + step, ... of every amplitude. */
    static NeymanBelt belt(double[] ladder, List<List<SkyOutcome>> byAmplitude, int r, int first, int step) {
        double[] q = new double[ladder.length];
        for (int j = 0; j < ladder.length; j++) {
            double[] d = values(byAmplitude.get(j), r, o -> o.delta(), first, step);
            q[j] = lowerBound(d, 0.05);
        }
        return new NeymanBelt(ladder, q);
    }

    /** The confidence with which a belt point bounds the 5 % quantile from below (a tolerance bound). */
    public static final double BELT_CONFIDENCE = 0.9;

    /**
     * A lower tolerance bound of the alpha quantile: the k-th smallest of the n values, k the largest with
     * P(Binomial(n, alpha) &gt;= k) &gt;= {@link #BELT_CONFIDENCE}. The probability that a new value from
     * the same distribution falls below the k-th smallest is U_(k) ~ Beta(k, n + 1 - k), and U_(k) &lt;=
     * alpha exactly when at least k of the n values lie below the alpha quantile: so with probability
     * &gt;= 0.9 over the n skies a belt of these points covers at &gt;= 1 - alpha, at every ladder point
     * and for any n (not only as n grows). For n = 1000 and alpha = 0.05, k = 41 (the plain quantile
     * would be k = 50, which covers 95 % only on average over belts). -infinity when no k &gt;= 1 qualifies
     * (n &lt; 45: binom.sf(0, 44, 0.05) = 0.895).
     */
    static double lowerBound(double[] values, double alpha) {
        double[] d = values.clone();
        Arrays.sort(d);
        int n = d.length;
        if (n == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        org.apache.commons.statistics.distribution.BinomialDistribution b =
                org.apache.commons.statistics.distribution.BinomialDistribution.of(n, alpha);
        int k = 0;
        while (k + 1 <= n && b.survivalProbability(k) >= BELT_CONFIDENCE) { // P(X >= k + 1) = P(X > k)
            k++;
        }
        return k < 1 ? Double.NEGATIVE_INFINITY : d[k - 1];
    }

    /** The non-NaN values at selection r of skies first, first + step, ... */
    private static double[] values(List<SkyOutcome> skies, int r, java.util.function.Function<SkyOutcome, double[]> f,
            int first, int step) {
        double[] v = new double[skies.size()];
        int n = 0;
        for (int i = first; i < skies.size(); i += step) {
            double x = f.apply(skies.get(i))[r];
            if (!Double.isNaN(x)) {
                v[n++] = x;
            }
        }
        return Arrays.copyOf(v, n);
    }

    private static Row row(Selection s, double a, String direction, String method, double[] ul, Recovery rec) {
        long n = ul.length;
        long covered = 0;
        for (double u : ul) {
            if (u >= a) {
                covered++;
            }
        }
        double c = n == 0 ? Double.NaN : (double) covered / n;
        double err = n == 0 ? Double.NaN : Math.sqrt(c * (1 - c) / n);
        double[] sorted = ul.clone();
        Arrays.sort(sorted);
        double[] q = new double[Band.LEVELS.length];
        for (int k = 0; k < q.length; k++) {
            q[k] = n == 0 ? Double.NaN : Band.percentile(sorted, sorted.length, Band.LEVELS[k]);
        }
        return new Row(s, a, direction, method, n, c, err, q, rec.mean, rec.median, rec.rms, rec.q05, rec.angle68,
                rec.angle95, rec.powerLocal, rec.powerGlobal, rec.ksLocal, rec.local005, rec.local001, rec.ksGlobal,
                rec.global005, rec.global001);
    }

    /** The per-(selection, amplitude) figures shared by every method's row. */
    private static final class Recovery {
        final double mean;
        final double median;
        final double rms;
        final double q05;
        final double angle68;
        final double angle95;
        final double powerLocal;
        final double powerGlobal;
        final double ksLocal;
        final double local005;
        final double local001;
        final double ksGlobal;
        final double global005;
        final double global001;

        Recovery(double[] deltas, double[] angles, double[] local, double[] global, NeymanBelt belt) {
            double[] d = deltas.clone();
            Arrays.sort(d);
            int n = d.length;
            double sum = 0;
            for (double x : d) {
                sum += x;
            }
            mean = n == 0 ? Double.NaN : sum / n;
            double ss = 0;
            for (double x : d) {
                ss += (x - mean) * (x - mean);
            }
            rms = n == 0 ? Double.NaN : Math.sqrt(ss / n);
            median = n == 0 ? Double.NaN : Band.percentile(d, n, 0.5);
            q05 = lowerBound(d, 0.05);
            double[] ang = angles.clone();
            Arrays.sort(ang);
            angle68 = ang.length == 0 ? Double.NaN : Band.percentile(ang, ang.length, 0.6827);
            angle95 = ang.length == 0 ? Double.NaN : Band.percentile(ang, ang.length, 0.9545);
            powerLocal = fractionBelow(local, THREE_SIGMA);
            powerGlobal = fractionBelow(global, THREE_SIGMA);
            ksLocal = ksUniform(local);
            local005 = fractionBelow(local, 0.05);
            local001 = fractionBelow(local, 0.01);
            ksGlobal = ksUniform(global);
            global005 = fractionBelow(global, 0.05);
            global001 = fractionBelow(global, 0.01);
        }
    }

    /** The fraction of values &lt;= level (a p-value at the level rejects). */
    static double fractionBelow(double[] p, double level) {
        if (p.length == 0) {
            return Double.NaN;
        }
        long k = 0;
        for (double x : p) {
            if (x <= level) {
                k++;
            }
        }
        return (double) k / p.length;
    }

    /** The Kolmogorov-Smirnov distance sup |F_n(x) - x| of the values to the uniform distribution on [0, 1]. */
    static double ksUniform(double[] p) {
        if (p.length == 0) {
            return Double.NaN;
        }
        double[] s = p.clone();
        Arrays.sort(s);
        int n = s.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            d = Math.max(d, Math.max((i + 1.0) / n - s[i], s[i] - (double) i / n));
        }
        return d;
    }
}
