package org.cranisotropy.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.cranisotropy.io.FooterKeys;
import org.cranisotropy.io.StoragePath;
import org.cranisotropy.analysis.AnalysisSettings;
import org.cranisotropy.analysis.EnergyScan;
import org.cranisotropy.analysis.LowMultipoles;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.io.ExposureFiles;
import org.cranisotropy.io.ParquetTable;
import org.cranisotropy.io.ParquetTableReader;
import org.cranisotropy.limits.Fermi2010UpperLimit;
import org.cranisotropy.montecarlo.MonteCarloOptions;
import org.cranisotropy.montecarlo.ScanPlan;
import org.cranisotropy.montecarlo.SimulationSpec;
import org.cranisotropy.spark.SimulateJob;
import org.cranisotropy.spark.SparkSessions;
import org.cranisotropy.spark.ValidateJob;
import org.cranisotropy.validation.IsotropicReference;
import org.cranisotropy.validation.ValidationSpec;
import org.cranisotropy.validation.ValidationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.cranisotropy.io.Tables;

/** {@code cra validate}: coverage, calibration, recovery and power of the run's limits and p-values. */
@Command(
        name = "validate",
        header = "Coverage of the limits and calibration of the p-values on injected skies (Spark).",
        mixinStandardHelpOptions = true,
        description = {"Makes M skies per injected dipole amplitude and direction, equivalent to the run's "
                + "isotropic samples (same exposure, selection, event count and energies or spectrum, read "
                + "from the bands' metadata), each with the dipole I(n) = 1 + D d.n injected, measures them "
                + "like the data and puts them through the run's p-values and every limit. Writes "
                + "DIR/validation/ (Parquet): per selection, amplitude, direction and limit column the "
                + "coverage, the expected-limit band, the recovery of amplitude and direction, the power at "
                + "3 sigma and the calibration of the p-values. Afterwards cra limits fills ul_delta_neyman "
                + "and the expected limits from it."})
final class ValidateCommand implements Runnable {
    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "The run configuration (as cra run reads it): cra.analysis, cra.run.out/events/exposure.")
    Path config;

    @Option(names = "--results", paramLabel = "DIR",
            description = "The run's results (measured_*, samples/, bands/); default cra.run.out of --config.")
    Path results;

    @Option(names = "--skies", paramLabel = "M", defaultValue = "1000",
            description = "Skies per amplitude and direction. Default ${DEFAULT-VALUE}.")
    long skies;

    @Option(names = "--amplitudes", paramLabel = "A1,A2,...", split = ",",
            description = "Injected amplitudes in (0, 1] (0 is always added). Default: a ladder in steps of sqrt(2) "
                    + "from half the smallest to four times the largest median expected Fermi-LAT 2010 limit of the "
                    + "run's selections (at most 1).")
    double[] amplitudes;

    @Option(names = "--directions", paramLabel = "DIR", split = ";",
            description = "Injected directions, separated by ';': random (a new uniform direction per sky), vela "
                    + "(l 263.9, b -3.3) or L_DEG,B_DEG. Default: random;vela.")
    List<String> directions;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Master seed of the injected skies (their streams never meet the isotropic samples'). "
                    + "Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master; default cra.run.master of --config.")
    String master;

    @Option(names = "--resume", description = "Keep the blocks of skies an interrupted run of the same validation "
            + "left in DIR/.validation.tmp and make only the missing ones.")
    boolean resume;

    @Option(names = "--end-to-end", paramLabel = "K", defaultValue = "0",
            description = "Also K whole isotropic data sets from the event generator (cra.events of --config), each "
                    + "through the data step and a Monte Carlo of its own made like the run's (its own fitted "
                    + "spectrum or energies): the calibration of the p-values on data sets rather than on skies "
                    + "drawn like the samples. Writes DIR/validation_end_to_end/. Default 0 (not run).")
    int endToEnd;

    @Option(names = "--end-to-end-samples", paramLabel = "S", defaultValue = "200",
            description = "Isotropic samples per end-to-end data set (p-values in steps of 1/(S+1)). "
                    + "Default ${DEFAULT-VALUE}.")
    int endToEndSamples;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "0",
            description = "Spark tasks (0: 16 per core).")
    int partitions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Vela SNR, galactic (deg). */
    static final double VELA_L = 263.9;
    static final double VELA_B = -3.3;

    @Override
    public void run() {
        if (skies < 2) {
            throw new IllegalArgumentException("--skies must be >= 2, got " + skies);
        }
        Config conf = RunConfig.load(config);
        AnalysisSettings settings = RunConfig.analysis(config, conf);
        if (endToEnd > 0) {
            refuseShuffledEndToEnd(SimulationSettings.recipe(conf, null, null, null, null));
        }
        Config run = conf.getConfig("cra.run");
        Path out = results != null ? results : StoragePath.of(run.getString("out"));
        String sparkMaster = master != null ? master : run.getString("master");
        Path eventsPath = run.getString("events").isEmpty() ? out.resolve(Tables.EVENTS) : StoragePath.of(run.getString("events"));
        Path exposurePath = run.getString("exposure").isEmpty() ? out.resolve(Tables.EXPOSURE)
                : StoragePath.of(run.getString("exposure"));
        for (String t : new String[] {"samples", "bands"}) {
            if (!Files.isDirectory(out.resolve(t))) {
                throw new BadInputException(out.resolve(t) + ": missing (run cra run or cra simulate first)");
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        ExposureCube cube = ExposureFiles.read(exposurePath);
        EventSample events = EventSample.read(eventsPath);
        PreparedSample prepared = PreparedSample.of(events, eventsPath.toString(), cube, settings.selection());
        double[] grid = settings.gridThresholds(prepared);
        ScanPlan plan = new ScanPlan(prepared, settings.standardThresholds(), grid, settings.binEdgesGev());
        List<ValidationSummary.Selection> selections = selections(plan);

        Map<String, String> bandsFooter = footer(out.resolve(Tables.BANDS));
        MonteCarloOptions options = options(bandsFooter, out);
        double[] noise = noise(prepared, plan);
        long t0 = System.nanoTime();
        IsotropicReference reference = new IsotropicReference(SimulateJob.sampleDeltas(out.resolve(Tables.SAMPLES), selections));
        err.printf(Locale.ROOT, "validate: %d isotropic samples read as the p-value reference in %.1f s%n",
                reference.samples(), (System.nanoTime() - t0) / 1e9);
        double[] ladder = amplitudes != null ? withZero(amplitudes) : defaultLadder(out.resolve(Tables.BANDS));
        List<ValidationSpec.Direction> dirs = directions(directions == null ? List.of("random", "vela") : directions);
        SimulationSpec simulation = new SimulationSpec(events, eventsPath.toString(), cube, settings.selection(),
                settings.standardThresholds(), grid, settings.binEdgesGev(), 0L, options);
        ValidationSpec vspec = new ValidationSpec(simulation, reference, noise, ladder, dirs, seed);
        err.printf(Locale.ROOT, "validate: %s%n", AnalyzeCommand.sky(prepared));
        err.printf(Locale.ROOT, "validate: %d skies x %d amplitudes %s x %d directions, samples made from: %s%n", skies,
                ladder.length, java.util.Arrays.toString(ladder), dirs.size(), options.describe());
        err.flush();

        Map<String, String> extra = new LinkedHashMap<>();
        extra.put(FooterKeys.RESULTS, out.toString());
        extra.put(FooterKeys.SEED, Long.toString(seed));
        extra.put(FooterKeys.SKIES, Long.toString(skies));
        extra.put(FooterKeys.AMPLITUDES, java.util.Arrays.toString(ladder));
        extra.put(FooterKeys.DIRECTIONS, String.join(";", directions == null ? List.of("random", "vela") : directions));
        extra.put(FooterKeys.SAMPLES_MADE_FROM, options.describe());
        extra.put(FooterKeys.REFERENCE_SAMPLES, Integer.toString(reference.samples()));
        extra.put(FooterKeys.ANALYSIS, settings.describe());
        extra.put(FooterKeys.SKY, AnalyzeCommand.sky(prepared));
        Map<String, String> metadata = RunConfig.metadata("validate", conf, extra);
        SparkSession spark = SparkSessions.create("cra validate", sparkMaster);
        ValidateJob.Result r;
        try {
            r = ValidateJob.run(spark, vspec, selections, skies, partitions, out, metadata, err, resume, -1);
        } finally {
            spark.stop();
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%d skies in %.1f s (%.1f skies/s); wrote %s%n", r.skies(), r.seconds(),
                r.skies() / r.seconds(), out.resolve(Tables.VALIDATION));
        if (r.reusedSkies() > 0) {
            o.printf("resumed: %d skies reused from the interrupted run%n", r.reusedSkies());
        }
        printCoverage(o, r.rows());
        o.flush();
        if (endToEnd > 0) {
            endToEnd(conf, cube, settings, out, sparkMaster, extra, err, o);
        }
    }

    /** The end-to-end calibration: data sets from cra.events, each with its own Monte Carlo. */
    private void endToEnd(Config conf, ExposureCube cube, AnalysisSettings settings, Path out, String sparkMaster,
            Map<String, String> extra, PrintWriter err, PrintWriter o) {
        Config ev = conf.getConfig("cra.events");
        org.cranisotropy.events.BrokenPowerLaw flux = new org.cranisotropy.events.BrokenPowerLaw(
                ev.getDouble("spectrum.index"), ev.getDouble("spectrum.index-high"), ev.getDouble("spectrum.break-gev"),
                ev.getDouble("spectrum.softness"), ev.getDouble("emin-gev"), ev.getDouble("emax-gev"));
        double[] period = ExposureCommand.periodMjd(conf);
        org.cranisotropy.montecarlo.SampleRecipe recipe = SimulationSettings.recipe(conf, null, null, null, null);
        refuseShuffledEndToEnd(recipe);
        org.cranisotropy.validation.EndToEnd e2e = new org.cranisotropy.validation.EndToEnd(cube, flux,
                ev.getInt("count"), period[0], period[1], settings.selection(), settings.standardThresholds(),
                settings.binEdgesGev(), recipe, endToEndSamples, seed);
        err.printf(Locale.ROOT, "end-to-end: %d data sets of %d generated events, %d samples each (%s energies%s)%n",
                endToEnd, ev.getInt("count"), endToEndSamples, recipe.energies().name().toLowerCase(Locale.ROOT),
                recipe.fitted() ? ", spectrum fitted to each data set, model " + recipe.model().key() : "");
        Map<String, String> meta = new LinkedHashMap<>(extra);
        meta.put(FooterKeys.END_TO_END_DATASETS, Integer.toString(endToEnd));
        meta.put(FooterKeys.END_TO_END_SAMPLES, Integer.toString(endToEndSamples));
        SparkSession spark = SparkSessions.create("cra validate (end to end)", sparkMaster);
        List<org.cranisotropy.validation.EndToEnd.Calibration> rows;
        try {
            rows = ValidateJob.endToEnd(spark, e2e, endToEnd, partitions, out, RunConfig.metadata("validate", conf, meta),
                    err);
        } finally {
            spark.stop();
        }
        o.printf(Locale.ROOT, "End-to-end calibration (%d data sets, %d samples each): fraction of data sets with "
                + "p <= 0.05 and <= 0.01 against the exact expectation, binomial P(as many or more), KS p:%n",
                endToEnd, endToEndSamples);
        for (org.cranisotropy.validation.EndToEnd.Calibration c : rows) {
            String where = c.kind().equals("scan") ? "whole scan (trial-corrected)" : c.kind().equals("bin")
                    ? String.format(Locale.ROOT, "bin %.0f-%.0f GeV", c.eminGev(), c.emaxGev())
                    : String.format(Locale.ROOT, "E >= %.0f GeV", c.thresholdGev());
            o.printf(Locale.ROOT, "  %-28s %5.3f (exp. %.3f, P %.3g)  %5.3f (exp. %.3f, P %.3g)  KS p %.3g%n", where,
                    c.fracBelow005(), c.expectedBelow005(), c.binomialP005(), c.fracBelow001(), c.expectedBelow001(),
                    c.binomialP001(), c.ksP());
        }
        o.printf("wrote %s%n", out.resolve("validation_end_to_end"));
        o.flush();
    }

    /** The end-to-end data sets are made without times: their Monte Carlo cannot shuffle them. */
    private static void refuseShuffledEndToEnd(org.cranisotropy.montecarlo.SampleRecipe recipe) {
        if (recipe.energies() == MonteCarloOptions.Energies.SHUFFLE) {
            throw new IllegalArgumentException("--end-to-end makes each data set's Monte Carlo by the run's recipe, "
                    + "and cra.simulation.energies = shuffle is not available there (its data sets have no times); "
                    + "use spectrum or data for the end-to-end calibration");
        }
    }

    /** The selections of the plan in the order of the sampler's rows: thresholds (plan order), then bins. */
    static List<ValidationSummary.Selection> selections(ScanPlan plan) {
        List<ValidationSummary.Selection> s = new ArrayList<>();
        for (ScanPlan.Threshold t : plan.thresholds()) {
            s.add(new ValidationSummary.Selection(t.kind(), t.gev(), Double.NaN, Double.NaN));
        }
        for (ScanPlan.Bin b : plan.bins()) {
            s.add(new ValidationSummary.Selection(ScanPlan.BIN, Double.NaN, b.eminGev(), b.emaxGev()));
        }
        return s;
    }

    /**
     * The data's white-noise level per selection (corrected), in the order of {@link #selections}: the
     * events above a threshold, or between a bin's edges, are the plan's own counts of the data.
     */
    static double[] noise(PreparedSample prepared, ScanPlan plan) {
        EnergyScan scan = new EnergyScan(new LowMultipoles(prepared.exposure().nside()), prepared);
        int[] counts = plan.dataCounts();
        double[] noise = new double[plan.thresholds().size() + plan.bins().size()];
        int r = 0;
        for (ScanPlan.Threshold t : plan.thresholds()) {
            noise[r++] = scan.noise(0, counts[t.snapshot()], true);
        }
        for (ScanPlan.Bin b : plan.bins()) {
            noise[r++] = scan.noise(counts[b.fromSnapshot()], counts[b.toSnapshot()], true);
        }
        return noise;
    }

    static Map<String, String> footer(Path table) {
        List<Path> parts = ParquetTableReader.parts(table);
        if (parts.isEmpty()) {
            throw new BadInputException(table + ": no Parquet part files");
        }
        return ParquetTableReader.footer(parts.get(0));
    }

    /** How the bands' samples were made, from their footer. */
    static MonteCarloOptions options(Map<String, String> footer, Path out) {
        String made = footer.getOrDefault(FooterKeys.SAMPLES_MADE_FROM, "");
        boolean poisson = made.contains("Poisson");
        String spectrum = footer.get(FooterKeys.SPECTRUM);
        if (made.startsWith(MonteCarloOptions.SHUFFLE_DESCRIPTION)) {
            // injected skies need directions drawn from the exposure: those of the data-energies recipe, the
            // exposure-model counterpart of shuffled times (same energies and classes)
            return new MonteCarloOptions(MonteCarloOptions.Energies.DATA, null, false);
        }
        if (made.startsWith("data energies")) {
            return new MonteCarloOptions(MonteCarloOptions.Energies.DATA, null, poisson);
        }
        if (spectrum == null) {
            throw new BadInputException(out.resolve(Tables.BANDS) + ": footer has no cra.spectrum (made by an older cra "
                    + "simulate?); run cra simulate again");
        }
        return new MonteCarloOptions(MonteCarloOptions.Energies.SPECTRUM,
                org.cranisotropy.events.FluxSpectrum.parse(spectrum), poisson);
    }

    static double[] withZero(double[] given) {
        double[] a = java.util.Arrays.stream(given).filter(x -> x != 0.0).sorted().toArray();
        for (double x : a) {
            if (!(x > 0 && x <= 1)) {
                throw new IllegalArgumentException("--amplitudes must be in (0, 1], got " + x);
            }
        }
        double[] out = new double[a.length + 1];
        System.arraycopy(a, 0, out, 1, a.length);
        return java.util.Arrays.stream(out).distinct().toArray();
    }

    /**
     * 0, then sqrt(2) steps from half the smallest median expected Fermi-LAT 2010 limit (2.92 x the band's
     * median delta) over the corrected selections to four times the largest, at most 1.
     */
    static double[] defaultLadder(Path bands) {
        ParquetTable t = ParquetTableReader.read(bands);
        double[] p50 = t.numeric("delta_p50");
        double[] corrected = t.numeric(Tables.CORRECTED);
        double k = Math.sqrt(3) / Fermi2010UpperLimit.at95().uStar();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int i = 0; i < p50.length; i++) {
            if (corrected[i] != 0 && p50[i] > 0) {
                lo = Math.min(lo, k * p50[i]);
                hi = Math.max(hi, k * p50[i]);
            }
        }
        List<Double> ladder = new ArrayList<>(List.of(0.0));
        double top = Math.min(1.0, 4 * hi);
        for (double a = lo / 2; a * Math.pow(2, 0.25) < top; a *= Math.sqrt(2)) {
            ladder.add(Double.parseDouble(String.format(Locale.ROOT, "%.3g", a)));
        }
        ladder.add(top);
        return ladder.stream().mapToDouble(Double::doubleValue).distinct().sorted().toArray();
    }

    static List<ValidationSpec.Direction> directions(List<String> names) {
        List<ValidationSpec.Direction> out = new ArrayList<>();
        for (String n : names) {
            String s = n.trim().toLowerCase(Locale.ROOT);
            if (s.equals("random")) {
                out.add(ValidationSpec.Direction.anyDirection());
            } else if (s.equals("vela")) {
                out.add(ValidationSpec.Direction.fixed("vela", VELA_L, VELA_B));
            } else {
                String[] v = s.split(",");
                try {
                    if (v.length != 2) {
                        throw new NumberFormatException();
                    }
                    double l = Double.parseDouble(v[0]);
                    double b = Double.parseDouble(v[1]);
                    out.add(ValidationSpec.Direction.fixed(String.format(Locale.ROOT, "%g,%g", l, b), l, b));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--directions: '" + n + "' is not random, vela or L_DEG,B_DEG");
                }
            }
        }
        return out;
    }

    /**
     * Per direction, method and amplitude over the standard thresholds and the bins: the mean coverage and
     * the smallest one with its selection; * where the mean lies below 0.95 by more than 2 standard errors.
     */
    static void printCoverage(PrintWriter o, List<ValidationSummary.Row> rows) {
        o.println("Coverage of the 95 % limits (fraction of skies whose limit is >= the injected amplitude) over the");
        o.println("standard thresholds and bins: mean, and the smallest with where; * = mean below 0.95 by > 2 sigma");
        Map<String, List<ValidationSummary.Row>> groups = new LinkedHashMap<>();
        for (ValidationSummary.Row r : rows) {
            if (!r.selection().kind().equals(ScanPlan.GRID) && !Double.isNaN(r.coverage())) {
                groups.computeIfAbsent(String.format(Locale.ROOT, "%-8s %-26s %7.4f", r.direction(), r.method(),
                        r.deltaTrue()), k -> new ArrayList<>()).add(r);
            }
        }
        groups.forEach((k, list) -> {
            double sum = 0;
            double var = 0;
            ValidationSummary.Row worst = list.get(0);
            for (ValidationSummary.Row r : list) {
                sum += r.coverage();
                var += r.coverageErr() * r.coverageErr();
                if (r.coverage() < worst.coverage()) {
                    worst = r;
                }
            }
            double mean = sum / list.size();
            double err = Math.sqrt(var) / list.size();
            ValidationSummary.Selection s = worst.selection();
            o.printf(Locale.ROOT, "%s  mean %.3f, smallest %.3f +- %.3f at %s%s%n", k, mean, worst.coverage(),
                    worst.coverageErr(), s.kind().equals(ScanPlan.BIN)
                            ? String.format(Locale.ROOT, "bin %.0f-%.0f GeV", s.eminGev(), s.emaxGev())
                            : String.format(Locale.ROOT, "E >= %.0f GeV", s.thresholdGev()),
                    mean < 0.95 - 2 * err ? " *" : "");
        });
    }
}
