package org.cranisotropy.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cranisotropy.io.StoragePath;
import org.cranisotropy.analysis.AnalysisSettings;
import org.cranisotropy.analysis.MultipoleMeasurement;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.ExposureFiles;
import org.cranisotropy.montecarlo.MonteCarloOptions;
import org.cranisotropy.montecarlo.SampleMeasurements;
import org.cranisotropy.montecarlo.SimulationSpec;

/**
 * The Monte Carlo core of one build, timed on its own: what {@code cra bench --against} loads once per
 * build, each copy in its own class loader of the same JVM, so that two builds can be timed alternately
 * under the same conditions (this host's speed drifts by up to 1.5x between JVMs and over minutes, so
 * separate runs cannot tell a 5 % change). Only public API of the core is used, through this class, so
 * that an older build's classes can stand behind it. Samples s = 0, 1, 2, ... of master seed 1 are made
 * in turn over the calls, each by the measurement step too (as {@code cra simulate} makes them, without
 * Spark and Parquet). Not thread-safe; {@link #close} stops its threads.
 */
public final class CoreTiming implements AutoCloseable {
    private final SimulationSpec.Engine engine;
    private final int threads;
    private final ExecutorService pool;
    private long next;

    /**
     * The inputs of a Monte Carlo benchmark: the data's events, the exposure, the analysis settings of a run
     * configuration (or the built-in defaults) and the selected events; what {@code cra bench} and this class
     * read once and make specs from.
     */
    record Inputs(EventSample data, String name, ExposureCube cube, AnalysisSettings settings, PreparedSample prepared) {
        static Inputs read(Path events, Path exposure, Path config) {
            AnalysisSettings settings = RunConfig.analysis(config, RunConfig.load(config));
            ExposureCube cube = ExposureFiles.read(exposure);
            EventSample data = EventSample.read(events);
            String name = events.toString();
            return new Inputs(data, name, cube, settings, PreparedSample.of(data, name, cube, settings.selection()));
        }

        /** The same data repeated in order up to n events (a larger data set of the same kind, for timing). */
        Inputs repeatedTo(int n) {
            double[] e = new double[n];
            double[] l = new double[n];
            double[] b = new double[n];
            org.cranisotropy.exposure.EventClass[] c = new org.cranisotropy.exposure.EventClass[n];
            for (int i = 0; i < n; i++) {
                int j = i % data.size();
                e[i] = data.energyGev(j);
                l[i] = data.lDeg(j);
                b[i] = data.bDeg(j);
                c[i] = data.eventClass(j);
            }
            EventSample d = new EventSample(e, l, b, c);
            return new Inputs(d, name + " x" + n, cube, settings, PreparedSample.of(d, name, cube, settings.selection()));
        }

        /** The simulation of master seed 1 with these energies ("spectrum": fitted, the fit printed to out). */
        SimulationSpec spec(String energies, PrintWriter out) {
            MonteCarloOptions options = SimulationSettings.options(RunConfig.reference(), energies, null, false, null,
                    prepared, out).options();
            return new SimulationSpec(data, name, cube, settings.selection(), settings.standardThresholds(),
                    settings.gridThresholds(prepared), settings.binEdgesGev(), 1, options);
        }
    }

    /**
     * @param config a run configuration (its cra.analysis) or "" for the built-in defaults
     * @param energies "spectrum" or "data"
     */
    public CoreTiming(String events, String exposure, String config, String energies, int threads) {
        this.engine = Inputs.read(StoragePath.of(events), StoragePath.of(exposure), config.isEmpty() ? null : StoragePath.of(config))
                .spec(energies, new PrintWriter(Writer.nullWriter())).build();
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "core-timing");
            t.setDaemon(true);
            return t;
        });
    }

    /** The selected events of a sample. */
    public int events() {
        return engine.data().size();
    }

    /** Makes the next n samples (with their measurement rows) on the threads; wall milliseconds per sample. */
    public double msPerSample(int n) {
        long first = next;
        next += n;
        long t0 = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long offset = t;
            running.add(pool.submit(() -> {
                for (long s = first + offset; s < first + n; s += threads) {
                    engine.measurements().rows(engine.sampler().run(1, s));
                }
            }));
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("a timed sample failed: " + e.getMessage(), e);
        }
        return (System.nanoTime() - t0) / 1e6 / n;
    }

    /**
     * A hash of every value of the measurement rows of samples 0 .. count-1 (n_events, C0..C3, delta and
     * the dipole direction of every selection): equal for two builds that make the same samples bit for bit.
     */
    public long checksum(int count) {
        long h = 1;
        for (long s = 0; s < count; s++) {
            for (SampleMeasurements.Row r : engine.measurements().rows(engine.sampler().run(1, s))) {
                MultipoleMeasurement m = r.m();
                for (double v : new double[] {m.nEvents(), m.c0(), m.c1(), m.c2(), m.c3(), m.delta(), m.dipoleLDeg(),
                    m.dipoleBDeg()}) {
                    h = 31 * h + Double.doubleToLongBits(v);
                }
            }
        }
        return h;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
