package org.cranisotropy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.io.ParquetTableWriter;
import org.cranisotropy.montecarlo.SimulationSpec;
import org.cranisotropy.spark.SimulateJob;
import org.cranisotropy.spark.SparkSessions;
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
@Command(
        name = "bench",
        header = "Benchmarks of the harmonic analysis and the Monte Carlo.", mixinStandardHelpOptions = true,
        description = {"Benchmark the harmonic analysis (median wall time per call after warm-up) and, with --events",
            "and --exposure, the Monte Carlo: per-sample time of the core (one thread, no Spark) and the wall time",
            "of cra simulate on local[1] and local[2] (speed-up ratio)."})
final class BenchCommand implements Runnable {
    @Option(names = "--nside", defaultValue = "64", description = "Nside of the benchmark map (default ${DEFAULT-VALUE}).")
    int nside;

    @Option(names = "--repeat", defaultValue = "50", description = "Timed repetitions per case (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--events", paramLabel = "PATH", description = "Data events for the Monte Carlo benchmark.")
    Path events;

    @Option(names = "--exposure", paramLabel = "PATH", description = "Exposure maps for the Monte Carlo benchmark.")
    Path exposure;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Run configuration whose cra.analysis (class selection, thresholds, bins) the Monte Carlo "
                    + "benchmark uses; default built-in. conf/bench-3e5.conf selects every demo event (3e5).")
    Path config;

    @Option(names = "--rounds", defaultValue = "2", paramLabel = "R",
            description = "Alternated local[1] / local[2] rounds of the Spark benchmark (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--samples", defaultValue = "400", paramLabel = "N",
            description = "Samples per Spark run of the Monte Carlo benchmark (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--against", paramLabel = "PATH",
            description = {"Another build of cr-anisotropy (its jar, or its target/classes directory): instead of the",
                "benchmarks above, time the Monte Carlo core of this build and of PATH alternately in one JVM, each",
                "in its own class loader (needs --events and --exposure). PATH's classes run with this build's",
                "libraries."})
    Path against;

    @Option(names = "--ab-rounds", defaultValue = "8", paramLabel = "R",
            description = "Alternated rounds of the --against comparison (default ${DEFAULT-VALUE}).")
    int abRounds;

    @Option(names = "--ab-samples", defaultValue = "100", paramLabel = "N",
            description = "Samples per build and round of the --against comparison (default ${DEFAULT-VALUE}).")
    int abSamples;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "T",
            description = "Threads of the --against comparison (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--energies", defaultValue = "spectrum", paramLabel = "spectrum|data",
            description = "Energies of the --against comparison's samples (default ${DEFAULT-VALUE}).")
    String energies;

    @Option(names = "--sizes", split = ",", paramLabel = "N1,N2,...",
            description = {"Instead of the benchmarks above: the Monte Carlo core's cost per selected event at each of",
                "these numbers of selected events (e.g. 300000,5600000; spectrum energies, one thread), the data's",
                "events repeated in order up to each size, the sizes timed in alternated rounds (needs --events and",
                "--exposure)."})
    int[] sizes;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be >= 1, got " + repeat);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be >= 1, got " + rounds);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (against != null) {
            CoreComparison.run(this, out);
            return;
        }
        if (sizes != null) {
            if (events == null || exposure == null) {
                throw new IllegalArgumentException("--sizes needs --events and --exposure");
            }
            sizeScaling(out);
            return;
        }
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
        if (events != null && exposure != null) {
            monteCarlo(out);
        }
    }

    private void monteCarlo(PrintWriter out) {
        CoreTiming.Inputs inputs = CoreTiming.Inputs.read(events, exposure, config);
        PreparedSample p = inputs.prepared();
        SimulationSpec spec = null;
        for (String energies : new String[] {"data", "spectrum"}) {
            spec = inputs.spec(energies, out);
            int thresholds = spec.standardThresholds().length + spec.gridThresholds().length;
            SimulationSpec.Engine engine = spec.build();
            long[] counter = {0};
            for (int w = 0; w < 60; w++) { // a sample is one long loop: give the JIT time to compile it fully
                engine.measurements().rows(engine.sampler().run(1, counter[0]++));
            }
            double ms = time(() -> engine.measurements().rows(engine.sampler().run(1, counter[0]++)));
            out.printf("Monte Carlo core (%s energies): %d selected events, %d thresholds + %d bins: %.2f ms per sample"
                    + " (one thread), %.1f ns per event%n", energies, p.size(), thresholds,
                    spec.binEdgesGev().length - 1, ms, 1e6 * ms / p.size());
            out.flush();
        }
        // an untimed warm-up run first (local[2], a fifth of the samples), so that no timed run pays for the
        // JIT compiling the sampler; then local[1] and local[2] alternate, so that a shared host's drift
        // over a minute or two falls on both
        double[][] wall = new double[2][rounds];
        for (int run = -1; run < 2 * rounds; run++) {
            int cores = run < 0 ? 2 : 1 + run % 2;
            int n = run < 0 ? Math.max(50, samples / 5) : samples;
            Path dir;
            try {
                dir = Files.createTempDirectory("cra-bench");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            SparkSession spark = SparkSessions.create("cra bench", "local[" + cores + "]");
            try {
                SimulateJob.Result r = SimulateJob.run(spark, spec, n, 0, dir, Map.of(), null, false);
                if (run < 0) {
                    continue;
                }
                wall[cores - 1][run / 2] = r.simulateSeconds();
                out.printf("cra simulate local[%d], %d samples (round %d): %.2f s simulate (%.2f ms/sample), %.2f s bands%n",
                        cores, samples, run / 2 + 1, r.simulateSeconds(), 1000 * r.simulateSeconds() / samples,
                        r.bandsSeconds());
                out.flush();
            } finally {
                spark.stop();
                try {
                    org.cranisotropy.io.DirectoryCommit.delete(dir);
                } catch (IOException ignored) {
                    // a temporary directory
                }
            }
        }
        // medians: the 0.5 level of the Monte Carlo's own percentile definition (Band.LEVELS[2])
        double one = org.cranisotropy.montecarlo.Band.of(wall[0]).percentiles()[2];
        double two = org.cranisotropy.montecarlo.Band.of(wall[1]).percentiles()[2];
        out.printf("speed-up local[2] / local[1] (medians of %d alternated rounds): %.2f; 20000 samples would take"
                + " ~%.0f s on local[2] at this rate (an overestimate: the run's start-up, a few seconds, is scaled"
                + " with it)%n", rounds, one / two, 20000 * two / samples);
        out.flush();
    }

    /**
     * ns per selected event of the Monte Carlo core (spectrum energies, one thread) at each size: the data's
     * events repeated in order up to the number of events that selects about N (same energies, directions and
     * classes, so the same spectrum and selection), each size's engine built once, then the sizes timed in
     * turn over {@link #rounds} rounds (medians), so that the host's drift falls on all of them.
     */
    private void sizeScaling(PrintWriter out) {
        CoreTiming.Inputs base = CoreTiming.Inputs.read(events, exposure, config);
        double selectedFraction = (double) base.prepared().size() / base.data().size();
        SimulationSpec.Engine[] engines = new SimulationSpec.Engine[sizes.length];
        int[] selected = new int[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            if (sizes[k] < 1) {
                throw new IllegalArgumentException("--sizes must be >= 1, got " + sizes[k]);
            }
            int total = (int) Math.min(Integer.MAX_VALUE - 8, Math.round(sizes[k] / selectedFraction));
            long t0 = System.nanoTime();
            CoreTiming.Inputs in = base.repeatedTo(total);
            long t1 = System.nanoTime();
            SimulationSpec s = in.spec("spectrum", new PrintWriter(Writer.nullWriter()));
            long t2 = System.nanoTime();
            engines[k] = s.build();
            selected[k] = in.prepared().size();
            out.printf("size %d: %d events, %d selected; selection %.1f s, spectrum fits (one and two breaks) %.1f s,"
                    + " engine %.1f s%n", k + 1, total, selected[k], (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    (System.nanoTime() - t2) / 1e9);
            out.flush();
        }
        double[][] nsPerEvent = new double[sizes.length][rounds];
        long[] next = new long[sizes.length];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < sizes.length; k++) {
                SimulationSpec.Engine e = engines[k];
                int k2 = k;
                // as many samples as make about 2 s, after a warm-up of the same length in the first round
                int n = Math.max(3, (int) Math.min(200, 2e9 / (100.0 * selected[k])));
                for (int w = 0; w < (r == 0 ? n : 0); w++) {
                    e.measurements().rows(e.sampler().run(1, next[k2]++));
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    e.measurements().rows(e.sampler().run(1, next[k2]++));
                }
                nsPerEvent[k][r] = (System.nanoTime() - t0) / (double) n / selected[k];
            }
        }
        double first = 0;
        for (int k = 0; k < sizes.length; k++) {
            double median = org.cranisotropy.montecarlo.Band.of(nsPerEvent[k]).percentiles()[2];
            if (k == 0) {
                first = median;
            }
            out.printf("Monte Carlo core, spectrum energies, one thread: %,d selected events: %.1f ns per event"
                    + " (%.2f ms per sample; median of %d rounds), %.2f x the first size%n", selected[k], median,
                    median * selected[k] / 1e6, rounds, median / first);
        }
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
