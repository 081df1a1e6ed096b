package org.cranisotropy.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Thins a curve with many points (the every-event scan has one point per selected event) for drawing:
 * the x range is cut into {@code columns} equal bins of log x and each bin keeps its first, lowest,
 * highest and last point in x order (the "M4" rule), so the drawn line looks the same at that width
 * while the SVG stays small. Input sorted by x, x &gt; 0.
 */
final class Decimation {
    private Decimation() {}

    /** Returns {x[], y[]} of the kept points (all of them when there are at most 4 * columns). */
    static double[][] logM4(double[] x, double[] y, int columns) {
        int n = x.length;
        if (n <= 4 * columns) {
            return new double[][] {x.clone(), y.clone()};
        }
        double lo = Math.log(x[0]);
        double span = Math.log(x[n - 1]) - lo;
        List<Integer> keep = new ArrayList<>();
        int start = 0;
        while (start < n) {
            int bin = span > 0 ? (int) Math.min(columns - 1, Math.floor((Math.log(x[start]) - lo) / span * columns)) : 0;
            int end = start;
            int min = start;
            int max = start;
            while (end < n && (span > 0 ? (int) Math.min(columns - 1,
                    Math.floor((Math.log(x[end]) - lo) / span * columns)) : 0) == bin) {
                if (y[end] < y[min]) {
                    min = end;
                }
                if (y[end] > y[max]) {
                    max = end;
                }
                end++;
            }
            int last = end - 1;
            int[] pick = {start, Math.min(min, max), Math.max(min, max), last};
            int prev = -1;
            for (int p : pick) {
                if (p != prev && (keep.isEmpty() || p > keep.get(keep.size() - 1))) {
                    keep.add(p);
                }
                prev = p;
            }
            start = end;
        }
        double[][] out = new double[2][keep.size()];
        for (int i = 0; i < keep.size(); i++) {
            out[0][i] = x[keep.get(i)];
            out[1][i] = y[keep.get(i)];
        }
        return out;
    }
}
