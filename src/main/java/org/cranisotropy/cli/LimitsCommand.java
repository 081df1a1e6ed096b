package org.cranisotropy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.cranisotropy.io.FooterKeys;
import org.cranisotropy.spark.LimitsJob;
import org.cranisotropy.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.cranisotropy.io.Tables;

/** {@code cra limits}: the driver step over the measured tables and the Monte Carlo bands. */
@Command(
        name = "limits",
        header = "Upper limits and p-values of the data against the bands.", mixinStandardHelpOptions = true,
        description = {"Upper limits and p-values for the data: per threshold and bin the local p-value of the "
                + "measured delta among the isotropic samples and the Fermi-LAT 2010 limit, per bin the "
                + "Fermi-LAT 2017 likelihood-ratio limit, the trial-corrected p-value of the scan, the "
                + "direction against Vela; after cra validate the Neyman limits, expected limits and "
                + "direction radius. Reads DIR/measured_*, bands/, samples/ and validation/ if present; "
                + "writes DIR/limits/ (Parquet)."})
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
            if (!Files.isDirectory(results.resolve(t))) {
                throw new IllegalArgumentException(results.resolve(t) + ": missing (run cra analyze and cra simulate first)");
            }
        }
        Map<String, String> madeFrom = new java.util.LinkedHashMap<>(ResultsConsistency.check(results));
        madeFrom.put(FooterKeys.RESULTS, results.toString());
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
        boolean neyman = rows.stream().anyMatch(r -> !Double.isNaN(r.ulDeltaNeyman()));
        o.println("Thresholds (exposure corrected): delta against the isotropic band, local p-value, 95 % CL upper limits");
        o.println("(Fermi-LAT 2010" + (neyman ? "; Neyman from cra validate, random directions and Vela" : "")
                + ") and the median expected limit of " + (neyman ? "the Neyman construction" : "Fermi-LAT 2010") + ":");
        o.printf("%-8s %9s %7s %8s %19s %8s %8s%s %8s%n", Tables.KIND, "E>=GeV", "N", "delta", "band 1sigma", "p", "UL",
                neyman ? String.format("%8s %8s", "UL ney", "UL vela") : "", "UL exp");
        for (LimitsJob.LimitRow r : rows) {
            if (r.kind().equals("standard") || (all && r.kind().equals("grid"))) {
                o.printf("%-8s %9.1f %7d %8.4f [%8.4f,%8.4f] %8.4f %8.4f%s %8.4f%n", r.kind(), r.thresholdGev(),
                        r.nEvents(), r.delta(), r.bandP(1), r.bandP(3), r.pValue(), r.ulDeltaFermi2010(),
                        neyman ? String.format(" %8.4f %8.4f", r.ulDeltaNeyman(), r.ulDeltaNeymanVela()) : "",
                        r.ulExpected()[2]);
            }
        }
        rows.stream().findFirst().ifPresent(r -> o.printf(
                "Trial-corrected p-value of the scan (standard and grid thresholds and bins): %.4f%n", r.pValueGlobal()));
        o.println("Bins: local p, C1 (relative intensity), white noise C_N, 95 % limits on delta (Fermi-LAT 2010; "
                + "likelihood ratio" + (neyman ? "; Neyman" : "") + ")");
        o.printf("%-15s %8s %8s %8s %10s %10s %8s %8s%s%n", "E/GeV", "N", "delta", "p", "C1", "C_N", "UL f2010", "UL lr",
                neyman ? String.format(" %8s", "UL ney") : "");
        for (LimitsJob.LimitRow r : rows) {
            if (r.kind().equals("bin")) {
                o.printf("%6.0f-%-8.0f %8d %8.4f %8.4f %10.3e %10.3e %8.4f %8.4f%s%n", r.eminGev(), r.emaxGev(),
                        r.nEvents(), r.delta(), r.pValue(), r.c1Rel(), r.cn(), r.ulDeltaFermi2010(), r.ulDeltaLr(),
                        neyman ? String.format(" %8.4f", r.ulDeltaNeyman()) : "");
            }
        }
        o.println("Direction: the dipole's angle to Vela and the fraction of isotropic skies pointing at least as close:");
        for (LimitsJob.LimitRow r : rows) {
            if (r.kind().equals("standard")) {
                o.printf("  E >= %7.1f GeV: (l, b) = (%6.1f, %5.1f), %5.1f deg from Vela, p = %.4f%s%n", r.thresholdGev(),
                        r.dipoleLDeg(), r.dipoleBDeg(), r.angleVelaDeg(), r.pDirectionVela(),
                        Double.isNaN(r.directionR68Deg()) ? ""
                                : String.format(" (direction error: 68 %% within %.0f deg, 95 %% within %.0f deg)",
                                        r.directionR68Deg(), r.directionR95Deg()));
            }
        }
        o.flush();
    }
}
