package org.cranisotropy.montecarlo;

import java.util.ArrayList;
import java.util.List;
import org.cranisotropy.analysis.LowMultipoles;
import org.cranisotropy.analysis.MultipoleMeasurement;

/**
 * Turns the running sums of a sample ({@link IsotropicSampler#run}) into measurements per threshold
 * and per bin, with the eq. 3.1 normalisation Abar of each selection (mean of the events' sky-mean
 * exposures), exactly as the data step does. Bins are differences of the running sums at their two
 * edges (a_lm is linear).
 */
public final class SampleMeasurements {
    /** One measured selection of one sample; bins have kind {@link ScanPlan#BIN} and threshold = emin. */
    public record Row(String kind, double thresholdGev, double eminGev, double emaxGev, boolean corrected,
            MultipoleMeasurement m) {}

    private final ScanPlan plan;

    public SampleMeasurements(ScanPlan plan) {
        this.plan = plan;
    }

    public List<Row> rows(SampleScan scan) {
        double[][] accumulators = scan.accumulators();
        List<Row> rows = new ArrayList<>(2 * (plan.thresholds().size() + plan.bins().size()));
        for (ScanPlan.Threshold t : plan.thresholds()) {
            int j = t.snapshot();
            for (boolean corrected : new boolean[] {true, false}) {
                double[] acc = accumulators[2 * j + (corrected ? 0 : 1)];
                rows.add(new Row(t.kind(), t.gev(), t.gev(), Double.POSITIVE_INFINITY, corrected,
                        measure(scan, acc, null, -1, j, corrected)));
            }
        }
        for (ScanPlan.Bin b : plan.bins()) {
            int jFrom = b.fromSnapshot();
            int jTo = b.toSnapshot();
            for (boolean corrected : new boolean[] {true, false}) {
                int off = corrected ? 0 : 1;
                rows.add(new Row(ScanPlan.BIN, b.eminGev(), b.eminGev(), b.emaxGev(), corrected,
                        measure(scan, accumulators[2 * jTo + off], accumulators[2 * jFrom + off], jFrom, jTo,
                                corrected)));
            }
        }
        return rows;
    }

    /**
     * The measurement of the events between snapshots from (exclusive; -1: the start) and to. An empty
     * selection (possible when counts fluctuate) has n_events 0 and NaN multipoles.
     */
    private static MultipoleMeasurement measure(SampleScan scan, double[] upTo, double[] minus, int from, int to,
            boolean corrected) {
        long n = scan.counts()[to] - (from < 0 ? 0 : scan.counts()[from]);
        if (n == 0) {
            return new MultipoleMeasurement(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        double sum = scan.meanExposureSums()[to] - (from < 0 ? 0.0 : scan.meanExposureSums()[from]);
        double scale = corrected ? sum / n : 1.0;
        double[] acc = new double[upTo.length];
        for (int k = 0; k < acc.length; k++) {
            acc[k] = scale * (minus == null ? upTo[k] : upTo[k] - minus[k]);
        }
        return MultipoleMeasurement.of(n, LowMultipoles.toAlm(acc), Double.NaN);
    }
}
