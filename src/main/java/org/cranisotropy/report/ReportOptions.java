package org.cranisotropy.report;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.cranisotropy.analysis.AnalysisSettings;

/**
 * What {@code cra report} is asked for.
 *
 * @param results the results directory of a run
 * @param out the report directory (replaced whole at the end)
 * @param overlays CSV files of upper limits to overlay on the limit figure
 * @param published CSV files of published binned limits to draw beside the run's ({@link PublishedBinLimits})
 * @param catalog a gamma-ray source catalogue (null: none)
 * @param eminEventsGev the energy above which events are drawn against the sources
 * @param smoothingDeg radius of the top-hat disc of the relative-intensity map
 * @param toolVersion the version of the tool making the report
 * @param settingsOfRun the analysis settings of a run from its recorded configuration (metadata cra.config, JSON;
 *     null when the run recorded none); the command line supplies it, so the report reads no configuration
 */
public record ReportOptions(Path results, Path out, List<Path> overlays, List<Path> published, Path catalog,
        double eminEventsGev, double smoothingDeg, String toolVersion,
        Function<String, AnalysisSettings> settingsOfRun) {
    public ReportOptions {
        overlays = List.copyOf(overlays);
        published = List.copyOf(published);
        if (!(eminEventsGev > 0) || !Double.isFinite(eminEventsGev)) {
            throw new IllegalArgumentException("--emin-events must be finite and > 0, got " + eminEventsGev);
        }
        if (!(smoothingDeg > 0 && smoothingDeg <= 90)) {
            throw new IllegalArgumentException("--smoothing-deg must be in (0, 90], got " + smoothingDeg);
        }
    }
}
