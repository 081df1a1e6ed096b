package org.cranisotropy.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cranisotropy.analysis.AnalysisSettings;
import org.cranisotropy.analysis.BinRow;
import org.cranisotropy.analysis.EnergyScan;
import org.cranisotropy.analysis.LowMultipoles;
import org.cranisotropy.analysis.MeasuredTables;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.analysis.ThresholdRow;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.cranisotropy.io.FooterKeys;
import org.cranisotropy.io.Tables;

/** {@code cra analyze}: the data step on an event file and exposure maps. */
@Command(
        name = "analyze",
        header = "The data step: weights, threshold scans, bins, C0..C3 and delta.", mixinStandardHelpOptions = true,
        description = {"The data step: class selection, exposure weights (ICRC 2019 eq. 3.1), threshold scans",
            "(standard, every event, grid) and energy bins, C0..C3, delta and direction, with and without",
            "exposure correction. Writes DIR/measured_thresholds/ and DIR/measured_bins/ (Parquet)."})
final class AnalyzeCommand implements Runnable {
    @picocli.CommandLine.Mixin
    DataInputs data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Run configuration (HOCON) whose cra.analysis section is used; keys it does not set keep "
                    + "their defaults (src/main/resources/reference.conf).")
    Path config;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        OutputDirectory.require(out, "--out");
        PrintWriter log = spec.commandLine().getErr();
        Config conf = RunConfig.load(config);
        AnalysisSettings settings = RunConfig.analysis(config, conf);
        long t0 = System.nanoTime();
        ExposureCube cube = data.readExposure();
        EventSample sample = data.readEvents();
        PreparedSample prepared = PreparedSample.of(sample, data.eventsName(), cube, settings.selection());
        long t1 = System.nanoTime();
        EnergyScan scan = new EnergyScan(new LowMultipoles(cube.nside()), prepared);
        List<ThresholdRow> rows = new ArrayList<>(scan.thresholds("standard", settings.standardThresholds(), true));
        double[] grid = settings.gridThresholds(prepared);
        if (grid.length > 0) {
            rows.addAll(scan.thresholds("grid", grid, true));
        }
        long t2 = System.nanoTime();
        List<BinRow> bins = scan.bins(settings.binEdgesGev());
        Map<String, String> extra = data.metadata();
        extra.put(FooterKeys.SELECTED_EVENTS, Long.toString(prepared.size()));
        extra.put(FooterKeys.ANALYSIS, settings.describe()); // in force, with or without --config
        extra.put(FooterKeys.SKY, sky(prepared));
        // the every-event rows (two per distinct energy) go straight to the table as the scan makes them
        long[] scanNanos = new long[1];
        MeasuredTables.write(out, rows, sink -> {
            long s0 = System.nanoTime();
            if (settings.everyEvent()) {
                scan.everyEvent(sink);
            }
            scanNanos[0] = System.nanoTime() - s0;
        }, bins, RunConfig.metadata("analyze", conf, extra));
        long t4 = System.nanoTime();
        long t3 = t2 + scanNanos[0];
        PrintWriter o = spec.commandLine().getOut();
        o.printf("%d of %d events selected; Nside %d; %s%n", prepared.size(), sample.size(), cube.nside(), sky(prepared));
        o.printf("%-10s %10s %9s %9s %9s %9s%n", "threshold", "N", "delta", "delta_raw", "l_deg", "b_deg");
        for (int i = 0; i + 1 < rows.size() && rows.get(i).kind().equals("standard"); i += 2) {
            ThresholdRow c = rows.get(i);
            ThresholdRow r = rows.get(i + 1);
            o.printf("%7.1f GeV %10d %9.5f %9.5f %9.2f %9.2f%n", c.thresholdGev(), c.m().nEvents(), c.m().delta(),
                    r.m().delta(), c.m().dipoleLDeg(), c.m().dipoleBDeg());
        }
        o.printf("wrote %s and %s%n", out.resolve(Tables.MEASURED_THRESHOLDS), out.resolve(Tables.MEASURED_BINS));
        log.printf("timing: read+prepare %.2f s, standard+grid %.2f s, every-event scan and its writing %.2f s, "
                + "bins+write %.2f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
        o.flush();
        log.flush();
    }

    /** The sky the exposure floor leaves, for output and metadata. */
    static String sky(PreparedSample prepared) {
        var sel = prepared.selectionExposure();
        return String.format(java.util.Locale.ROOT, "exposure floor %g: %d of %d pixels left out, sky fraction %.5f",
                sel.selection().exposureFloor(), sel.maskedPixels(), prepared.exposure().npix(), sel.skyFraction());
    }
}
