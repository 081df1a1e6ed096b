package org.cranisotropy.spark;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.cranisotropy.io.hadoop.HadoopSettings;
import org.cranisotropy.io.StoragePath;
import org.cranisotropy.io.ParquetTableWriter;
import org.cranisotropy.io.ParquetTableWriter.Kind;
import org.cranisotropy.montecarlo.InjectedDipole;
import org.cranisotropy.validation.InjectedSkies;
import org.cranisotropy.validation.SkyOutcome;
import org.cranisotropy.validation.ValidationSpec;
import org.cranisotropy.validation.ValidationSummary;
import org.cranisotropy.io.Tables;

/**
 * {@code cra validate} on Spark: the injected skies of a {@link ValidationSpec}, in blocks of
 * {@value #BLOCK} skies of one (direction, amplitude), spread over the executors; each executor JVM
 * builds the sampler once. The outcomes (a few numbers per sky and selection) come back to the driver,
 * which reduces them ({@link ValidationSummary}) and writes {@code validation/}. The result depends
 * only on the spec, never on the partitioning.
 */
public final class ValidateJob {
    static final int BLOCK = 10;
    private static final Map<Long, InjectedSkies> SKIES = new ConcurrentHashMap<>();

    private ValidateJob() {}

    /** One sky's outcome with its place in the run. */
    record Placed(int direction, int amplitude, long sky, SkyOutcome outcome) implements java.io.Serializable {}

    /** The timing of a run. */
    public record Result(long skies, double seconds, List<ValidationSummary.Row> rows, long reusedSkies) {}

    public static Result run(SparkSession spark, ValidationSpec spec, List<ValidationSummary.Selection> selections,
            long skies, int partitions, Path out, Map<String, String> metadata, PrintWriter progress) {
        return run(spark, spec, selections, skies, partitions, out, metadata, progress, false, -1);
    }

    /**
     * As above; with resume, the blocks an interrupted run of the same validation (same {@link
     * ValidationSpec#fingerprint} and sky count) left in DIR/.validation.tmp are read back instead of made
     * again (another validation there is refused). stopAfterBlocks &gt;= 0 makes only that many missing
     * blocks and then fails, as a killed run would (tests).
     */
    public static Result run(SparkSession spark, ValidationSpec spec, List<ValidationSummary.Selection> selections,
            long skies, int partitions, Path out, Map<String, String> metadata, PrintWriter progress, boolean resume,
            int stopAfterBlocks) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Path staging = out.resolve(".validation.tmp");
        String fingerprint = spec.fingerprint() + " skies " + skies;
        prepareStaging(staging, fingerprint, resume);
        List<long[]> work = new ArrayList<>();
        long reused = 0;
        for (int k = 0; k < spec.directions().size(); k++) {
            for (int j = 0; j < spec.ladder().length; j++) {
                for (long s = 0; s < skies; s += BLOCK) {
                    long[] block = {k, j, s, Math.min(skies, s + BLOCK)};
                    if (Files.exists(staging.resolve(blockName(block)))) {
                        reused += block[3] - block[2];
                    }
                    work.add(block);
                }
            }
        }
        if (stopAfterBlocks >= 0) {
            List<long[]> missing = new ArrayList<>();
            for (long[] b : work) {
                if (!Files.exists(staging.resolve(blockName(b))) && missing.size() < stopAfterBlocks) {
                    missing.add(b);
                }
            }
            work = missing;
        }
        long total = skies * spec.ladder().length * spec.directions().size();
        Broadcast<ValidationSpec> bspec = sc.broadcast(spec);
        long specId = bspec.id();
        LongAccumulator done = sc.sc().longAccumulator("skies done");
        done.add(reused);
        String stagingDir = staging.toString();
        HadoopSettings.Shipped hadoop = HadoopSettings.ship();
        List<Placed> placed;
        double seconds;
        try (ProgressReporter p = new ProgressReporter(progress, "validate", "skies", total, done, 5000)) {
            int slices = Math.max(1, Math.min(work.size(), partitions > 0 ? partitions : 16 * sc.defaultParallelism()));
            placed = sc.parallelize(work, slices).mapPartitions(it -> {
                hadoop.install();
                ValidationSpec v = bspec.value();
                List<Placed> res = new ArrayList<>();
                double[] fixedAcceptance = null;
                int fixedKey = -1;
                while (it.hasNext()) {
                    long[] b = it.next();
                    Path file = StoragePath.of(stagingDir).resolve(blockName(b));
                    if (Files.exists(file)) { // kept from the interrupted run
                        res.addAll(readBlock(file));
                        continue;
                    }
                    InjectedSkies engine = SKIES.computeIfAbsent(specId,
                            id -> new InjectedSkies(v.simulation().build(), v.reference(), v.noise()));
                    int k = (int) b[0];
                    int j = (int) b[1];
                    long seed = v.skySeed(k);
                    boolean random = v.directions().get(k).random();
                    List<Placed> block = new ArrayList<>();
                    for (long s = b[2]; s < b[3]; s++) {
                        InjectedDipole d = v.dipole(k, j, s);
                        double[] acceptance;
                        if (random) {
                            acceptance = d.acceptanceByCode(engine.vectors());
                        } else {
                            if (fixedKey != k * 100_000 + j) {
                                fixedAcceptance = d.acceptanceByCode(engine.vectors());
                                fixedKey = k * 100_000 + j;
                            }
                            acceptance = fixedAcceptance;
                        }
                        block.add(new Placed(k, j, s, engine.sky(seed, s, d, acceptance)));
                    }
                    writeBlock(file, block);
                    res.addAll(block);
                    done.add(b[3] - b[2]);
                }
                return res.iterator();
            }).collect();
            if (stopAfterBlocks >= 0) {
                throw new IllegalStateException("stopped after " + work.size() + " blocks (as a killed run)");
            }
            seconds = p.elapsedSeconds();
        } finally {
            SKIES.remove(specId);
        }
        placed = new ArrayList<>(placed);
        placed.sort(Comparator.comparingInt(Placed::direction).thenComparingInt(Placed::amplitude)
                .thenComparingLong(Placed::sky));
        List<ValidationSummary.Row> rows = new ArrayList<>();
        int i = 0;
        for (int k = 0; k < spec.directions().size(); k++) {
            List<List<SkyOutcome>> byAmplitude = new ArrayList<>();
            for (int j = 0; j < spec.ladder().length; j++) {
                List<SkyOutcome> list = new ArrayList<>();
                for (long s = 0; s < skies; s++) {
                    list.add(placed.get(i++).outcome());
                }
                byAmplitude.add(list);
            }
            rows.addAll(ValidationSummary.summarise(selections, spec.directions().get(k).name(), spec.ladder(),
                    byAmplitude));
        }
        write(rows, out.resolve(Tables.VALIDATION), metadata);
        try {
            org.cranisotropy.io.DirectoryCommit.delete(staging);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Result(total, seconds, rows, reused);
    }

    private static String blockName(long[] b) {
        return "block-" + b[0] + "-" + b[1] + "-" + b[2] + ".bin";
    }

    /** A fresh staging directory with the fingerprint, or (resume) the existing one if its fingerprint matches. */
    private static void prepareStaging(Path staging, String fingerprint, boolean resume) {
        Path stamp = staging.resolve("_VALIDATION");
        try {
            if (resume && Files.exists(stamp)) {
                String old = Files.readString(stamp);
                if (!old.equals(fingerprint)) {
                    throw new org.cranisotropy.io.BadInputException(staging + ": holds another validation (" + old
                            + "), not this one (" + fingerprint + "); run without --resume to start afresh");
                }
                return;
            }
            org.cranisotropy.io.DirectoryCommit.delete(staging);
            Files.createDirectories(staging);
            Files.writeString(stamp, fingerprint);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes a block's outcomes whole: to a temporary name, then renamed into place. */
    private static void writeBlock(Path file, List<Placed> block) {
        Path tmp = file.resolveSibling(file.getFileName() + ".part-" + java.util.UUID.randomUUID());
        try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(new java.io.BufferedOutputStream(
                Files.newOutputStream(tmp)))) {
            o.writeObject(new ArrayList<>(block));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Placed> readBlock(Path file) {
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.BufferedInputStream(
                Files.newInputStream(file)))) {
            return (List<Placed>) in.readObject();
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new IllegalStateException(file + ": unreadable block of an interrupted validation: " + e, e);
        }
    }

    private static void write(List<ValidationSummary.Row> rows, Path dir, Map<String, String> metadata) {
        ParquetTableWriter w = new ParquetTableWriter().column(Tables.KIND, Kind.STRING).column(Tables.THRESHOLD_GEV, Kind.DOUBLE)
                .column(Tables.EMIN_GEV, Kind.DOUBLE).column(Tables.EMAX_GEV, Kind.DOUBLE).column("delta_true", Kind.DOUBLE)
                .column("direction", Kind.STRING).column("method", Kind.STRING).column("skies", Kind.LONG)
                .column("coverage", Kind.DOUBLE).column("coverage_err", Kind.DOUBLE)
                .column("ul_p02275", Kind.DOUBLE).column("ul_p15865", Kind.DOUBLE).column("ul_p50", Kind.DOUBLE)
                .column("ul_p84135", Kind.DOUBLE).column("ul_p97725", Kind.DOUBLE)
                .column("delta_mean", Kind.DOUBLE).column("delta_median", Kind.DOUBLE).column("delta_rms", Kind.DOUBLE)
                .column("neyman_belt_delta", Kind.DOUBLE).column("angle68_deg", Kind.DOUBLE).column("angle95_deg", Kind.DOUBLE)
                .column("power_local_3sigma", Kind.DOUBLE).column("power_global_3sigma", Kind.DOUBLE)
                .column("ks_local", Kind.DOUBLE).column("frac_local_below_005", Kind.DOUBLE)
                .column("frac_local_below_001", Kind.DOUBLE).column("ks_global", Kind.DOUBLE)
                .column("frac_global_below_005", Kind.DOUBLE).column("frac_global_below_001", Kind.DOUBLE);
        for (ValidationSummary.Row r : rows) {
            double[] q = r.ulQuantiles();
            ValidationSummary.Selection s = r.selection();
            w.row(s.kind(), s.thresholdGev(), s.eminGev(), s.emaxGev(), r.deltaTrue(), r.direction(), r.method(),
                    r.skies(), r.coverage(), r.coverageErr(), q[0], q[1], q[2], q[3], q[4], r.deltaMean(),
                    r.deltaMedian(), r.deltaRms(), r.deltaQ05(), r.angle68Deg(), r.angle95Deg(), r.powerLocal(),
                    r.powerGlobal(), r.ksLocal(), r.localBelow005(), r.localBelow001(), r.ksGlobal(),
                    r.globalBelow005(), r.globalBelow001());
        }
        w.write(dir, metadata);
    }

    /**
     * The end-to-end calibration ({@link org.cranisotropy.validation.EndToEnd}): data sets 0..n-1, one per
     * task unit, each generated, analysed and given its own Monte Carlo on an executor; the driver reduces
     * the p-values to validation_end_to_end/.
     */
    public static List<org.cranisotropy.validation.EndToEnd.Calibration> endToEnd(SparkSession spark,
            org.cranisotropy.validation.EndToEnd spec, int datasets, int partitions, Path out,
            Map<String, String> metadata, PrintWriter progress) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Long> work = new ArrayList<>();
        for (long k = 0; k < datasets; k++) {
            work.add(k);
        }
        Broadcast<org.cranisotropy.validation.EndToEnd> b = sc.broadcast(spec);
        LongAccumulator done = sc.sc().longAccumulator("data sets done");
        List<org.cranisotropy.validation.EndToEnd.Outcome> outcomes;
        try (ProgressReporter p = new ProgressReporter(progress, "end-to-end", "data sets", datasets, done, 5000)) {
            // one data set per task by default: a task reports its progress when it ends
            int slices = Math.max(1, Math.min(datasets, partitions > 0 ? partitions : datasets));
            outcomes = new ArrayList<>(sc.parallelize(work, slices).map(k -> {
                org.cranisotropy.validation.EndToEnd.Outcome o = b.value().run(k);
                done.add(1);
                return o;
            }).collect());
        }
        outcomes.sort(Comparator.comparingLong(org.cranisotropy.validation.EndToEnd.Outcome::dataset));
        List<org.cranisotropy.validation.EndToEnd.Calibration> rows = spec.calibrate(outcomes);
        ParquetTableWriter w = new ParquetTableWriter().column(Tables.KIND, Kind.STRING).column(Tables.THRESHOLD_GEV, Kind.DOUBLE)
                .column(Tables.EMIN_GEV, Kind.DOUBLE).column(Tables.EMAX_GEV, Kind.DOUBLE).column("datasets", Kind.LONG)
                .column("samples_each", Kind.LONG)
                .column("frac_below_005", Kind.DOUBLE).column("expected_below_005", Kind.DOUBLE)
                .column("binomial_p_005", Kind.DOUBLE).column("frac_below_001", Kind.DOUBLE)
                .column("expected_below_001", Kind.DOUBLE).column("binomial_p_001", Kind.DOUBLE)
                .column("ks", Kind.DOUBLE).column("ks_p", Kind.DOUBLE);
        for (org.cranisotropy.validation.EndToEnd.Calibration c : rows) {
            w.row(c.kind(), c.thresholdGev(), c.eminGev(), c.emaxGev(), c.datasets(), (long) spec.samples(),
                    c.fracBelow005(), c.expectedBelow005(), c.binomialP005(), c.fracBelow001(), c.expectedBelow001(),
                    c.binomialP001(), c.ks(), c.ksP());
        }
        w.write(out.resolve("validation_end_to_end"), metadata);
        return rows;
    }
}
