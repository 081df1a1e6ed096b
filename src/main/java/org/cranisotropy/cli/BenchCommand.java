package org.cranisotropy.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.cranisotropy.harmonics.DirectHarmonicSum;
import org.cranisotropy.harmonics.RingGeometry;
import org.cranisotropy.harmonics.SphericalHarmonicTransform;
import org.cranisotropy.sky.HealpixMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cra bench}: wall-clock figures of the numeric cores on this machine (median of repeated
 * runs after a warm-up). Speed is reported here, never asserted in unit tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the harmonic analysis (median wall time per call after warm-up).")
final class BenchCommand implements Runnable {
    @Option(names = "--nside", defaultValue = "64", description = "Nside of the benchmark map (default ${DEFAULT-VALUE}).")
    int nside;

    @Option(names = "--repeat", defaultValue = "50", description = "Timed repetitions per case (default ${DEFAULT-VALUE}).")
    int repeat;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be >= 1, got " + repeat);
        }
        PrintWriter out = spec.commandLine().getOut();
        SplittableRandom rng = new SplittableRandom(1);
        double[] values = new double[12 * nside * nside];
        for (int p = 0; p < values.length; p++) {
            values[p] = rng.nextDouble();
        }
        HealpixMap map = HealpixMap.ofRing(nside, values);
        RingGeometry rings = new RingGeometry(nside);
        int lmaxFull = 3 * nside - 1;
        out.printf("harmonic analysis of a dense map, Nside %d (%d pixels), median of %d runs%n", nside,
                values.length, repeat);
        report(out, "direct pixel sum, lmax 3, iter 0", time(() -> new DirectHarmonicSum(rings, 3).analyse(map)));
        SphericalHarmonicTransform small = new SphericalHarmonicTransform(rings, 3);
        report(out, "ring transform,   lmax 3, iter 0", time(() -> small.analyse(map, 0)));
        SphericalHarmonicTransform full = new SphericalHarmonicTransform(rings, lmaxFull);
        report(out, "ring transform,   lmax " + lmaxFull + ", iter 0", time(() -> full.analyse(map, 0)));
        report(out, "ring transform,   lmax " + lmaxFull + ", iter 3", time(() -> full.analyse(map, 3)));
        out.flush();
    }

    private double time(Runnable task) {
        for (int i = 0; i < Math.max(5, repeat / 5); i++) {
            task.run();
        }
        double[] ms = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[repeat / 2];
    }

    private static void report(PrintWriter out, String label, double ms) {
        out.printf("  %-40s %10.3f ms%n", label, ms);
    }
}
