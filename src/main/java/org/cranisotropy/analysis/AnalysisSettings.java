package org.cranisotropy.analysis;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.cranisotropy.exposure.EventClass;

/**
 * The settings of the data step (the {@code cra.analysis} section of a run configuration; every key
 * is documented in conf/demo.conf).
 *
 * @param selection         energy-dependent class selection
 * @param standardThresholds the standard thresholds (GeV)
 * @param gridCount         number of log-spaced grid thresholds over the selected events' energy range
 * @param everyEvent        whether to scan every event's energy
 * @param binEdgesGev       edges of the independent energy bins (GeV)
 */
public record AnalysisSettings(ClassSelection selection, double[] standardThresholds, int gridCount,
        boolean everyEvent, double[] binEdgesGev) {

    /**
     * The grid thresholds of a data set: {@link #gridCount} values log-spaced from its lowest to its
     * highest selected energy (none when the count is 0). The data step and the Monte Carlo both take
     * the grid from here, so their thresholds are the same doubles and join exactly.
     */
    public double[] gridThresholds(PreparedSample data) {
        return gridCount > 0 ? EnergyScan.logGrid(data.energyGev(data.size() - 1), data.energyGev(0), gridCount)
                : new double[0];
    }

    /**
     * The settings in force, in the terms of {@code cra.analysis}, for output metadata (a run without a
     * configuration file records what it used), e.g. {@code standard-thresholds-gev [125, 250] grid-count
     * 200 every-event true bin-edges-gev [50, 100] class-selection [A,B 0-475.5 GeV; A,B,C,D 475.5-1e12 GeV]}.
     */
    public String describe() {
        StringBuilder rules = new StringBuilder();
        for (ClassSelection.Rule r : selection.rules()) {
            rules.append(rules.length() == 0 ? "" : "; ")
                    .append(r.classes().stream().sorted().map(Enum::name).reduce((a, b) -> a + "," + b).orElse(""))
                    .append(' ').append(number(r.eminGev())).append('-').append(number(r.emaxGev())).append(" GeV");
        }
        return "standard-thresholds-gev " + numbers(standardThresholds) + " grid-count " + gridCount + " every-event "
                + everyEvent + " bin-edges-gev " + numbers(binEdgesGev) + " class-selection [" + rules + "]"
                + " exposure-floor " + number(selection.exposureFloor());
    }

    private static String numbers(double[] v) {
        return java.util.Arrays.stream(v).mapToObj(AnalysisSettings::number)
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private static String number(double x) {
        return String.format(java.util.Locale.ROOT, "%.6g", x).replaceFirst("\\.?0+(e|$)", "$1");
    }

    /**
     * The exposure floor when cra.analysis.exposure-floor is not set: pixels below 1 % of the selection
     * exposure's maximum leave the analysis (chosen by cra validate on the demo run, method.md section 8).
     */
    public static final double DEFAULT_EXPOSURE_FLOOR = 0.01;

    /** The defaults of conf/demo.conf. */
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(ClassSelection.calet2025().withExposureFloor(DEFAULT_EXPOSURE_FLOOR),
                EnergyScan.standardThresholds(), 200, true,
                new double[] {50, 65, 100, 158, 251, 398, 562, 1000, 5000});
    }

    /** Reads {@code cra.analysis} of a resolved configuration. */
    public static AnalysisSettings from(Config root) {
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
            double[] standard = EnergyScan.logGrid(std.getDouble("emin-gev"), std.getDouble("emax-gev"), std.getInt("count"));
            double[] bins = c.getDoubleList("bin-edges-gev").stream().mapToDouble(Double::doubleValue).toArray();
            for (int k = 1; k < bins.length; k++) {
                if (!(bins[k] > bins[k - 1])) {
                    throw new IllegalArgumentException("cra.analysis.bin-edges-gev must increase: " + c.getValue("bin-edges-gev").render(com.typesafe.config.ConfigRenderOptions.concise()));
                }
            }
            ClassSelection selection;
            try {
                selection = new ClassSelection(rules, c.hasPath("exposure-floor") ? c.getDouble("exposure-floor")
                        : DEFAULT_EXPOSURE_FLOOR);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cra.analysis.class-selection / exposure-floor: " + e.getMessage(), e);
            }
            return new AnalysisSettings(selection, standard, c.getInt("grid-count"), c.getBoolean("every-event"), bins);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("configuration: " + e.getMessage(), e);
        }
    }
}
