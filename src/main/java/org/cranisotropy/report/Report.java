package org.cranisotropy.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cranisotropy.analysis.AnalysisSettings;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.association.GammaRaySource;
import org.cranisotropy.association.SourceCatalog;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.io.ExposureFiles;
import org.cranisotropy.io.FooterKeys;
import org.cranisotropy.io.ParquetTableWriter;

/**
 * Makes the report of a results directory: reads every input first (bad input fails before anything is
 * written), draws the figures into a temporary directory beside the output and renames it into place, so a
 * failed report leaves no partial output and a finished one replaces the old one whole.
 */
public final class Report {
    /** The section headings, in page order. */
    public static final List<String> HEADINGS = List.of("Dipole amplitude vs threshold energy", "Upper limits",
            "Binned limits", "Quadrupole and octupole", "Sky maps", "TeV events and gamma-ray sources", "Vela model",
            "Monte Carlo energies", "Validation of the limits and p-values");

    private Report() {}

    /** Writes the report; returns the figures written (in page order). */
    public static List<Figure> write(ReportOptions o) {
        ResultTables t = ResultTables.read(o.results());
        RunInfo run = RunInfo.of(t);
        List<OverlayLimits> overlays = new ArrayList<>();
        for (Path p : o.overlays()) {
            if (!Files.isRegularFile(p)) {
                throw new BadInputException(p + ": no such overlay file");
            }
            overlays.add(OverlayLimits.read(p));
        }
        List<PublishedBinLimits> published = new ArrayList<>();
        for (Path p : o.published()) {
            if (!Files.isRegularFile(p)) {
                throw new BadInputException(p + ": no such file of published limits");
            }
            published.add(PublishedBinLimits.read(p));
        }
        List<GammaRaySource> sources = List.of();
        if (o.catalog() != null) {
            if (!Files.isRegularFile(o.catalog())) {
                throw new BadInputException(o.catalog() + ": no such catalogue file");
            }
            sources = SourceCatalog.read(o.catalog()).sources();
        }
        AnalysisSettings settings = o.settingsOfRun().apply(RunInfo.MISSING.equals(run.config()) ? null : run.config());
        ExposureCube cube = ExposureFiles.read(t.exposurePath());
        PreparedSample data = PreparedSample.of(t.events(), t.eventsPath().toString(), cube, settings.selection());

        String results = o.results().toString().replace('\\', '/');
        ChartFigures charts = new ChartFigures(t, results);
        SkyFigures sky = new SkyFigures(t, charts, data, settings.selection());
        List<Section> sections = List.of(
                new Section(HEADINGS.get(0), "The dipole amplitude delta = 3 sqrt(C1/C0) of the events above each "
                        + "threshold energy, against what an isotropic sky gives with the same events' energies, classes "
                        + "and exposure.", List.of(charts.dipoleVsThreshold(true), charts.dipoleVsThreshold(false))),
                new Section(HEADINGS.get(1), "", List.of(charts.upperLimits(overlays))),
                new Section(HEADINGS.get(2), "", List.of(charts.binnedLimits(published))),
                new Section(HEADINGS.get(3), "The check of the exposure correction (ICRC 2019 section 5): the "
                        + "exposure's quadrupole shape imprints a C2 excess without correction; with correction C2 should "
                        + "fall to its isotropic band.", List.of(charts.quadrupoleOctupole(false),
                        charts.quadrupoleOctupole(true))),
                new Section(HEADINGS.get(4), "Mollweide projection in galactic coordinates, l = 0 at the centre and "
                        + "increasing to the left, l = 180 at both edges; graticule every 30 deg.",
                        sky.skyMaps(o.smoothingDeg())),
                new Section(HEADINGS.get(5), "", List.of(sky.tevEvents(o.eminEventsGev(), sources,
                        o.catalog() == null ? null : o.catalog().toString()))),
                new Section(HEADINGS.get(6), velaIntro(t), List.of(charts.velaModel())),
                new Section(HEADINGS.get(7), "", List.of(charts.energySpectrum(data, spectrum(run),
                        run.spectrumFitQuality(), sky.eventQueries(
                                "SELECT energy_gev, event_class FROM %s ORDER BY energy_gev DESC")))));
        if (t.validation() != null) {
            ValidationFigures v = new ValidationFigures(t, charts);
            sections = new ArrayList<>(sections);
            sections.add(new Section(HEADINGS.get(8), "From cra validate: skies equivalent to the data with known "
                    + "injected dipoles, analysed like the data. Every limit the report shows must cover the true "
                    + "amplitude in >= 95 % of them, and the p-values must be uniform under isotropy.",
                    List.of(v.coverage(), v.recovery(), v.expectedLimits(), v.calibration(), v.directionError())));
        }
        List<String> notes = new ArrayList<>();
        if (run.config().equals(RunInfo.MISSING)) {
            notes.add("The run recorded no configuration: the class selection of the sky maps is the built-in default.");
        }

        Path out = o.out().toAbsolutePath().normalize();
        Path parent = out.getParent();
        Path tmp = parent.resolve("." + out.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        List<Figure> figures = sections.stream().flatMap(s -> s.figures().stream()).toList();
        try {
            Files.createDirectories(parent);
            org.cranisotropy.io.DirectoryCommit.delete(tmp);
            Files.createDirectories(tmp);
            for (Figure f : figures) {
                FigureFiles.write(f, tmp);
            }
            Files.writeString(tmp.resolve("index.html"), ReportPage.html(results, run, o.toolVersion(), sections, notes),
                    StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("queries.sql"), ReportPage.queries(results, sections), StandardCharsets.UTF_8);
            org.cranisotropy.io.DirectoryCommit.replace(tmp, out);
        } catch (IOException | RuntimeException e) {
            try {
                org.cranisotropy.io.DirectoryCommit.delete(tmp);
            } catch (IOException ignored) {
                // report the original error
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot write the report " + out + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
        return figures;
    }

    /**
     * The Vela section's introduction: when the model's flux exceeds the measured total somewhere (model/'s footer
     * cra.model_excess), that warning; else nothing.
     */
    static String velaIntro(ResultTables t) {
        String x = t.model() == null ? null : t.model().metadata().get(FooterKeys.MODEL_EXCESS);
        return x == null || x.equals("none") ? "" : "Warning: " + x;
    }

    /** The flux the samples were drawn from (metadata cra.spectrum), or null (data energies, or not recorded). */
    private static org.cranisotropy.events.FluxSpectrum spectrum(RunInfo run) {
        if (RunInfo.MISSING.equals(run.spectrum())) {
            return null;
        }
        try {
            return org.cranisotropy.events.FluxSpectrum.parse(run.spectrum());
        } catch (RuntimeException e) {
            throw new BadInputException("samples/: metadata cra.spectrum is not a spectrum: " + run.spectrum());
        }
    }
}
