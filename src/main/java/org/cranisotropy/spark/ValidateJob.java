package org.cranisotropy.spark;

import java.io.PrintWriter;
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
import org.cranisotropy.io.ParquetTableWriter;
import org.cranisotropy.io.ParquetTableWriter.Kind;
import org.cranisotropy.montecarlo.InjectedDipole;
import org.cranisotropy.validation.InjectedSkies;
import org.cranisotropy.validation.SkyOutcome;
import org.cranisotropy.validation.ValidationSpec;
import org.cranisotropy.validation.ValidationSummary;

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
    public record Result(long skies, double seconds, List<ValidationSummary.Row> rows) {}

    public static Result run(SparkSession spark, ValidationSpec spec, List<ValidationSummary.Selection> selections,
            long skies, int partitions, Path out, Map<String, String> metadata, PrintWriter progress) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<long[]> work = new ArrayList<>();
        for (int k = 0; k < spec.directions().size(); k++) {
            for (int j = 0; j < spec.ladder().length; j++) {
                for (long s = 0; s < skies; s += BLOCK) {
                    work.add(new long[] {k, j, s, Math.min(skies, s + BLOCK)});
                }
            }
        }
        long total = skies * spec.ladder().length * spec.directions().size();
        Broadcast<ValidationSpec> bspec = sc.broadcast(spec);
        long specId = bspec.id();
        LongAccumulator done = sc.sc().longAccumulator("skies done");
        List<Placed> placed;
        double seconds;
        try (ProgressReporter p = new ProgressReporter(progress, "validate", "skies", total, done, 5000)) {
            int slices = Math.max(1, Math.min(work.size(), partitions > 0 ? partitions : 16 * sc.defaultParallelism()));
            placed = sc.parallelize(work, slices).mapPartitions(it -> {
                ValidationSpec v = bspec.value();
                InjectedSkies engine = SKIES.computeIfAbsent(specId,
                        id -> new InjectedSkies(v.simulation().build(), v.reference(), v.noise()));
                List<Placed> res = new ArrayList<>();
                double[] fixedAcceptance = null;
                int fixedKey = -1;
                while (it.hasNext()) {
                    long[] b = it.next();
                    int k = (int) b[0];
                    int j = (int) b[1];
                    long seed = v.skySeed(k);
                    boolean random = v.directions().get(k).random();
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
                        res.add(new Placed(k, j, s, engine.sky(seed, s, d, acceptance)));
                    }
                    done.add(b[3] - b[2]);
                }
                return res.iterator();
            }).collect();
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
        write(rows, out.resolve("validation"), metadata);
        return new Result(total, seconds, rows);
    }

    private static void write(List<ValidationSummary.Row> rows, Path dir, Map<String, String> metadata) {
        ParquetTableWriter w = new ParquetTableWriter().column("kind", Kind.STRING).column("threshold_gev", Kind.DOUBLE)
                .column("emin_gev", Kind.DOUBLE).column("emax_gev", Kind.DOUBLE).column("delta_true", Kind.DOUBLE)
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
}
