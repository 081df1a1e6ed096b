package org.cranisotropy.montecarlo;

import java.util.ArrayList;
import java.util.List;
import org.cranisotropy.analysis.LowMultipoles;
import org.cranisotropy.analysis.MultipoleMeasurement;
import org.cranisotropy.analysis.PreparedSample;

/**
 * Turns the running a_lm of a sample ({@link IsotropicSampler#run}) into measurements per threshold
 * and per bin, with the eq. 3.1 normalisation Abar of each selection, exactly as the data step
 * does. Bins are differences of the running a_lm at their two edges (a_lm is linear).
 */
public final class SampleMeasurements {
    /** One measured selection of one sample; bins have kind "bin" and threshold = emin. */
    public record Row(String kind, double thresholdGev, double eminGev, double emaxGev, boolean corrected,
            MultipoleMeasurement m) {}

    private final ScanPlan plan;
    private final double[] cumulativeMeanExposure; // [i] = sum of Abar_j for j < i

    public SampleMeasurements(PreparedSample data, ScanPlan plan) {
        this.plan = plan;
        this.cumulativeMeanExposure = new double[data.size() + 1];
        for (int i = 0; i < data.size(); i++) {
            cumulativeMeanExposure[i + 1] = cumulativeMeanExposure[i] + data.meanExposure(i);
        }
    }

    public List<Row> rows(double[][] accumulators) {
        List<Row> rows = new ArrayList<>(2 * (plan.thresholds().size() + plan.bins().size()));
        for (ScanPlan.Threshold t : plan.thresholds()) {
            int j = plan.cutIndex(t.cut());
            for (boolean corrected : new boolean[] {true, false}) {
                double[] acc = accumulators[2 * j + (corrected ? 0 : 1)];
                rows.add(new Row(t.kind(), t.gev(), t.gev(), Double.POSITIVE_INFINITY, corrected,
                        measure(acc, null, 0, t.cut(), corrected)));
            }
        }
        for (ScanPlan.Bin b : plan.bins()) {
            int jFrom = plan.cutIndex(b.fromCut());
            int jTo = plan.cutIndex(b.toCut());
            for (boolean corrected : new boolean[] {true, false}) {
                int off = corrected ? 0 : 1;
                rows.add(new Row("bin", b.eminGev(), b.eminGev(), b.emaxGev(), corrected,
                        measure(accumulators[2 * jTo + off], accumulators[2 * jFrom + off], b.fromCut(), b.toCut(),
                                corrected)));
            }
        }
        return rows;
    }

    private MultipoleMeasurement measure(double[] upTo, double[] minus, int from, int to, boolean corrected) {
        int n = to - from;
        double scale = corrected ? (cumulativeMeanExposure[to] - cumulativeMeanExposure[from]) / n : 1.0;
        double[] acc = new double[upTo.length];
        for (int k = 0; k < acc.length; k++) {
            acc[k] = scale * (minus == null ? upTo[k] : upTo[k] - minus[k]);
        }
        return MultipoleMeasurement.of(n, LowMultipoles.toAlm(acc), Double.NaN);
    }
}
