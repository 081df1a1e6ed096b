package org.cranisotropy.analysis;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The running a_lm sums of {@link LowMultipoles#addBlock} on SIMD lanes, with the JDK's Vector API
 * (incubator module jdk.incubator.vector, which conf/spark-jvm.args adds to every JVM of the tool):
 * the 16 corrected and 16 raw sums are 2 + 2 vectors of 8 doubles (AVX-512) or 4 + 4 of 4 (AVX2),
 * and each event adds its row (raw) and weight * row (corrected) lane by lane. Lane-wise IEEE
 * multiply and add in event order, no fused multiply-add: every sum is bit for bit the scalar one.
 * Written by hand because no maintained Java library sums a few dozen running totals on SIMD lanes
 * (the JIT does not vectorise this loop on its own: each sum is a loop-carried chain).
 *
 * <p>Only touched after {@link #usable()} found the module, so a JVM without it never loads the
 * Vector API classes and {@link LowMultipoles} adds one double at a time instead.
 */
final class SimdSums {
    private SimdSums() {}

    /**
     * Whether this JVM can run the SIMD sums: the module is in the boot layer (java --add-modules
     * jdk.incubator.vector), the preferred vector holds 4 or 8 doubles, and the system property
     * {@code cra.scalarSums} is not set (for comparisons).
     */
    static boolean usable() {
        if (Boolean.getBoolean("cra.scalarSums")
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            int lanes = Lanes.SPECIES.length();
            return lanes == 4 || lanes == 8;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** The species, in a holder so that {@link #usable()} can test for the module before it is loaded. */
    private static final class Lanes {
        static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    }

    /** corrected += weight * row, raw += row for n events (rows as {@link LowMultipoles} lays them out). */
    static void add(double[] corrected, double[] raw, double[] rows, double[] xyzw, int at, int n) {
        double[] c = new double[LowMultipoles.ROW];
        double[] r = new double[LowMultipoles.ROW];
        for (int k = 0; k < LowMultipoles.ROW; k++) {
            c[k] = corrected[LowMultipoles.SLOT[k]];
            r[k] = raw[LowMultipoles.SLOT[k]];
        }
        if (Lanes.SPECIES.length() == 8) {
            add8(c, r, rows, xyzw, at, n);
        } else {
            add4(c, r, rows, xyzw, at, n);
        }
        for (int k = 0; k < LowMultipoles.ROW; k++) {
            corrected[LowMultipoles.SLOT[k]] = c[k];
            raw[LowMultipoles.SLOT[k]] = r[k];
        }
    }

    private static void add8(double[] c, double[] r, double[] rows, double[] xyzw, int at, int n) {
        VectorSpecies<Double> s = DoubleVector.SPECIES_512;
        DoubleVector c0 = DoubleVector.fromArray(s, c, 0);
        DoubleVector c1 = DoubleVector.fromArray(s, c, 8);
        DoubleVector r0 = DoubleVector.fromArray(s, r, 0);
        DoubleVector r1 = DoubleVector.fromArray(s, r, 8);
        for (int j = 0; j < n; j++) {
            double w = xyzw[at + 4 * j + 3];
            DoubleVector t0 = DoubleVector.fromArray(s, rows, 16 * j);
            DoubleVector t1 = DoubleVector.fromArray(s, rows, 16 * j + 8);
            c0 = c0.add(t0.mul(w));
            c1 = c1.add(t1.mul(w));
            r0 = r0.add(t0);
            r1 = r1.add(t1);
        }
        c0.intoArray(c, 0);
        c1.intoArray(c, 8);
        r0.intoArray(r, 0);
        r1.intoArray(r, 8);
    }

    private static void add4(double[] c, double[] r, double[] rows, double[] xyzw, int at, int n) {
        VectorSpecies<Double> s = DoubleVector.SPECIES_256;
        DoubleVector c0 = DoubleVector.fromArray(s, c, 0);
        DoubleVector c1 = DoubleVector.fromArray(s, c, 4);
        DoubleVector c2 = DoubleVector.fromArray(s, c, 8);
        DoubleVector c3 = DoubleVector.fromArray(s, c, 12);
        DoubleVector r0 = DoubleVector.fromArray(s, r, 0);
        DoubleVector r1 = DoubleVector.fromArray(s, r, 4);
        DoubleVector r2 = DoubleVector.fromArray(s, r, 8);
        DoubleVector r3 = DoubleVector.fromArray(s, r, 12);
        for (int j = 0; j < n; j++) {
            double w = xyzw[at + 4 * j + 3];
            int o = 16 * j;
            DoubleVector t0 = DoubleVector.fromArray(s, rows, o);
            DoubleVector t1 = DoubleVector.fromArray(s, rows, o + 4);
            DoubleVector t2 = DoubleVector.fromArray(s, rows, o + 8);
            DoubleVector t3 = DoubleVector.fromArray(s, rows, o + 12);
            c0 = c0.add(t0.mul(w));
            c1 = c1.add(t1.mul(w));
            c2 = c2.add(t2.mul(w));
            c3 = c3.add(t3.mul(w));
            r0 = r0.add(t0);
            r1 = r1.add(t1);
            r2 = r2.add(t2);
            r3 = r3.add(t3);
        }
        c0.intoArray(c, 0);
        c1.intoArray(c, 4);
        c2.intoArray(c, 8);
        c3.intoArray(c, 12);
        r0.intoArray(r, 0);
        r1.intoArray(r, 4);
        r2.intoArray(r, 8);
        r3.intoArray(r, 12);
    }
}
