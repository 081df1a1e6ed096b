package org.cranisotropy.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.cranisotropy.io.FooterKeys;
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
        String config = measured.getOrDefault(FooterKeys.CONFIG, mc.getOrDefault(FooterKeys.CONFIG, MISSING));
        String events = ev.containsKey(FooterKeys.EVENTS) && "generate".equals(ev.get(FooterKeys.COMMAND))
                ? ev.get(FooterKeys.EVENTS) : Integer.toString(t.events().size());
        return new RunInfo(limits.getOrDefault(FooterKeys.VERSION, measured.getOrDefault(FooterKeys.VERSION, MISSING)),
                limits.getOrDefault(FooterKeys.CREATED, MISSING), config, orMissing(mc.get(FooterKeys.SEED)),
                orMissing(mc.get(FooterKeys.SAMPLES)), ev.getOrDefault(FooterKeys.SEED, MISSING), events,
                measured.getOrDefault(FooterKeys.SELECTED_EVENTS, MISSING), t.eventsPath().toString(),
                t.exposurePath().toString(), orMissing(mc.get(FooterKeys.SAMPLES_MADE_FROM)),
                orMissing(mc.get(FooterKeys.SPECTRUM_FIT_QUALITY)), orMissing(mc.get(FooterKeys.SPECTRUM)),
                orMissing(mc.get(FooterKeys.SPECTRUM_MODEL)));
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
