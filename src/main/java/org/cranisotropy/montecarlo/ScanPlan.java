package org.cranisotropy.montecarlo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.cranisotropy.analysis.PreparedSample;

/**
 * The selections every isotropic sample is measured on, expressed as "cuts" on the data's events
 * sorted from high to low energy: a threshold t selects the first cut(t) events (all with E &gt;= t),
 * a bin [lo, hi) the events between cut(hi) and cut(lo). Because a_lm is linear in the events, a
 * sample only needs its running a_lm at each cut. Immutable.
 */
public final class ScanPlan {
    /** A threshold of the scan: its kind ("standard" or "grid") and energy. */
    public record Threshold(String kind, double gev, int cut) {}

    /** An energy bin and its cut range. */
    public record Bin(double eminGev, double emaxGev, int fromCut, int toCut) {}

    private final int[] cuts;          // increasing event counts at which a snapshot is taken
    private final List<Threshold> thresholds;
    private final List<Bin> bins;

    public ScanPlan(PreparedSample data, double[] standard, double[] grid, double[] binEdges) {
        TreeSet<Integer> cutSet = new TreeSet<>();
        List<Threshold> t = new ArrayList<>();
        for (double g : standard) {
            t.add(new Threshold("standard", g, count(data, g)));
        }
        for (double g : grid) {
            t.add(new Threshold("grid", g, count(data, g)));
        }
        for (Threshold th : t) {
            if (th.cut() == 0) {
                throw new IllegalArgumentException("threshold " + th.gev() + " GeV is above every selected event");
            }
            cutSet.add(th.cut());
        }
        List<Bin> b = new ArrayList<>();
        for (int k = 0; k + 1 < binEdges.length; k++) {
            int from = count(data, binEdges[k + 1]);
            int to = count(data, binEdges[k]);
            if (to == from) {
                throw new IllegalArgumentException("energy bin [" + binEdges[k] + ", " + binEdges[k + 1]
                        + ") GeV holds no selected event");
            }
            b.add(new Bin(binEdges[k], binEdges[k + 1], from, to));
            cutSet.add(from);
            cutSet.add(to);
        }
        this.cuts = cutSet.stream().mapToInt(Integer::intValue).toArray();
        this.thresholds = List.copyOf(t);
        this.bins = List.copyOf(b);
    }

    /** Number of events with energy &gt;= e (events are sorted from high to low). */
    static int count(PreparedSample data, double e) {
        int lo = 0;
        int hi = data.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (data.energyGev(mid) >= e) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Snapshot positions (event counts), increasing. */
    public int[] cuts() {
        return cuts.clone();
    }

    /** Index of a cut position in {@link #cuts()}. */
    public int cutIndex(int cut) {
        int i = Arrays.binarySearch(cuts, cut);
        if (i < 0) {
            throw new IllegalArgumentException("no snapshot at " + cut);
        }
        return i;
    }

    public List<Threshold> thresholds() {
        return thresholds;
    }

    public List<Bin> bins() {
        return bins;
    }
}
