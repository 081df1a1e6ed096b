package org.cranisotropy.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cranisotropy.io.FooterKeys;
import org.cranisotropy.io.StoragePath;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.io.ParquetTable;
import org.cranisotropy.io.ParquetTableReader;
import org.cranisotropy.io.Tables;

/**
 * The tables of a results directory that the report draws: measured_thresholds, measured_bins, bands,
 * limits, and the events and exposure of the run (DIR/events and DIR/exposure, or the paths the data step
 * recorded in its footer as {@code cra.events} / {@code cra.exposure}). A missing one is bad input;
 * validation (of cra validate) and model (of cra model vela) are optional (null when absent).
 */
public record ResultTables(Path results, ParquetTable thresholds, ParquetTable bins, ParquetTable bands,
        ParquetTable limits, Path eventsPath, EventSample events, Map<String, String> eventsMetadata, Path exposurePath,
        ParquetTable validation, ParquetTable model) {

    /** Reads and checks the tables. */
    public static ResultTables read(Path results) {
        if (!Files.isDirectory(results)) {
            throw new BadInputException(results + ": no such results directory");
        }
        ParquetTable thresholds = table(results, "measured_thresholds", "cra analyze");
        ParquetTable bins = table(results, "measured_bins", "cra analyze");
        ParquetTable bands = table(results, "bands", "cra simulate");
        ParquetTable limits = table(results, "limits", "cra limits");
        Path eventsPath = located(results, "events", thresholds.metadata().get(FooterKeys.EVENTS));
        Path exposurePath = located(results, "exposure", thresholds.metadata().get(FooterKeys.EXPOSURE));
        EventSample events = EventSample.read(eventsPath);
        boolean parquet = Files.isDirectory(eventsPath) || eventsPath.toString().endsWith(".parquet");
        Map<String, String> eventsMetadata = parquet
                ? ParquetTableReader.footer(ParquetTableReader.parts(eventsPath).get(0)) : Map.of();
        ParquetTable validation = Files.isDirectory(results.resolve(Tables.VALIDATION))
                ? ParquetTableReader.read(results.resolve(Tables.VALIDATION)) : null;
        ParquetTable model = Files.isDirectory(results.resolve(Tables.MODEL))
                ? ParquetTableReader.read(results.resolve(Tables.MODEL)) : null;
        return new ResultTables(results, thresholds, bins, bands, limits, eventsPath, events, eventsMetadata,
                exposurePath, validation, model);
    }

    private static ParquetTable table(Path results, String name, String producer) {
        Path p = results.resolve(name);
        if (!Files.isDirectory(p)) {
            throw new BadInputException(p + ": missing table (made by " + producer + ")");
        }
        return ParquetTableReader.read(p);
    }

    private static Path located(Path results, String name, String recorded) {
        Path own = results.resolve(name);
        if (Files.exists(own)) {
            return own;
        }
        if (recorded != null && Files.exists(StoragePath.of(recorded))) {
            return StoragePath.of(recorded);
        }
        throw new BadInputException(own + ": missing (and the data step's recorded path " + recorded
                + " does not exist either); the sky maps need the run's " + name);
    }
}
