package org.cranisotropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.io.ParquetTableWriter;
import org.cranisotropy.io.ParquetTableWriter.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cra limits refuses results directories whose measured tables and bands belong to different analyses
 * (other thresholds, bins or selected events) or whose bands table is empty, before it starts Spark.
 */
class ResultsConsistencyTest {
    @TempDir
    Path tmp;

    @Test
    void tablesOfOneAnalysisPassAndTablesOfTwoAreRefusedWithWhatDiffers() throws Exception {
        Path ok = results("ok", new double[] {100, 200, 300}, new double[] {50, 100, 500}, "1000", "1000");
        ResultsConsistency.check(ok);

        Path grid = results("grid", new double[] {100, 200, 300}, new double[] {50, 100, 500}, "1000", "1000");
        bands(grid, new double[] {100, 300}, new double[] {50, 100, 500}, "1000");
        assertRefused(grid, "grid thresholds (GeV): 3 measured, 2 simulated, e.g. 200.000 not simulated");

        Path bins = results("bins", new double[] {100, 200}, new double[] {50, 100, 500}, "1000", "1000");
        bands(bins, new double[] {100, 200}, new double[] {50, 100, 1000}, "1000");
        assertRefused(bins, "bins (GeV): 2 measured, 2 simulated, e.g. 100.000-500.000 not simulated");

        Path events = results("events", new double[] {100, 200}, new double[] {50, 100}, "1000", "999");
        assertRefused(events, "selected events: 1000 measured, 999 simulated");

        Path twoRuns = results("two-runs", new double[] {100}, new double[] {50, 100}, "10", "10");
        new ParquetTableWriter().column("emin_gev", Kind.DOUBLE).column("emax_gev", Kind.DOUBLE)
                .column("corrected", Kind.BOOLEAN).row(50.0, 100.0, true)
                .write(twoRuns.resolve("measured_bins"), Map.of("cra.created", "2026-01-02T00:00:00Z"));
        assertRefused(twoRuns, "measured_thresholds/ written by the cra analyze of 2026-01-01T00:00:00Z, "
                + "measured_bins/ by that of 2026-01-02T00:00:00Z");
    }

    /** A validation/ of another analysis (its footer's cra.analysis differs from the measured tables') is refused. */
    @Test
    void aValidationOfAnotherAnalysisIsRefused() throws Exception {
        Path r = results("validated", new double[] {100}, new double[] {50, 100}, "10", "10");
        ParquetTableWriter m = new ParquetTableWriter().column("kind", Kind.STRING).column("threshold_gev", Kind.DOUBLE)
                .column("corrected", Kind.BOOLEAN).row("standard", 50.0, true).row("standard", 500.0, true)
                .row("grid", 100.0, true);
        m.write(r.resolve("measured_thresholds"), Map.of("cra.analysis", "grid-count 1", "cra.created", "2026-01-01T00:00:00Z"));
        new ParquetTableWriter().column("kind", Kind.STRING).row("bin")
                .write(r.resolve("validation"), Map.of("cra.analysis", "grid-count 1", "cra.created", "2026-01-03T00:00:00Z"));
        assertEquals("2026-01-03T00:00:00Z", ResultsConsistency.check(r).get("cra.validation_created"));
        new ParquetTableWriter().column("kind", Kind.STRING).row("bin")
                .write(r.resolve("validation"), Map.of("cra.analysis", "grid-count 2"));
        BadInputException e = assertThrows(BadInputException.class, () -> ResultsConsistency.check(r));
        assertTrue(e.getMessage().contains("validation") && e.getMessage().contains("grid-count 2")
                && e.getMessage().contains("cra validate again"), e.getMessage());
    }

    @Test
    void limitsOnAnEmptyBandsDirectoryIsBadInputOnOneLine() throws Exception {
        Path r = results("empty", new double[] {100}, new double[] {50, 100}, "10", "10");
        org.cranisotropy.io.DirectoryCommit.delete(r.resolve("bands"));
        Files.createDirectories(r.resolve("bands"));
        Files.createDirectories(r.resolve("samples"));
        AlmCommandTest.Run run = AlmCommandTest.run("limits", "--results", r.toString());
        assertEquals(2, run.code(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(r.resolve("bands").toString()) && run.err().contains("no .parquet files"), run.err());
        assertFalse(Files.exists(r.resolve("limits")));
    }

    private void assertRefused(Path results, String detail) {
        BadInputException e = assertThrows(BadInputException.class, () -> ResultsConsistency.check(results));
        assertTrue(e.getMessage().startsWith(results.toString()) && e.getMessage().contains("different analyses")
                && e.getMessage().contains(detail), e.getMessage());
    }

    /** measured_* and bands of one analysis: standard thresholds 50 and 500 GeV, the given grid and bins. */
    private Path results(String name, double[] grid, double[] binEdges, String measuredEvents, String simulatedEvents)
            throws Exception {
        Path dir = tmp.resolve(name);
        ParquetTableWriter t = new ParquetTableWriter().column("kind", Kind.STRING).column("threshold_gev", Kind.DOUBLE)
                .column("corrected", Kind.BOOLEAN);
        for (boolean corrected : new boolean[] {true, false}) {
            t.row("standard", 50.0, corrected).row("standard", 500.0, corrected);
            for (double g : grid) {
                t.row("grid", g, corrected);
            }
            t.row("event", 123.0, corrected); // every-event rows have no band
        }
        Map<String, String> footer = Map.of("cra.selected_events", measuredEvents, "cra.created", "2026-01-01T00:00:00Z");
        t.write(dir.resolve("measured_thresholds"), footer);
        ParquetTableWriter b = new ParquetTableWriter().column("emin_gev", Kind.DOUBLE).column("emax_gev", Kind.DOUBLE)
                .column("corrected", Kind.BOOLEAN);
        for (int k = 0; k + 1 < binEdges.length; k++) {
            b.row(binEdges[k], binEdges[k + 1], true).row(binEdges[k], binEdges[k + 1], false);
        }
        b.write(dir.resolve("measured_bins"), footer);
        bands(dir, grid, binEdges, simulatedEvents);
        return dir;
    }

    private static void bands(Path dir, double[] grid, double[] binEdges, String selectedEvents) {
        ParquetTableWriter t = new ParquetTableWriter().column("kind", Kind.STRING)
                .nullableColumn("threshold_gev", Kind.DOUBLE).nullableColumn("emin_gev", Kind.DOUBLE)
                .nullableColumn("emax_gev", Kind.DOUBLE).column("corrected", Kind.BOOLEAN);
        for (boolean corrected : new boolean[] {true, false}) {
            t.row("standard", 50.0, null, null, corrected).row("standard", 500.0, null, null, corrected);
            for (double g : grid) {
                t.row("grid", g, null, null, corrected);
            }
            for (int k = 0; k + 1 < binEdges.length; k++) {
                t.row("bin", null, binEdges[k], binEdges[k + 1], corrected);
            }
        }
        t.write(dir.resolve("bands"), Map.of("cra.selected_events", selectedEvents));
    }
}
