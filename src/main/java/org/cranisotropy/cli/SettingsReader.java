package org.cranisotropy.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.cranisotropy.analysis.AnalysisSettings;
import org.cranisotropy.analysis.ClassSelection;
import org.cranisotropy.analysis.EnergyScan;
import org.cranisotropy.exposure.DetectorAcceptance;
import org.cranisotropy.exposure.EnergyBinning;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.exposure.ExposureModel;
import org.cranisotropy.exposure.IssOrbit;
import org.cranisotropy.exposure.LiveTimeModel;
import org.cranisotropy.exposure.ObservationPeriod;
import org.cranisotropy.model.DiffusionCoefficient;
import org.cranisotropy.model.EnergyLoss;
import org.cranisotropy.model.VelaParameters;

/**
 * Sections of a resolved run configuration (loaded over reference.conf, so every key is present) as the typed
 * settings the science core takes: the core never reads a configuration. A missing, mistyped or bad value
 * raises IllegalArgumentException naming the key and value (and, from Typesafe Config, the file and line).
 */
public final class SettingsReader {
    private SettingsReader() {}

    /** The defaults of reference.conf as a resolved configuration. */
    public static Config defaults() {
        return RunConfig.reference();
    }

    /** {@code cra.analysis}: the class selection, the thresholds and the bins of the data step. */
    public static AnalysisSettings analysis(Config root) {
        try {
            Config c = root.getConfig("cra.analysis");
            List<ClassSelection.Rule> rules = new ArrayList<>();
            for (Config r : c.getConfigList("class-selection")) {
                EnumSet<EventClass> classes = EnumSet.noneOf(EventClass.class);
                for (String s : r.getStringList("classes")) {
                    classes.add(EventClass.parse(s));
                }
                rules.add(new ClassSelection.Rule(r.getDouble("emin-gev"), r.getDouble("emax-gev"), classes));
            }
            Config std = c.getConfig("standard-thresholds");
            double[] standard = EnergyScan.logGrid(std.getDouble("emin-gev"), std.getDouble("emax-gev"),
                    std.getInt("count"));
            double[] bins = c.getDoubleList("bin-edges-gev").stream().mapToDouble(Double::doubleValue).toArray();
            for (int k = 1; k < bins.length; k++) {
                if (!(bins[k] > bins[k - 1])) {
                    throw new IllegalArgumentException("cra.analysis.bin-edges-gev must increase: "
                            + c.getValue("bin-edges-gev").render(ConfigRenderOptions.concise()));
                }
            }
            ClassSelection selection;
            try {
                selection = new ClassSelection(rules, c.getDouble("exposure-floor"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cra.analysis.class-selection / exposure-floor: " + e.getMessage(),
                        e);
            }
            return new AnalysisSettings(selection, standard, c.getInt("grid-count"), c.getBoolean("every-event"), bins);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("configuration: " + e.getMessage(), e);
        }
    }

    /** {@code cra.exposure}: the orbit, live time, acceptance, period, energy binning and map resolution. */
    public static ExposureModel exposure(Config root) {
        String section = "cra.exposure";
        try {
            Config c = root.getConfig(section);
            Config o = c.getConfig("orbit");
            IssOrbit orbit = new IssOrbit(instant(o, "epoch"), o.getDouble("inclination-deg"),
                    o.getDouble("period-min"), o.getDouble("raan-at-epoch-deg"), o.getDouble("raan-rate-deg-per-day"),
                    o.getDouble("argument-of-latitude-at-epoch-deg"));
            Config l = c.getConfig("live-time");
            Config saa = l.getConfig("saa");
            LiveTimeModel live = new LiveTimeModel(l.getDouble("dead-time-fraction"), saa.getBoolean("enabled"),
                    saa.getDouble("lat-min-deg"), saa.getDouble("lat-max-deg"), saa.getDouble("lon-min-deg"),
                    saa.getDouble("lon-max-deg"));
            Config a = c.getConfig("acceptance");
            Map<EventClass, DetectorAcceptance.ClassAcceptance> classes = new EnumMap<>(EventClass.class);
            Config cl = a.getConfig("classes");
            for (String key : cl.root().keySet()) {
                EventClass ec = EventClass.parse(key);
                Config k = cl.getConfig(key);
                classes.put(ec, new DetectorAcceptance.ClassAcceptance(k.getDouble("peak-area-m2"),
                        k.getDouble("theta-min-deg"), k.getDouble("theta-max-deg"),
                        k.getDouble("energy-slope-per-decade")));
            }
            DetectorAcceptance acc = new DetectorAcceptance(classes, a.getDouble("edge-width-deg"),
                    a.getDouble("azimuth-4fold"), a.getDouble("energy-pivot-gev"));
            Config p = c.getConfig("period");
            ObservationPeriod period = new ObservationPeriod(instant(p, "start"), instant(p, "end"),
                    p.getDouble("step-s"));
            Config e = c.getConfig("energy");
            EnergyBinning binning = EnergyBinning.logarithmic(e.getDouble("min-gev"), e.getDouble("max-gev"),
                    e.getInt("bins"));
            Config d = c.getConfig("dwell");
            return new ExposureModel(orbit, live, acc, period, binning, c.getInt("nside"), d.getInt("nside"),
                    d.getInt("azimuth-bins"), c.getInt("partitions"));
        } catch (ConfigException e) {
            throw new IllegalArgumentException("configuration: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration " + section + ": " + e.getMessage(), e);
        }
    }

    /** The section of the Vela model. */
    static final String VELA = "cra.model.vela";

    /**
     * {@code cra.model.vela}: the source (injection, emission time, energy, distance, age, direction) and its
     * propagation (diffusion coefficient, energy loss) of the Vela model; the measured spectrum is
     * {@link #velaMeasuredSpectrum}.
     */
    public static VelaParameters vela(Config root) {
        try {
            Config c = root.getConfig(VELA);
            Config d = c.getConfig("diffusion");
            DiffusionCoefficient diffusion;
            try {
                diffusion = new DiffusionCoefficient(d.getDouble("d0-cm2-per-s"), d.getDouble("r0-gv"),
                        d.getDouble("break-gv"), d.getDouble("delta-low"), d.getDouble("delta-high"),
                        d.getDouble("softness"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("diffusion: " + e.getMessage(), e);
            }
            return new VelaParameters(c.getDouble("index"), c.getDouble("cutoff-gev"), c.getDouble("emission-kyr"),
                    c.getDouble("energy-erg"), c.getDouble("distance-kpc"), c.getDouble("age-kyr"), c.getDouble("l-deg"),
                    c.getDouble("b-deg"), diffusion, new EnergyLoss(c.getDouble("loss-b0-per-gev-per-s")));
        } catch (ConfigException e) {
            throw new IllegalArgumentException("configuration: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration " + VELA + ": " + e.getMessage(), e);
        }
    }

    /** {@code cra.model.vela.measured-spectrum}: the measured total e+e- spectrum (CSV) of the Vela model. */
    public static java.nio.file.Path velaMeasuredSpectrum(Config root) {
        try {
            return org.cranisotropy.io.StoragePath.of(root.getString(VELA + ".measured-spectrum"));
        } catch (ConfigException e) {
            throw new IllegalArgumentException("configuration: " + e.getMessage(), e);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("configuration " + VELA + ".measured-spectrum: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Config c, String key) {
        String text = c.getString(key);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigException.BadValue(c.origin(), key,
                    "expected an ISO-8601 UTC instant like 2015-10-13T00:00:00Z, got '" + text + "'");
        }
    }
}
