package org.cranisotropy.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cranisotropy.io.StoragePath;
import org.cranisotropy.io.Sha256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.cranisotropy.io.Tables;

/**
 * {@code cra run}: the whole chain (exposure, generate, analyze, simulate, validate, limits, model) from one run
 * configuration. A step is skipped when its outputs exist and were made from the same inputs: each
 * step leaves OUT/.cra-steps/NAME with a SHA-256 of its configuration sections and options, and
 * runs again when that differs.
 */
@Command(
        name = "run",
        header = "Run the whole chain of a configuration, skipping up-to-date steps.", mixinStandardHelpOptions = true,
        description = {"Run the analysis chain of a configuration (cra.run, cra.exposure, cra.events, cra.analysis,",
            "cra.simulation, cra.model.vela): exposure (or given maps), generate (or a given event file), analyze,",
            "simulate, validate, limits, and the Vela model's predictions for the run's thresholds and bins",
            "(cra model vela --results, with the parameters of cra.model.vela).",
            "Steps whose outputs exist and match the configuration are skipped."})

final class RunCommand implements Runnable {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Run configuration, e.g. conf/demo.conf.")
    Path config;

    @Option(names = "--force", description = "Run every step even if its outputs are up to date.")
    boolean force;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master for the Spark steps, overriding cra.run.master ('' keeps spark-submit's).")
    String master;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Config conf = RunConfig.load(config);
        Config run = conf.getConfig("cra.run");
        // what the later steps read is checked before the first step replaces a table
        RunConfig.check(config, () -> SimulationSettings.check(conf));
        RunConfig.analysis(config, conf);
        RunConfig.check(config, () -> SettingsReader.exposure(conf));
        RunConfig.vela(config, conf);
        Path out = OutputDirectory.require(StoragePath.of(run.getString("out")), "cra.run.out");
        String master = this.master != null ? this.master : run.getString("master");
        String events = run.getString("events");
        String exposure = run.getString("exposure");
        String samples = Long.toString(run.getLong("samples"));
        String seed = Long.toString(run.getLong("seed"));
        String cfg = config.toString();
        Path exposureDir = exposure.isEmpty() ? out.resolve(Tables.EXPOSURE) : StoragePath.of(exposure);
        Path eventsPath = events.isEmpty() ? out.resolve(Tables.EVENTS) : StoragePath.of(events);
        PrintWriter err = spec.commandLine().getErr();

        if (exposure.isEmpty()) {
            step(out, "exposure", section(conf, "cra.exposure"), List.of(exposureDir.resolve("manifest.csv")),
                    "exposure", "--config", cfg, "--out", out.toString(), "--master", master);
        }
        String maps = fingerprintOf(exposureDir); // the maps are final from here on: hashed once
        if (events.isEmpty()) {
            step(out, "generate", section(conf, "cra.events") + maps, List.of(eventsPath),
                    "generate", "--config", cfg, "--out", out.toString(), "--exposure", exposureDir.toString());
        }
        String inputs = fingerprintOf(eventsPath) + maps + section(conf, "cra.analysis");
        step(out, "analyze", inputs, List.of(out.resolve(Tables.MEASURED_THRESHOLDS), out.resolve(Tables.MEASURED_BINS)),
                "analyze", "--events", eventsPath.toString(), "--exposure", exposureDir.toString(), "--out",
                out.toString(), "--config", cfg);
        step(out, "simulate", inputs + section(conf, "cra.simulation") + samples + "/" + seed, List.of(out.resolve(Tables.SAMPLES), out.resolve(Tables.BANDS)),
                "simulate", "--events", eventsPath.toString(), "--exposure", exposureDir.toString(), "--out",
                out.toString(), "--samples", samples, "--seed", seed, "--master", master, "--config", cfg);
        long skies = run.getLong("validate-skies");
        String validated = "";
        if (skies > 0) {
            step(out, "validate", fingerprintOf(out.resolve(".cra-steps/simulate")) + skies + "/" + seed,
                    List.of(out.resolve(Tables.VALIDATION)), "validate", "--config", cfg, "--results", out.toString(),
                    "--skies", Long.toString(skies), "--seed", seed, "--master", master);
            validated = fingerprintOf(out.resolve(".cra-steps/validate"));
        }
        step(out, "limits", fingerprintOf(out.resolve(".cra-steps/analyze")) + fingerprintOf(out.resolve(".cra-steps/simulate"))
                + validated, List.of(out.resolve(Tables.LIMITS)), "limits", "--results", out.toString(), "--master", master,
                "--quiet");
        // the parameters and the measured spectrum of cra.model.vela (cra model vela reads them from the configuration)
        Path measured = SettingsReader.velaMeasuredSpectrum(conf);
        step(out, "model", fingerprintOf(out.resolve(".cra-steps/analyze")) + maps + section(conf, SettingsReader.VELA)
                + fingerprintOf(measured), List.of(out.resolve(Tables.MODEL)), "model", "vela", "--results",
                out.toString(), "--config", cfg, "--quiet");
        err.flush();
        summary(spec.commandLine().getOut(), out);
    }

    /** The standard-threshold limits, where the tables are, and example queries that work on them. */
    static void summary(PrintWriter o, Path out) {
        org.cranisotropy.events.RawTable t = org.cranisotropy.events.EventFileReader.readTable(out.resolve(Tables.LIMITS));
        String[] kind = t.text(Tables.KIND);
        double[] thr = t.numeric(Tables.THRESHOLD_GEV);
        double[] n = t.numeric(Tables.N_EVENTS);
        double[] delta = t.numeric("delta");
        double[] lo = t.numeric("band_p15865");
        double[] hi = t.numeric("band_p84135");
        double[] p = t.numeric("p_value");
        double[] ul = t.numeric("ul_delta_fermi2010");
        double[] global = t.numeric("p_value_global");
        o.println();
        o.println("Dipole above the standard thresholds (exposure corrected), isotropic 1-sigma band, local p-value,");
        o.println("95 % CL upper limit (Fermi-LAT 2010):");
        o.printf("%10s %8s %8s %19s %7s %8s%n", "E >= GeV", "N", "delta", "isotropic 1 sigma", "p", "UL");
        for (int i = 0; i < t.rows(); i++) {
            if (kind[i].equals("standard")) {
                o.printf("%10.1f %8.0f %8.4f   [%6.4f, %6.4f] %7.4f %8.4f%n", thr[i], n[i], delta[i], lo[i], hi[i], p[i], ul[i]);
            }
        }
        for (int i = 0; i < t.rows(); i++) {
            if (kind[i].equals("standard")) {
                o.printf("Trial-corrected p-value of the largest excess over the whole scan (standard and grid "
                        + "thresholds, bins): %.4f%n", global[i]);
                break;
            }
        }
        String d = out.toString();
        // events/ and exposure/ are in OUT only when the run made them (not with cra.run.events / .exposure)
        boolean events = Files.isDirectory(out.resolve(Tables.EVENTS));
        boolean exposure = Files.isDirectory(out.resolve(Tables.EXPOSURE));
        boolean validation = Files.isDirectory(out.resolve(Tables.VALIDATION));
        boolean model = Files.isDirectory(out.resolve(Tables.MODEL));
        o.printf("%nThe result tables (Parquet) are in %s/: %smeasured_thresholds/ measured_bins/ samples/ "
                + "(partitioned by chunk and kind) bands/ %slimits/%s;%n%s`cra limits --results %s --all` prints every "
                + "threshold.%n", d, events ? "events/ " : "", validation ? "validation/ " : "",
                model ? " model/ (the Vela model's predictions)" : "",
                exposure ? "exposure/ holds the maps (healpy-readable FITS, manifest.csv, exposure.parquet). " : "", d);
        o.println();
        o.println("Example queries, Spark SQL through cra (each table is a view named after its directory):");
        for (String q : QUERIES_SPARK) {
            if ((events || !q.contains("FROM events")) && (validation || !q.contains("FROM validation"))
                    && (model || !q.contains("FROM model"))) {
                o.printf("  submit/cra sql --results %s \"%s\"%n", d, q);
            }
        }
        o.println("and the same with DuckDB (duckdb CLI from the repository top):");
        for (String q : QUERIES_DUCKDB) {
            o.printf("  %s;%n", q.replace("OUT", d));
        }
        o.flush();
    }

    static final String[] QUERIES_SPARK = {
        "SELECT threshold_gev, n_events, delta, band_p15865, band_p84135, p_value, ul_delta_fermi2010 FROM limits "
                + "WHERE kind = 'standard' ORDER BY threshold_gev",
        "SELECT threshold_gev, delta_p50, delta_p84135, delta_p97725 FROM bands WHERE kind = 'grid' AND corrected "
                + "ORDER BY threshold_gev LIMIT 10",
        "SELECT method, delta_true, round(avg(coverage), 3) AS mean_coverage, round(min(coverage), 3) AS min_coverage "
                + "FROM validation WHERE direction = 'random' AND kind <> 'grid' GROUP BY method, delta_true "
                + "ORDER BY method, delta_true",
        "SELECT event_class, count(*) AS n, max(energy_gev) AS emax_gev FROM events WHERE energy_gev > 5000 "
                + "GROUP BY event_class ORDER BY event_class",
        "SELECT m.threshold_gev, m.delta_pred, l.delta, l.ul_delta_fermi2010 FROM model m JOIN limits l "
                + "ON l.kind = m.scan AND l.threshold_gev = m.threshold_gev WHERE m.scan = 'standard' "
                + "ORDER BY m.threshold_gev"
    };

    static final String[] QUERIES_DUCKDB = {
        "SELECT threshold_gev, n_events, delta, band_p15865, band_p84135, p_value, ul_delta_fermi2010 FROM "
                + "read_parquet('OUT/limits/*.parquet') WHERE kind = 'standard' ORDER BY threshold_gev",
        "SELECT threshold_gev, delta_p50, delta_p84135, delta_p97725 FROM read_parquet('OUT/bands/*.parquet') "
                + "WHERE kind = 'grid' AND corrected ORDER BY threshold_gev LIMIT 10",
        "SELECT kind, corrected, count(*) AS n FROM read_parquet('OUT/samples/**/*.parquet', hive_partitioning = true) "
                + "GROUP BY ALL ORDER BY ALL"
    };

    /** Runs a cra subcommand unless its outputs exist and its recorded fingerprint matches. */
    private void step(Path out, String name, String fingerprint, List<Path> outputs, String... args) {
        PrintWriter err = spec.commandLine().getErr();
        Path marker = out.resolve(".cra-steps").resolve(name);
        // the tool version (with its source revision) is part of every step's fingerprint: a new build redoes
        // the steps instead of mixing outputs of two versions
        String digest = Sha256.of(Version.get() + "\n" + fingerprint);
        // the marker also holds the state of the step's outputs as it left them: an output rewritten since
        // (e.g. a cra simulate of other settings into the same directory) makes the step and its followers run
        boolean upToDate = !force && outputs.stream().allMatch(Files::exists) && Files.exists(marker)
                && (digest + "\n" + stateOf(outputs)).equals(read(marker));
        if (upToDate) {
            err.println("cra run: " + name + " is up to date (" + outputs.get(0) + "), skipped");
            return;
        }
        err.println("cra run: " + name + " ...");
        err.flush();
        int code = Cra.commandLine(spec.commandLine().getOut(), err).execute(args);
        if (code != 0) {
            throw new Cra.StepFailed(name, code);
        }
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, digest + "\n" + stateOf(outputs), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String section(Config conf, String path) {
        return conf.hasPath(path) ? conf.getConfig(path).root().render(ConfigRenderOptions.concise()) : "";
    }

    /**
     * Names, sizes and SHA-256 of the contents of a file tree (an input): a file rewritten with the same
     * size and an old modification time (cp -p, touch -d) still counts as changed.
     */
    private static String fingerprintOf(Path p) {
        return tree(p, f -> Files.size(f) + ":" + Sha256.ofFile(f));
    }

    /** Names, sizes and modification times of the files of a step's outputs, as the step left them. */
    private static String stateOf(List<Path> outputs) {
        StringBuilder b = new StringBuilder();
        for (Path o : outputs) {
            b.append(tree(o, f -> Files.size(f) + ":" + Files.getLastModifiedTime(f).toMillis()));
        }
        return Sha256.of(b.toString());
    }

    private interface FileSummary {
        String of(Path file) throws IOException;
    }

    private static String tree(Path p, FileSummary summary) {
        if (!Files.exists(p)) {
            return p + ":missing;";
        }
        List<String> parts = new ArrayList<>();
        try (var walk = Files.walk(p)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                parts.add(f + ":" + summary.of(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(";", parts) + ";";
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
