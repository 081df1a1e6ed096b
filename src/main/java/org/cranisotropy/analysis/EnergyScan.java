package org.cranisotropy.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Threshold scans and independent energy bins over a {@link PreparedSample} (method.md section 4),
 * by accumulating a_lm event by event from the highest energy down ({@link LowMultipoles}): the map of
 * a threshold never has to be rebuilt. Each selection is measured twice: with the exposure
 * correction of ICRC 2019 eq. 3.1 (weights Abar / A_i) and without (weights 1).
 */
public final class EnergyScan {
    private final LowMultipoles ylm;
    private final PreparedSample sample;
    /** Prefix sums over the events (high to low energy) of h(E_i) and g(E_i) of {@link ExpectedWhiteNoise}. */
    private double[] noiseH;
    private double[] noiseG;

    public EnergyScan(LowMultipoles ylm, PreparedSample sample) {
        if (ylm.nside() != sample.exposure().nside()) {
            throw new IllegalArgumentException("Y_lm table Nside " + ylm.nside() + " differs from the exposure's "
                    + sample.exposure().nside());
        }
        this.ylm = ylm;
        this.sample = sample;
    }

    /** The five thresholds of ICRC 2019: log-equidistant from 125 GeV to 2 TeV. */
    public static double[] standardThresholds() {
        return logGrid(125.0, 2000.0, 5);
    }

    /** n values log-equidistant from lo to hi inclusive. */
    public static double[] logGrid(double lo, double hi, int n) {
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = n == 1 ? lo : lo * Math.pow(hi / lo, (double) k / (n - 1));
        }
        t[n - 1] = hi;
        return t;
    }

    /**
     * Rows for the given thresholds (any order). White noise is computed for each row when withNoise
     * (O(N_pix) per row); otherwise cn is NaN. A threshold above every selected event is an error.
     */
    public List<ThresholdRow> thresholds(String kind, double[] thresholdsGev, boolean withNoise) {
        double[] t = thresholdsGev.clone();
        java.util.Arrays.sort(t);
        List<ThresholdRow> rows = new ArrayList<>();
        Accumulator acc = new Accumulator();
        int i = 0;
        for (int k = t.length - 1; k >= 0; k--) {
            while (i < sample.size() && sample.energyGev(i) >= t[k]) {
                acc.add(i++);
            }
            if (i == 0) {
                throw new IllegalArgumentException("threshold " + t[k] + " GeV is above every selected event (highest "
                        + sample.energyGev(0) + " GeV): empty selection");
            }
            for (boolean corrected : new boolean[] {true, false}) {
                double cn = withNoise ? noise(0, i, corrected) : Double.NaN;
                rows.add(new ThresholdRow(kind, t[k], corrected, acc.measure(corrected, cn)));
            }
        }
        return rows;
    }

    /**
     * One row per distinct event energy (JPS 2025: every event's energy is a threshold), from high to
     * low, with and without correction, each with its white-noise level.
     */
    public List<ThresholdRow> everyEvent() {
        List<ThresholdRow> rows = new ArrayList<>(2 * sample.size());
        everyEvent(rows::add);
        return rows;
    }

    /**
     * The rows of {@link #everyEvent()} handed to {@code out} as they are made, so that a data set of 10^7
     * events is scanned in constant memory (the rows go straight to the table).
     */
    public void everyEvent(java.util.function.Consumer<ThresholdRow> out) {
        Accumulator acc = new Accumulator();
        for (int i = 0; i < sample.size(); i++) {
            acc.add(i);
            if (i + 1 < sample.size() && sample.energyGev(i + 1) == sample.energyGev(i)) {
                continue;
            }
            out.accept(new ThresholdRow("every_event", sample.energyGev(i), true, acc.measure(true, noise(0, i + 1, true))));
            out.accept(new ThresholdRow("every_event", sample.energyGev(i), false,
                    acc.measure(false, noise(0, i + 1, false))));
        }
    }

    /** Independent bins [edges[k], edges[k+1]); an empty bin is an error. */
    public List<BinRow> bins(double[] edgesGev) {
        List<BinRow> rows = new ArrayList<>();
        for (int k = 0; k + 1 < edgesGev.length; k++) {
            double lo = edgesGev[k];
            double hi = edgesGev[k + 1];
            int from = 0;
            while (from < sample.size() && sample.energyGev(from) >= hi) {
                from++;
            }
            int to = from;
            Accumulator acc = new Accumulator();
            while (to < sample.size() && sample.energyGev(to) >= lo) {
                acc.add(to++);
            }
            if (to == from) {
                throw new IllegalArgumentException("energy bin [" + lo + ", " + hi + ") GeV holds no selected event");
            }
            for (boolean corrected : new boolean[] {true, false}) {
                rows.add(new BinRow(lo, hi, corrected,
                        acc.measure(corrected, noise(from, to, corrected))));
            }
        }
        return rows;
    }

    /**
     * The white-noise level of events [from, to): {@link ExpectedWhiteNoise} with correction, 4 pi / n
     * without. The per-event terms are made once, on first use.
     */
    public double noise(int from, int to, boolean corrected) {
        if (!corrected) {
            return ExpectedWhiteNoise.uncorrected(to - from);
        }
        if (noiseH == null) {
            ExpectedWhiteNoise terms = new ExpectedWhiteNoise(sample.selectionExposure());
            double[] h = new double[sample.size() + 1];
            double[] g = new double[sample.size() + 1];
            for (int i = 0; i < sample.size(); i++) {
                double[] t = terms.terms(sample.energyGev(i));
                h[i + 1] = h[i] + t[0];
                g[i + 1] = g[i] + t[1];
            }
            noiseH = h;
            noiseG = g;
        }
        return ExpectedWhiteNoise.level(noiseH[to] - noiseH[from], noiseG[to] - noiseG[from]);
    }

    /** Running a_lm with and without correction, and the running sum of mean exposures. */
    private final class Accumulator {
        private final double[] corrected = new double[LowMultipoles.STRIDE];
        private final double[] raw = new double[LowMultipoles.STRIDE];
        private double meanExposureSum;
        private long n;

        void add(int i) {
            ylm.addWeightedAndRaw(corrected, raw, sample.pixel(i), 1.0 / sample.exposureAtEvent(i));
            meanExposureSum += sample.meanExposure(i);
            n++;
        }

        MultipoleMeasurement measure(boolean withCorrection, double cn) {
            if (!withCorrection) {
                return MultipoleMeasurement.of(n, LowMultipoles.toAlm(raw), cn);
            }
            // eq. 3.1 normalisation Abar_S = (1/N) sum_i Abar_i, applied to the accumulated 1/A_i
            double abar = meanExposureSum / n;
            double[] scaled = new double[corrected.length];
            for (int k = 0; k < scaled.length; k++) {
                scaled[k] = abar * corrected[k];
            }
            return MultipoleMeasurement.of(n, LowMultipoles.toAlm(scaled), cn);
        }
    }
}
