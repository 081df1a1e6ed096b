package org.cranisotropy.montecarlo;

import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.analysis.SelectionExposure;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.exposure.ExposureCube;

/**
 * The order in which DATA samples ({@link IsotropicSampler}, the data's energies and classes) draw the
 * data's events down to the lowest snapshot: class by class; inside a class, snapshot segment by snapshot
 * segment (the events between two snapshots); inside a segment, grouped by selection rule, exposure bin
 * and interpolation case, in energy order within a group (a stable sort of the energy order). A group's
 * events share their class map m (= class * bins + bin, drawn from maps m and m + 1 when interior), their
 * rule and exposure bin, so a block of them draws from one or two alias tables and needs per event only
 * its interpolation weight. Made once per sampler; immutable.
 */
final class DataDrawOrder {
    /** event[k]: the data event at draw position k; its interpolation weight and sky-mean exposure. */
    private final int[] event;
    private final double[] weight;
    private final double[] meanExposure;
    /** Group g holds draw positions [start[g], start[g + 1]). */
    private final int[] start;
    private final int[] map;
    private final int[] rule;
    private final int[] bin;
    private final boolean[] interior;
    /** The groups of classes up to c and, of class c, snapshot segments up to j end at classEnd[c * snapshots + j]. */
    private final int[] classEnd;
    private final int snapshots;
    /** The sum of the sky-mean exposures of the events before each snapshot, in energy order. */
    private final double[] meanSums;

    /** A run of draw positions from start on with one class map, rule, bin and interpolation case. */
    private record Group(int start, int map, int rule, int bin, boolean interior, int eventClass, int segment) {}

    /**
     * @param dataCounts the data's event count at each snapshot ({@link ScanPlan#dataCounts}); empty for none
     * @param bins the exposure bins
     */
    DataDrawOrder(PreparedSample data, int[] dataCounts, int bins) {
        ExposureCube cube = data.exposure();
        SelectionExposure sel = data.selectionExposure();
        int n = dataCounts.length == 0 ? 0 : dataCounts[dataCounts.length - 1];
        this.snapshots = dataCounts.length;
        int classes = EventClass.values().length;
        this.event = new int[n];
        this.weight = new double[n];
        this.meanExposure = new double[n];
        this.meanSums = new double[snapshots];
        this.classEnd = new int[classes * snapshots];
        // per data event: its group key (rule in the high 32 bits, then map, then 1 if interior), weight, segment
        long[] key = new long[n];
        double[] byIndex = new double[n];
        int[] segmentOf = new int[n];
        double meanSum = 0;
        for (int j = 0, i = 0; j < snapshots; j++) {
            for (; i < dataCounts[j]; i++) {
                ExposureCube.InterpolationPoint at = cube.interpolation(data.energyGev(i));
                int m = data.eventClass(i).ordinal() * bins + at.bin();
                key[i] = (long) sel.rule(data.energyGev(i)) << 32 | (long) m << 1 | (at.upperWeight() > 0 ? 1 : 0);
                byIndex[i] = at.upperWeight();
                segmentOf[i] = j;
                meanSum += data.meanExposure(i);
            }
            meanSums[j] = meanSum;
        }
        Integer[] byDraw = new Integer[n];
        for (int i = 0; i < n; i++) {
            byDraw[i] = i;
        }
        java.util.Arrays.sort(byDraw, java.util.Comparator.<Integer>comparingInt(i -> data.eventClass(i).ordinal())
                .thenComparingInt(i -> segmentOf[i]).thenComparingLong(i -> key[i]));
        java.util.List<Group> groups = new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = byDraw[k];
            event[k] = i;
            weight[k] = byIndex[i];
            meanExposure[k] = data.meanExposure(i);
            if (k == 0 || key[i] != key[byDraw[k - 1]] || segmentOf[i] != segmentOf[byDraw[k - 1]]) {
                int m = (int) (key[i] >>> 1) & Integer.MAX_VALUE;
                groups.add(new Group(k, m, (int) (key[i] >>> 32), m % bins, (key[i] & 1) == 1,
                        data.eventClass(i).ordinal(), segmentOf[i]));
            }
        }
        for (int c = 0, g = 0; c < classes; c++) {
            for (int j = 0; j < snapshots; j++) {
                while (g < groups.size() && (groups.get(g).eventClass() < c
                        || groups.get(g).eventClass() == c && groups.get(g).segment() <= j)) {
                    g++;
                }
                classEnd[c * snapshots + j] = g;
            }
        }
        int count = groups.size();
        this.start = new int[count + 1];
        this.map = new int[count];
        this.rule = new int[count];
        this.bin = new int[count];
        this.interior = new boolean[count];
        for (int g = 0; g < count; g++) {
            Group x = groups.get(g);
            start[g] = x.start();
            map[g] = x.map();
            rule[g] = x.rule();
            bin[g] = x.bin();
            interior[g] = x.interior();
        }
        start[count] = n;
    }

    /** The data event at draw position k. */
    int event(int k) {
        return event[k];
    }

    /** Interpolation weights by draw position (shared; not to be written). */
    double[] weights() {
        return weight;
    }

    /** Sky-mean exposures by draw position (shared; not to be written). */
    double[] meanExposures() {
        return meanExposure;
    }

    /** Sky-mean exposure sums at each snapshot (shared; not to be written). */
    double[] meanSums() {
        return meanSums;
    }

    /** The first draw position of group g (g up to the number of groups: the end). */
    int start(int g) {
        return start[g];
    }

    int map(int g) {
        return map[g];
    }

    int rule(int g) {
        return rule[g];
    }

    int bin(int g) {
        return bin[g];
    }

    /** Whether group g's events lie between two bin centres (drawn from maps m and m + 1). */
    boolean interior(int g) {
        return interior[g];
    }

    /** The end of the groups of classes before c and of class c's segments up to snapshot j. */
    int classEnd(int c, int j) {
        return classEnd[c * snapshots + j];
    }
}
