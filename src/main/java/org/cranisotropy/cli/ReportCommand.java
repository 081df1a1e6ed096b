package org.cranisotropy.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cranisotropy.report.Figure;
import org.cranisotropy.report.Report;
import org.cranisotropy.report.ReportOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cra report}: the HTML report (figures as PNG and SVG, the SQL behind them) of a results directory. */
@Command(
        name = "report",
        header = "HTML report of a run: figures (PNG + SVG) and the queries behind them.", mixinStandardHelpOptions = true,
        description = {"Draws the figures of a results directory (measured_thresholds,",
            "measured_bins, bands, limits, events, exposure): delta vs threshold with the",
            "isotropic bands, upper limits, binned limits, C2/C3, Mollweide sky maps, the",
            "highest-energy events against gamma-ray sources, the Vela model. Writes",
            "DIR/index.html (self-contained), STEM.png + STEM.svg per figure and queries.sql",
            "(the Spark SQL behind them). DIR is replaced whole."})
final class ReportCommand implements Runnable {
    @Option(names = "--results", required = true, paramLabel = "DIR", description = "Results directory of a run.")
    Path results;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report directory (replaced).")
    Path out;

    @Option(names = "--overlay", paramLabel = "FILE", description = "CSV energy_gev,ul,label of upper limits to "
            + "overlay on the limit figure (repeatable; one series per label).")
    List<Path> overlays = new ArrayList<>();

    @Option(names = "--published", paramLabel = "FILE", description = "CSV emin_gev,emax_gev,ul_delta of published "
            + "binned limits drawn beside the run's binned limits (repeatable; e.g. "
            + "conf/published/fermi-lat-2017-dipole-ul.csv, which cites its source).")
    List<Path> published = new ArrayList<>();

    @Option(names = "--catalog", paramLabel = "FILE", description = "Gamma-ray source catalogue (name and l_deg,b_deg "
            + "or ra_deg,dec_deg) for the TeV-event figure.")
    Path catalog;

    @Option(names = "--emin-events", paramLabel = "GEV", defaultValue = "5000",
            description = "Events drawn against the sources: E >= GEV (default ${DEFAULT-VALUE}).")
    double eminEvents;

    @Option(names = "--smoothing-deg", paramLabel = "DEG", defaultValue = "30",
            description = "Radius of the top-hat disc of the relative-intensity map (default ${DEFAULT-VALUE}).")
    double smoothingDeg;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        OutputDirectory.require(out, "--out");
        List<Figure> figures = Report.write(new ReportOptions(results, out, overlays, published, catalog, eminEvents, smoothingDeg,
                Version.get(), RunConfig::recordedAnalysis));
        spec.commandLine().getOut().printf("wrote %s/index.html (%d figures as PNG and SVG, queries.sql)%n", out,
                figures.size());
        spec.commandLine().getOut().flush();
    }
}
