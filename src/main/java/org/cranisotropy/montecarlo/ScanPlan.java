package org.cranisotropy.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.cranisotropy.analysis.PreparedSample;

/**
 * The selections every isotropic sample is measured on. A sample's events are ordered from high to
 * low energy and its running a_lm is recorded at "snapshots": the distinct energies of the thresholds
 * and bin edges, from high to low. Threshold t selects the events before snapshot t (E &gt;= t); bin
 * [lo, hi) the events between the snapshots of hi and lo. Because a_lm is linear in the events, a
 * sample only needs its running a_lm at each snapshot. The data's own event counts at each snapshot
 * ({@link #dataCounts()}) are the snapshot positions when the samples reuse the data's energies.
 * Immutable.
 */
public final class ScanPlan implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** The kinds of rows a scan gives (the {@code kind} column of the samples and bands tables). */
    public static final String STANDARD = "standard";
    public static final String GRID = "grid";
    public static final String BIN = "bin";

    /** A threshold of the scan: its kind ({@link #STANDARD} or {@link #GRID}), energy and snapshot index. */
    public record Threshold(String kind, double gev, int snapshot) implements java.io.Serializable {}

    /** An energy bin and the snapshots of its upper (from) and lower (to) edge. */
    public record Bin(double eminGev, double emaxGev, int fromSnapshot, int toSnapshot) implements java.io.Serializable {}

    private final double[] snapshotEnergies; // decreasing
    private final int[] dataCounts;          // events of the data with E >= snapshot energy (non-decreasing)
    private final List<Threshold> thresholds;
    private final List<Bin> bins;
    private final double highest;            // the highest selected energy, for messages

    public ScanPlan(PreparedSample data, double[] standard, double[] grid, double[] binEdges) {
        TreeSet<Double> energies = new TreeSet<>();
        for (double g : standard) {
            energies.add(g);
        }
        for (double g : grid) {
            energies.add(g);
        }
        for (double e : binEdges) {
            energies.add(e);
        }
        this.snapshotEnergies = energies.descendingSet().stream().mapToDouble(Double::doubleValue).toArray();
        this.highest = data.size() > 0 ? data.energyGev(0) : Double.NaN;
        this.dataCounts = new int[snapshotEnergies.length];
        for (int j = 0; j < snapshotEnergies.length; j++) {
            dataCounts[j] = count(data, snapshotEnergies[j]);
        }
        List<Threshold> t = new ArrayList<>();
        for (double g : standard) {
            t.add(threshold(STANDARD, g));
        }
        for (double g : grid) {
            t.add(threshold(GRID, g));
        }
        List<Bin> b = new ArrayList<>();
        for (int k = 0; k + 1 < binEdges.length; k++) {
            int from = snapshot(binEdges[k + 1]);
            int to = snapshot(binEdges[k]);
            if (dataCounts[to] == dataCounts[from]) {
                throw new IllegalArgumentException("energy bin [" + binEdges[k] + ", " + binEdges[k + 1]
                        + ") GeV holds no selected event");
            }
            b.add(new Bin(binEdges[k], binEdges[k + 1], from, to));
        }
        this.thresholds = List.copyOf(t);
        this.bins = List.copyOf(b);
    }

    /** The kinds of rows a scan of these thresholds and bin edges gives, in this order: standard, grid, bin. */
    public static List<String> kinds(double[] standard, double[] grid, double[] binEdges) {
        List<String> kinds = new ArrayList<>();
        if (standard.length > 0) {
            kinds.add(STANDARD);
        }
        if (grid.length > 0) {
            kinds.add(GRID);
        }
        if (binEdges.length > 1) {
            kinds.add(BIN);
        }
        return List.copyOf(kinds);
    }

    private Threshold threshold(String kind, double g) {
        int j = snapshot(g);
        if (dataCounts[j] == 0) {
            throw new IllegalArgumentException("threshold " + g + " GeV is above every selected event (highest "
                    + highest + " GeV): empty selection");
        }
        return new Threshold(kind, g, j);
    }

    private int snapshot(double e) {
        for (int j = 0; j < snapshotEnergies.length; j++) {
            if (snapshotEnergies[j] == e) {
                return j;
            }
        }
        throw new IllegalStateException("no snapshot at " + e + " GeV");
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

    /** Snapshot energies (GeV), decreasing. */
    public double[] snapshotEnergies() {
        return snapshotEnergies.clone();
    }

    /** The data's event count at each snapshot (E &gt;= snapshot energy), non-decreasing. */
    public int[] dataCounts() {
        return dataCounts.clone();
    }

    public int snapshots() {
        return snapshotEnergies.length;
    }

    public List<Threshold> thresholds() {
        return thresholds;
    }

    public List<Bin> bins() {
        return bins;
    }
}
