package org.cranisotropy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cranisotropy.io.FooterKeys;
import org.cranisotropy.io.MeasuredSpectrumCsv;
import com.typesafe.config.Config;
import org.cranisotropy.model.BurstPointSource;
import org.cranisotropy.model.DiffusionCoefficient;
import org.cranisotropy.model.MeasuredSpectrum;
import org.cranisotropy.model.PointSource;
import org.cranisotropy.model.VelaDipole;
import org.cranisotropy.model.VelaParameters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.cranisotropy.io.Tables;

/** {@code cra model}: expected anisotropy from source models (method.md section 7). */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "Expected dipole anisotropy from a source model (method.md section 7).",
        subcommands = {ModelCommand.VelaSubcommand.class})
final class ModelCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a model is required: vela");
    }

    /**
     * The source options of {@code cra model vela} and the keys of {@code cra.model.vela} they override (every name
     * of an option): the keys' values in reference.conf are the options' defaults, shown by --help.
     */
    static final Map<String, String> VELA_OPTION_KEYS = Map.of("--index", "index", "--gamma", "index", "--cutoff-gev",
            "cutoff-gev", "--ecut-gev", "cutoff-gev", "--emission-kyr", "emission-kyr", "--energy-erg", "energy-erg",
            "--distance-kpc", "distance-kpc", "--age-kyr", "age-kyr", "--l-deg", "l-deg", "--b-deg", "b-deg");

    /** The defaults of the source options and --measured: cra.model.vela of reference.conf, the one home of defaults. */
    static final class VelaDefaults implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec arg) {
            if (arg instanceof CommandLine.Model.OptionSpec o) {
                for (String name : o.names()) {
                    String key = name.equals("--measured") ? "measured-spectrum" : VELA_OPTION_KEYS.get(name);
                    if (key != null) {
                        return RunConfig.reference().getValue(SettingsReader.VELA + "." + key).unwrapped().toString();
                    }
                }
            }
            return null;
        }
    }

    /** {@code cra model vela}: the Vela SNR as the e+e- source of ICRC 2019, within the measured flux. */
    @Command(
            name = "vela",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            defaultValueProvider = VelaDefaults.class,
            description = {
                "Dipole expected from the Vela SNR, (l, b) = (263.9, -3.3) deg, as the e+e-",
                "source of CALET ICRC 2019 (section 4): injection Q ~ E^-index exp(-E/cutoff)",
                "at a constant rate over the emission time, W erg in e+e- above 1 GeV in all,",
                "diffusing with D(E) of ICRC 2019 eq. 4.1. The density at Earth is the burst",
                "solution of the diffusion-loss equation (Atoyan, Aharonian & Voelk 1995)",
                "integrated over the emission time (--emission-kyr 0: a burst).",
                "  delta_source = 3 D/c |grad f| / f (the source alone)",
                "  share        = min(1, J_Vela / J_measured), J_measured the total of --measured",
                "  delta        = delta_source * share (expected)",
                "Where J_Vela exceeds J_measured a warning on stderr says where and by how much",
                "(H.E.S.S. 2024 takes the measured spectrum as an upper bound on such a source).",
                "With --results DIR: for each of the run's thresholds and bins the flux-weighted",
                "mean of delta(E), which the exposure-corrected delta measures, into DIR/model/.",
                "Assumptions not from ICRC 2019:",
                "  - losses b0 E^2, b0 = 1.4e-16 GeV^-1 s^-1 (synchrotron and inverse Compton,",
                "    Thomson limit, ~1.4 eV/cm^3; ICRC 2019 used DRAGON and quotes none);",
                "  - the emission starts at the explosion (t_s ago) and lasts the emission time;",
                "  - the rest of the measured flux is isotropic;",
                "  - the default measured spectrum below 0.3 TeV: a power law of index 3.1 joined",
                "    to H.E.S.S. 2024 (approximate; the file says so and cites its sources);",
                "  - distance 0.29 kpc (ICRC 2019 rounds it to 0.3).",
                "The parameters come from cra.model.vela of --config (every key, with the defaults",
                "above, is in reference.conf; D(E) and the losses are set there only); a source",
                "option or --measured given here overrides its key. model/'s footer records them.",
                "Options:"
            })
    static final class VelaSubcommand implements Runnable {
        @Option(names = {"--index", "--gamma"}, paramLabel = "INDEX",
                description = "Injection index, Q ~ E^-index (default: cra.model.vela.index, ${DEFAULT-VALUE} = ICRC "
                        + "2019).")
        double index;

        @Option(names = {"--cutoff-gev", "--ecut-gev"}, paramLabel = "GEV",
                description = "Injection cut-off energy in GeV (default: cra.model.vela.cutoff-gev, ${DEFAULT-VALUE} "
                        + "= ICRC 2019).")
        double cutoffGev;

        @Option(names = "--emission-kyr", paramLabel = "KYR",
                description = "Emission time in kyr, constant rate from the explosion on; 0 = a burst (default: "
                        + "cra.model.vela.emission-kyr, ${DEFAULT-VALUE} = ICRC 2019).")
        double emissionKyr;

        @Option(names = "--energy-erg", paramLabel = "ERG",
                description = "Total energy injected in e+e- above 1 GeV, erg (default: cra.model.vela.energy-erg, "
                        + "${DEFAULT-VALUE} = ICRC 2019).")
        double energyErg;

        @Option(names = "--distance-kpc", paramLabel = "KPC",
                description = "Distance of the source in kpc (default: cra.model.vela.distance-kpc, ${DEFAULT-VALUE}).")
        double distanceKpc;

        @Option(names = "--age-kyr", paramLabel = "KYR",
                description = "Age of the source in kyr (default: cra.model.vela.age-kyr, ${DEFAULT-VALUE}).")
        double ageKyr;

        @Option(names = "--l-deg", paramLabel = "DEG",
                description = "Galactic longitude of the source, the dipole's direction (default: cra.model.vela.l-deg, "
                        + "${DEFAULT-VALUE}; printed only: the amplitude does not depend on it).")
        double lDeg;

        @Option(names = "--b-deg", paramLabel = "DEG",
                description = "Galactic latitude of the source (default: cra.model.vela.b-deg, ${DEFAULT-VALUE}; "
                        + "printed only).")
        double bDeg;

        @Option(names = "--measured", paramLabel = "FILE",
                description = "The measured e+e- spectrum, the total flux (default: cra.model.vela.measured-spectrum, "
                        + "${DEFAULT-VALUE}: H.E.S.S. 2024 above 0.3 TeV, an approximate power law below; the file "
                        + "cites its sources).")
        Path measured;

        @Option(names = "--config", paramLabel = "FILE",
                description = "Run configuration whose cra.model.vela gives the parameters (default: reference.conf's, "
                        + "ICRC 2019); the options above override it.")
        Path config;

        @Option(names = "--emin", paramLabel = "GEV", description = "Lowest energy of the printed points in GeV "
                + "(default ${DEFAULT-VALUE}).")
        double emin = 100.0;

        @Option(names = "--emax", paramLabel = "GEV", description = "Highest energy of the printed points in GeV "
                + "(default ${DEFAULT-VALUE}).")
        double emax = 20000.0;

        @Option(names = "--points", paramLabel = "N",
                description = "Number of printed energies, log-spaced (default ${DEFAULT-VALUE}).")
        int points = 30;

        @Option(names = "--results", paramLabel = "DIR",
                description = "A results directory (cra analyze): write the predictions for its thresholds and bins "
                        + "to DIR/model/ (Parquet).")
        Path results;

        @Option(names = "--json", description = "Print a JSON object (parameters, points, excess, predictions).")
        boolean json;

        @Option(names = "--quiet", description = "Print nothing on stdout (the warning still goes to stderr).")
        boolean quiet;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            if (!(emin > 0) || !Double.isFinite(emin)) {
                throw new IllegalArgumentException("--emin must be > 0, got " + emin);
            }
            if (!(emax >= emin) || !Double.isFinite(emax)) {
                throw new IllegalArgumentException("--emax must be >= --emin, got " + emax);
            }
            if (points < 1 || (points == 1 && emax != emin)) {
                throw new IllegalArgumentException("--points must be >= 2 (or 1 with --emin = --emax), got " + points);
            }
            Config conf = RunConfig.load(config);
            VelaParameters parameters = parameters(RunConfig.vela(config, conf));
            Path measured = given("--measured") ? this.measured : SettingsReader.velaMeasuredSpectrum(conf);
            MeasuredSpectrum total = MeasuredSpectrumCsv.read(measured);
            if (emin < total.eminGev() || emax > total.emaxGev()) {
                throw new IllegalArgumentException("--emin/--emax " + emin + " - " + emax + " GeV lie outside "
                        + measured + " (" + total.eminGev() + " - " + total.emaxGev() + " GeV)");
            }
            PointSource source = parameters.source();
            VelaDipole model = new VelaDipole(source, total);
            List<VelaDipole.Point> rows = model.scan(emin, emax, points);
            Optional<VelaDipole.Excess> excess = excess(model);
            PrintWriter err = spec.commandLine().getErr();
            excess.ifPresent(x -> {
                err.println("cra model vela: warning: " + excessText(x, measured.toString()));
                err.flush();
            });
            List<VelaPredictions.Row> predictions = null;
            if (results != null) {
                predictions = VelaPredictions.of(results, model);
                Map<String, String> extra = new LinkedHashMap<>();
                extra.put(FooterKeys.RESULTS, results.toString());
                extra.put(FooterKeys.MEASURED_SPECTRUM, measured.toString());
                extra.put(FooterKeys.MODEL, Json.write(parametersJson(parameters)).replaceAll("\\s+", ""));
                extra.put(FooterKeys.MODEL_EXCESS, excess.map(x -> excessText(x, measured.toString())).orElse("none"));
                VelaPredictions.write(predictions, results.resolve(Tables.MODEL), RunConfig.metadata("model vela",
                        config == null ? null : conf, extra));
            }
            if (quiet) {
                return;
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("parameters", parametersJson(parameters));
                o.put("measured", measured.toString());
                List<Map<String, Object>> a = new ArrayList<>();
                for (VelaDipole.Point p : rows) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("e_gev", p.energyGev());
                    m.put("delta_source", Double.isFinite(p.deltaSource()) ? p.deltaSource() : null);
                    m.put("share", p.share());
                    m.put("delta", p.delta());
                    m.put("e3j_vela", p.e3jSource());
                    m.put("e3j_measured", p.e3jMeasured());
                    a.add(m);
                }
                o.put("points", a);
                o.put("excess", excess.map(x -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("from_gev", x.fromGev());
                    m.put("to_gev", x.toGev());
                    m.put("max_ratio", x.maxRatio());
                    m.put("at_gev", x.atGev());
                    return (Object) m;
                }).orElse(null));
                if (predictions != null) {
                    List<Map<String, Object>> pr = new ArrayList<>();
                    for (VelaPredictions.Row r : predictions) {
                        if (!r.kind().equals("energy")) {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put(Tables.KIND, r.kind());
                            m.put("scan", r.scan());
                            m.put(Tables.THRESHOLD_GEV, Double.isNaN(r.thresholdGev()) ? null : r.thresholdGev());
                            m.put(Tables.EMIN_GEV, r.eminGev());
                            m.put(Tables.EMAX_GEV, r.emaxGev());
                            m.put("delta_pred", r.deltaPred());
                            m.put("delta_pred_counts", r.deltaPredCounts());
                            m.put("share", r.share());
                            pr.add(m);
                        }
                    }
                    o.put("predictions", pr);
                }
                out.println(Json.write(o));
            } else {
                VelaParameters v = parameters;
                out.printf(Locale.ROOT, "# Vela: (l, b) = (%s, %s) deg, d = %s kpc, age = %s kyr, %s, index %s, cut-off "
                        + "%s GeV, W = %s erg above 1 GeV; no particles above %.6g GeV%n", v.lDeg(), v.bDeg(),
                        v.distanceKpc(), v.ageKyr(), v.emissionKyr() == 0 ? "burst" : "constant injection over "
                                + v.emissionKyr() + " kyr", v.index(), v.cutoffGev(), v.energyErg(),
                        source.maxEnergyGev());
                DiffusionCoefficient d = v.diffusion();
                out.printf(Locale.ROOT, "# D(R): %s cm^2/s at %s GV, slope %s below and %s above %s GV (softness %s); "
                        + "losses b0 E^2, b0 = %s GeV^-1 s^-1%n", d.d0Cm2PerS(), d.r0Gv(), d.deltaLow(), d.deltaHigh(),
                        d.rbGv(), d.softness(), v.loss().b0PerGevPerS());
                out.printf(Locale.ROOT, "# measured total: %s; E^3 J in GeV^2 m^-2 s^-1 sr^-1%n", measured);
                out.printf(Locale.ROOT, "%12s %13s %11s %13s %12s %12s%n", "E_GeV", "delta_source", "share", "delta",
                        "E3J_vela", "E3J_measured");
                for (VelaDipole.Point p : rows) {
                    out.printf(Locale.ROOT, "%12.6g %13.6g %11.6g %13.6g %12.6g %12.6g%n", p.energyGev(),
                            p.deltaSource(), p.share(), p.delta(), p.e3jSource(), p.e3jMeasured());
                }
                if (predictions != null) {
                    out.printf(Locale.ROOT, "%nPredictions for the run's standard thresholds and bins (all in %s/model/):"
                            + "%n%-10s %10s %10s %12s %12s %9s%n", results, "selection", "Emin_GeV", "Emax_GeV",
                            "delta_pred", "(counts)", "share");
                    for (VelaPredictions.Row r : predictions) {
                        if (r.scan().equals("standard") || r.scan().equals("bin")) {
                            out.printf(Locale.ROOT, "%-10s %10.1f %10.1f %12.5g %12.5g %9.4g%n", r.scan(), r.eminGev(),
                                    r.emaxGev(), r.deltaPred(), r.deltaPredCounts(), r.share());
                        }
                    }
                }
            }
            out.flush();
        }

        /** Whether an option (any of its names) was given on the command line. */
        private boolean given(String option) {
            return spec.commandLine().getParseResult().hasMatchedOption(option);
        }

        /** An option's value when it was given, else the configuration's. */
        private double value(String option, double optionValue, double configured) {
            return given(option) ? optionValue : configured;
        }

        /** The name of a value in a message: the option when it was given, else its key. */
        private String name(String option) {
            return given(option) ? option : SettingsReader.VELA + "." + VELA_OPTION_KEYS.get(option);
        }

        /** The configured parameters (already checked) with the options given over them. */
        private VelaParameters parameters(VelaParameters c) {
            double index = value("--index", this.index, c.index());
            double cutoffGev = value("--cutoff-gev", this.cutoffGev, c.cutoffGev());
            double emissionKyr = value("--emission-kyr", this.emissionKyr, c.emissionKyr());
            double energyErg = value("--energy-erg", this.energyErg, c.energyErg());
            double distanceKpc = value("--distance-kpc", this.distanceKpc, c.distanceKpc());
            double ageKyr = value("--age-kyr", this.ageKyr, c.ageKyr());
            double lDeg = value("--l-deg", this.lDeg, c.lDeg());
            double bDeg = value("--b-deg", this.bDeg, c.bDeg());
            // the options' names in the messages: the record's own checks name its fields
            require(Double.isFinite(index), name("--index") + " must be finite, got " + index);
            require(cutoffGev > BurstPointSource.DEFAULT_NORM_MIN_GEV && Double.isFinite(cutoffGev),
                    name("--cutoff-gev") + " must be finite and > " + BurstPointSource.DEFAULT_NORM_MIN_GEV
                            + " GeV (W is counted above it), got " + cutoffGev);
            require(energyErg > 0 && Double.isFinite(energyErg), name("--energy-erg") + " must be finite and > 0, got "
                    + energyErg);
            require(distanceKpc > 0 && Double.isFinite(distanceKpc), name("--distance-kpc") + " must be > 0, got "
                    + distanceKpc);
            require(ageKyr > 0 && Double.isFinite(ageKyr), name("--age-kyr") + " must be > 0, got " + ageKyr);
            require(emissionKyr >= 0 && emissionKyr <= ageKyr, name("--emission-kyr") + " must be in [0, "
                    + name("--age-kyr") + " = " + ageKyr + "], got " + emissionKyr);
            require(lDeg >= 0 && lDeg < 360 && bDeg >= -90 && bDeg <= 90, name("--l-deg") + " must be in [0, 360) and "
                    + name("--b-deg") + " in [-90, 90], got " + lDeg + ", " + bDeg);
            return new VelaParameters(index, cutoffGev, emissionKyr, energyErg, distanceKpc, ageKyr, lDeg, bDeg,
                    c.diffusion(), c.loss());
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }

        private Map<String, Object> parametersJson(VelaParameters p) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", p.index());
            m.put("cutoff_gev", p.cutoffGev());
            m.put("emission_kyr", p.emissionKyr());
            m.put("energy_erg", p.energyErg());
            m.put("distance_kpc", p.distanceKpc());
            m.put("age_kyr", p.ageKyr());
            m.put("l_deg", p.lDeg());
            m.put("b_deg", p.bDeg());
            m.put("b0_per_gev_per_s", p.loss().b0PerGevPerS());
            DiffusionCoefficient d = p.diffusion();
            Map<String, Object> diffusion = new LinkedHashMap<>();
            diffusion.put("d0_cm2_per_s", d.d0Cm2PerS());
            diffusion.put("r0_gv", d.r0Gv());
            diffusion.put("break_gv", d.rbGv());
            diffusion.put("delta_low", d.deltaLow());
            diffusion.put("delta_high", d.deltaHigh());
            diffusion.put("softness", d.softness());
            m.put("diffusion", diffusion);
            return m;
        }
    }

    /** Points per decade of the scan for J_Vela &gt; J_measured. */
    static final int EXCESS_PER_DECADE = 40;

    /** Where J_Vela exceeds J_measured, over all energies the file covers and the source reaches. */
    static Optional<VelaDipole.Excess> excess(VelaDipole model) {
        double lo = model.measured().eminGev();
        double hi = Math.min(model.measured().emaxGev(), model.source().maxEnergyGev());
        if (!(hi > lo)) {
            return Optional.empty();
        }
        int n = (int) Math.ceil(Math.log10(hi / lo) * EXCESS_PER_DECADE) + 1;
        // just below the highest energy: at it the source has no particles left
        return model.excess(lo, hi * (1 - 1e-9), Math.max(2, n));
    }

    /** The warning's text: where J_Vela exceeds the measured total, and by how much. */
    static String excessText(VelaDipole.Excess x, String measured) {
        return String.format(Locale.ROOT, "the Vela flux exceeds the measured total (%s) from %s to %s, by up to a "
                + "factor %.3g at %s; its share is capped at 1 there. H.E.S.S. 2024 takes the measured spectrum as an "
                + "upper bound on a single source's flux, so these parameters overshoot it.", measured,
                energy(x.fromGev()), energy(x.toGev()), x.maxRatio(), energy(x.atGev()));
    }

    /** An energy in words: "350 GeV", "3.49 TeV". */
    static String energy(double gev) {
        return gev < 1000 ? String.format(Locale.ROOT, "%.3g GeV", gev) : String.format(Locale.ROOT, "%.3g TeV",
                gev / 1000);
    }
}
