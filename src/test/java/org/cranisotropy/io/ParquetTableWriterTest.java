package org.cranisotropy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables replace their earlier versions whole: the new rows under the final name, nothing left aside. */
class ParquetTableWriterTest {
    @TempDir
    Path tmp;

    @Test
    void aTableReplacesTheEarlierOneWholeAndLeavesNothingAside() throws Exception {
        Path t = tmp.resolve("bands");
        new ParquetTableWriter().column("x", ParquetTableWriter.Kind.DOUBLE).row(1.0).row(2.0).write(t, Map.of("v", "1"));
        Files.writeString(t.resolve("stale-extra-file"), "from an earlier layout");
        new ParquetTableWriter().column("x", ParquetTableWriter.Kind.DOUBLE).row(3.0).write(t, Map.of("v", "2"));
        ParquetTable read = ParquetTableReader.read(t);
        assertEquals(1, read.rows());
        assertEquals(3.0, read.numeric("x")[0], 0.0);
        assertEquals("2", read.metadata().get("v"));
        try (var s = Files.list(tmp)) {
            assertEquals(List.of("bands"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (var s = Files.list(t)) {
            assertEquals(List.of("_SUCCESS", "part-00000.parquet"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aStreamedTableAppearsOnlyWhenCommitted() throws Exception {
        Path t = tmp.resolve("measured");
        new ParquetTableWriter().column("x", ParquetTableWriter.Kind.DOUBLE).row(-1.0).write(t, Map.of("v", "old"));
        // an interrupted stream: the earlier table stays, no temporary directory is left
        try (ParquetTableWriter.Streaming s = new ParquetTableWriter().column("x", ParquetTableWriter.Kind.DOUBLE)
                .open(t, Map.of("v", "new"))) {
            s.row(1.0);
        }
        assertEquals(-1.0, ParquetTableReader.read(t).numeric("x")[0], 0.0);
        // a bad row appended before opening: refused, and nothing is left beside the earlier table
        ParquetTableWriter bad = new ParquetTableWriter().column("x", ParquetTableWriter.Kind.DOUBLE).row((Object) null);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> bad.open(t, Map.of()));
        try (var s = Files.list(tmp)) {
            assertEquals(List.of("measured"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        // rows appended before opening come first, then those streamed, 10^5 of them
        ParquetTableWriter w = new ParquetTableWriter().column("x", ParquetTableWriter.Kind.DOUBLE).row(0.5);
        try (ParquetTableWriter.Streaming s = w.open(t, Map.of("v", "new"))) {
            for (int i = 0; i < 100_000; i++) {
                s.row((double) i);
            }
            assertEquals(100_001, s.rows());
            s.commit();
        }
        ParquetTable read = ParquetTableReader.read(t);
        assertEquals(100_001, read.rows());
        assertEquals(0.5, read.numeric("x")[0], 0.0);
        assertEquals(99_999.0, read.numeric("x")[100_000], 0.0);
        assertEquals("new", read.metadata().get("v"));
        try (var s = Files.list(tmp)) {
            assertEquals(List.of("measured"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
