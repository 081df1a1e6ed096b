package org.cranisotropy.analysis;

/**
 * The settings of the data step (the {@code cra.analysis} section of a run configuration; every key
 * is documented in src/main/resources/reference.conf).
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
}
