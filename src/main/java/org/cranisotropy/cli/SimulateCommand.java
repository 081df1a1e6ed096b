package org.cranisotropy.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.cranisotropy.analysis.AnalysisSettings;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.FooterKeys;
import org.cranisotropy.montecarlo.MonteCarloOptions;
import org.cranisotropy.montecarlo.SimulationSpec;
import org.cranisotropy.spark.SimulateJob;
import org.cranisotropy.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.cranisotropy.io.Tables;

/** {@code cra simulate}: the isotropic Monte Carlo bands on Spark. */
@Command(
        name = "simulate",
        header = "Isotropic Monte Carlo samples and their bands (Spark).", mixinStandardHelpOptions = true,
        description = {"Isotropic Monte Carlo samples equivalent to the data (the data's number of selected "
                + "events, energies drawn from the fitted spectrum or the data's own energies and classes, "
                + "see --energies, directions drawn from the exposure), analysed like the data at the "
                + "standard and grid thresholds and the bins. Writes DIR/samples/ and DIR/bands/ (Parquet)."})
final class SimulateCommand implements Runnable {
    @picocli.CommandLine.Mixin
    DataInputs inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--samples", required = true, paramLabel = "N", description = "Number of isotropic samples.")
    long samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Master seed; sample k uses random stream (S, k). Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--master", paramLabel = "URL", defaultValue = SparkSessions.DEFAULT_MASTER,
            description = "Spark master (local[*], spark://host:7077, yarn, ...); '' keeps spark-submit's. "
                    + "Default ${DEFAULT-VALUE}.")
    String master;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "0",
            description = "Spark tasks of the simulation (0: up to 64 per core) and partitions of the bands "
                    + "(0: 4 x default parallelism).")
    int partitions;

    @Option(names = "--resume", description = "Keep the sample blocks an interrupted run of the same simulation "
            + "left in DIR/.samples.tmp and compute only the missing ones.")
    boolean resume;

    @Option(names = "--energies", paramLabel = "FROM",
            description = "Where sample energies come from: spectrum (drawn from the smoothly broken power law fitted "
                    + "to the data, see --spectrum-model, or --spectrum), data (the data's own energies and classes, "
                    + "directions from the exposure) or shuffle (the data's own events, energies, classes, zenith "
                    + "angles and azimuths, with their times permuted and the directions recomputed through the orbit "
                    + "of cra.exposure: needs the columns time, zenith_deg, azimuth_deg). "
                    + "Default: cra.simulation.energies (spectrum unless --config sets it).")
    String energies;

    @Option(names = "--spectrum", paramLabel = "G1,G2,EB,S|G1,G2,G3,EB1,EB2,S",
            description = "Use this flux instead of fitting one. Four numbers, one break: index below the break, "
                    + "index above, break energy (GeV), softness (dN/dE ~ (E/Eb)^-G1 (1 + (E/Eb)^(1/S))^(-(G2-G1) S)). "
                    + "Six numbers, two breaks with one softness (the shape --spectrum-model double fits): G1 below "
                    + "EB1, G2 between, G3 above EB2 >= EB1, times (1 + (E/EB2)^(1/S))^(-(G3-G2) S). "
                    + "Default: cra.simulation.spectrum when its fit = false.")
    String spectrumGiven;

    @Option(names = "--spectrum-model", paramLabel = "MODEL",
            description = "The fitted flux: single (one smooth break, no hardening), double (two breaks, each change "
                    + "of index of either sign) or auto (the double when the likelihood ratio test prefers it at "
                    + "p < 0.01, Wilks with 2 dof). Both fits and the test are printed. Default: "
                    + "cra.simulation.spectrum.model of --config, else auto.")
    String spectrumModel;

    @Option(names = "--poisson", negatable = true,
            description = "ICRC 2019 variant: Poisson event counts (every pixel Poisson with mean N x the selection's "
                    + "average exposure map). Default: cra.simulation.poisson (off unless --config sets it).")
    Boolean poisson;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Run configuration with cra.analysis (thresholds, bins, selection); default built-in.")
    Path config;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        OutputDirectory.require(out, "--out");
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be >= 1, got " + samples);
        }
        Config conf = RunConfig.load(config);
        AnalysisSettings settings = RunConfig.analysis(config, conf);
        ExposureCube cube = inputs.readExposure();
        EventSample data = inputs.readEvents();
        PreparedSample prepared = PreparedSample.of(data, inputs.eventsName(), cube, settings.selection());
        double[] grid = settings.gridThresholds(prepared);
        if (SimulationSettings.recipe(conf, energies, spectrumGiven, poisson, spectrumModel).energies()
                == MonteCarloOptions.Energies.SHUFFLE) {
            data.requireInstrumentFrame(inputs.eventsName(), "--energies shuffle");
        }
        org.cranisotropy.montecarlo.SampleRecipe.Made made = SimulationSettings.options(conf, energies, spectrumGiven,
                poisson, spectrumModel, prepared, spec.commandLine().getErr());
        MonteCarloOptions options = made.options();
        // the plan's own checks (a threshold above every selected event, an empty bin) here, as bad input,
        // rather than in every Spark task that builds the sampler
        new org.cranisotropy.montecarlo.ScanPlan(prepared, settings.standardThresholds(), grid, settings.binEdgesGev());
        SimulationSpec simulation = new SimulationSpec(data, inputs.eventsName(), cube, settings.selection(),
                settings.standardThresholds(), grid, settings.binEdgesGev(), seed, options);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put(FooterKeys.SAMPLES_MADE_FROM, options.describe());
        if (options.energies() == MonteCarloOptions.Energies.SPECTRUM) {
            extra.put(FooterKeys.SPECTRUM_FIT_QUALITY, SimulationSettings.checkFit(options, SimulationSettings.fitted(conf, spectrumGiven), prepared,
                    spec.commandLine().getErr()));
            // machine-readable (BrokenPowerLaw.toCsv): the report draws it
            extra.put(FooterKeys.SPECTRUM, options.spectrum().toCsv());
            if (made.choice() != null) {
                // both fits, their maximum log-likelihoods, the likelihood ratio and the model chosen
                extra.put(FooterKeys.SPECTRUM_MODEL, made.choice().summary());
            }
        }
        extra.put(FooterKeys.SEED, Long.toString(seed));
        extra.put(FooterKeys.SAMPLES, Long.toString(samples));
        extra.putAll(inputs.metadata());
        extra.put(FooterKeys.SELECTED_EVENTS, Integer.toString(prepared.size()));
        extra.put(FooterKeys.SKY, AnalyzeCommand.sky(prepared));
        extra.put(FooterKeys.ANALYSIS, settings.describe()); // in force, with or without --config
        Map<String, String> metadata = RunConfig.metadata("simulate", conf, extra);
        PrintWriter err = spec.commandLine().getErr();
        SparkSession spark = SparkSessions.create("cra simulate", master);
        try {
            SimulateJob.Result r = SimulateJob.run(spark, simulation, samples, partitions, out, metadata, err, resume);
            PrintWriter o = spec.commandLine().getOut();
            o.printf("%d samples of %d events (%d thresholds, %d bins) on %s: %.1f s simulate (%.2f ms/sample), "
                    + "%.1f s bands%n", samples, prepared.size(), simulation.standardThresholds().length + grid.length,
                    settings.binEdgesGev().length - 1, spark.sparkContext().master(), r.simulateSeconds(),
                    1000 * r.simulateSeconds() / samples, r.bandsSeconds());
            if (r.reusedSamples() > 0) {
                o.printf("resumed: %d samples reused from the interrupted run%n", r.reusedSamples());
            }
            o.printf("wrote %s and %s%n", out.resolve(Tables.SAMPLES), out.resolve(Tables.BANDS));
            o.flush();
        } finally {
            spark.stop();
        }
    }
}
