package org.cranisotropy.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.cranisotropy.io.ParquetTableReader;
import org.cranisotropy.io.Tables;

/**
 * What the report page says about the run, all from the Parquet footer metadata the run wrote
 * ({@code cra.*} keys): the tool version and creation time of the limits, the configuration and selected
 * event count of the data step (measured_thresholds), the Monte Carlo seed and sample count (the footer of
 * a samples/ file, else of bands/), the generation seed and event count (events/).
 * A value the run did not record is "not recorded".
 */
public record RunInfo(String version, String created, String config, String mcSeed, String samples,
        String eventSeed, String events, String selectedEvents, String eventsPath, String exposurePath,
        String samplesMadeFrom, String spectrumFitQuality, String spectrum, String spectrumModel) {
    public static final String MISSING = "not recorded";

    /** Reads the metadata of the tables of a results directory (already validated to exist). */
    public static RunInfo of(ResultTables t) {
        Map<String, String> limits = t.limits().metadata();
        Map<String, String> measured = t.thresholds().metadata();
        Map<String, String> mc = samplesFooter(t.results()).orElse(t.bands().metadata());
        Map<String, String> ev = t.eventsMetadata();
        String config = measured.getOrDefault("cra.config", mc.getOrDefault("cra.config", MISSING));
        String events = ev.containsKey("cra.events") && "generate".equals(ev.get("cra.command"))
                ? ev.get("cra.events") : Integer.toString(t.events().size());
        return new RunInfo(limits.getOrDefault("cra.version", measured.getOrDefault("cra.version", MISSING)),
                limits.getOrDefault("cra.created", MISSING), config, orMissing(mc.get("cra.seed")),
                orMissing(mc.get("cra.samples")), ev.getOrDefault("cra.seed", MISSING), events,
                measured.getOrDefault("cra.selected_events", MISSING), t.eventsPath().toString(),
                t.exposurePath().toString(), orMissing(mc.get("cra.samples_made_from")),
                orMissing(mc.get("cra.spectrum_fit_quality")), orMissing(mc.get("cra.spectrum")),
                orMissing(mc.get("cra.spectrum_model")));
    }

    private static String orMissing(String s) {
        return s == null || s.isEmpty() ? MISSING : s;
    }

    /** The footer of the first Parquet file under samples/ (partitioned directories), if any. */
    private static Optional<Map<String, String>> samplesFooter(Path results) {
        Path samples = results.resolve(Tables.SAMPLES);
        if (!Files.isDirectory(samples)) {
            return Optional.empty();
        }
        try (var walk = Files.walk(samples)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".parquet")
                    && !p.getFileName().toString().startsWith(".")).sorted().findFirst()
                    .map(ParquetTableReader::footer);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
