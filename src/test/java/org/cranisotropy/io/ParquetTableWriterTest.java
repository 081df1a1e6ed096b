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
}
