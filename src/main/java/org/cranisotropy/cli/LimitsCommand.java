package org.cranisotropy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.cranisotropy.spark.LimitsJob;
import org.cranisotropy.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cra limits}: the driver step over the measured tables and the Monte Carlo bands. */
@Command(
        name = "limits",
        header = "Upper limits and p-values of the data against the bands.", mixinStandardHelpOptions = true,
        description = {"Upper limits for the data: per threshold the Fermi-LAT 2010 limit and the local p-value of",
            "the measured delta among the isotropic samples; per bin the Fermi-LAT 2017 likelihood-ratio and",
            "Bayesian limits. Reads DIR/measured_*, DIR/bands, DIR/samples; writes DIR/limits/ (Parquet)."})
final class LimitsCommand implements Runnable {
    @Option(names = "--results", required = true, paramLabel = "DIR",
            description = "Directory holding measured_thresholds/, measured_bins/, samples/ and bands/.")
    Path results;

    @Option(names = "--master", paramLabel = "URL", defaultValue = SparkSessions.DEFAULT_MASTER,
            description = "Spark master. Default ${DEFAULT-VALUE}.")
    String master;

    @Option(names = "--all", description = "Print every grid threshold too (default: standard thresholds and bins).")
    boolean all;

    @Option(names = "--quiet", description = "Write the table only, print nothing.")
    boolean quiet;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        for (String t : new String[] {"measured_thresholds", "measured_bins", "samples", "bands"}) {
            if (!results.resolve(t).toFile().isDirectory()) {
                throw new IllegalArgumentException(results.resolve(t) + ": missing (run cra analyze and cra simulate first)");
            }
        }
        Map<String, String> madeFrom = new java.util.LinkedHashMap<>(ResultsConsistency.check(results));
        madeFrom.put("cra.results", results.toString());
        SparkSession spark = SparkSessions.create("cra limits", master);
        List<LimitsJob.LimitRow> rows;
        try {
            rows = LimitsJob.run(spark, results, RunConfig.metadata("limits", null, madeFrom));
        } finally {
            spark.stop();
        }
        if (!quiet) {
            print(spec.commandLine().getOut(), rows, all);
        }
    }

    static void print(PrintWriter o, List<LimitsJob.LimitRow> rows, boolean all) {
        o.println("Thresholds (exposure corrected): delta against the isotropic band; 95 % CL upper limit (Fermi-LAT 2010)");
        o.printf("%-8s %10s %8s %8s %19s %19s %8s %8s%n", "kind", "E>=GeV", "N", "delta", "band 1sigma",
                "band 2sigma", "p", "UL");
        for (LimitsJob.LimitRow r : rows) {
            if (r.kind().equals("standard") || (all && r.kind().equals("grid"))) {
                o.printf("%-8s %10.1f %8d %8.4f [%8.4f,%8.4f] [%8.4f,%8.4f] %8.4f %8.4f%n", r.kind(), r.thresholdGev(),
                        r.nEvents(), r.delta(), r.bandP15865(), r.bandP84135(), r.bandP02275(), r.bandP97725(),
                        r.pValue(), r.ulDeltaFermi2010());
            }
        }
        rows.stream().filter(r -> !r.kind().equals("bin")).findFirst().ifPresent(r -> o.printf(
                "Trial-corrected p-value of the smallest local p-value over the scan: %.4f%n", r.pValueGlobal()));
        o.println("Bins: C1 (relative intensity), white noise C_N, 95 % limits on delta (LR; Bayes flat-C1; Bayes flat-delta)");
        o.printf("%-15s %8s %8s %10s %10s %8s %8s %8s%n", "E/GeV", "N", "delta", "C1", "C_N", "UL lr", "UL bay", "UL bayd");
        for (LimitsJob.LimitRow r : rows) {
            if (r.kind().equals("bin")) {
                o.printf("%6.0f-%-8.0f %8d %8.4f %10.3e %10.3e %8.4f %8.4f %8.4f%n", r.eminGev(), r.emaxGev(), r.nEvents(),
                        r.delta(), r.c1Rel(), r.cn(), r.ulDeltaLr(), r.ulDeltaBayes(), r.ulDeltaBayesFlatDelta());
            }
        }
        o.flush();
    }
}
