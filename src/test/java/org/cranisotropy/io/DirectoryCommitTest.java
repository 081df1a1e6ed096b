package org.cranisotropy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories put in place whole: rename on local disks and HDFS, marker-last on object stores. */
class DirectoryCommitTest {
    @TempDir
    Path tmp;

    @Test
    void localDisksAndHdfsRenameAtomicallyObjectStoresDoNot() {
        assertTrue(DirectoryCommit.atomicDirectoryRename(tmp));
        assertTrue(DirectoryCommit.atomicDirectoryRename(StoragePath.of("hdfs://nn:8020/x")));
        assertFalse(DirectoryCommit.atomicDirectoryRename(StoragePath.of("s3a://bucket/x")));
        assertFalse(DirectoryCommit.atomicDirectoryRename(StoragePath.of("gs://bucket/x")));
    }

    /**
     * The object-store protocol (run here on a local disk): the new table replaces the old one whole, and the
     * marker comes last, so that a kill after any move leaves a marker only beside every data file.
     */
    @Test
    void markerLastReplacementNeverShowsAPartialTableWithItsMarker() throws IOException {
        Path to = tmp.resolve("t");
        table(to, 1.0);
        Path from = tmp.resolve(".t.tmp");
        table(from, 2.0);
        Files.createDirectories(from.resolve("chunk=0"));
        Files.writeString(from.resolve("chunk=0").resolve("z-block.parquet"), "x");
        Files.writeString(from.resolve("manifest.csv"), "m");

        List<Path> order = DirectoryCommit.moveOrder(from);
        assertEquals(4, order.size());
        for (int k = 0; k < order.size(); k++) {
            boolean marker = DirectoryCommit.MARKERS.contains(order.get(k).getFileName().toString());
            // killed after move k: a marker has arrived only once every data file has
            for (int j = k + 1; j < order.size() && marker; j++) {
                assertTrue(DirectoryCommit.MARKERS.contains(order.get(j).getFileName().toString()), order.toString());
            }
        }
        DirectoryCommit.moveMarkerLast(from, to);
        assertFalse(Files.exists(from));
        assertEquals(2.0, ParquetTableReader.read(to).numeric("x")[0]);
        assertTrue(Files.exists(to.resolve("chunk=0").resolve("z-block.parquet")));
        assertTrue(Files.exists(to.resolve("_SUCCESS")) && Files.exists(to.resolve("manifest.csv")));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(to), files.toList(), "nothing left beside the table");
        }
    }

    @Test
    void aLocalDirectoryWithoutItsMarkerIsReadAsBefore() throws IOException {
        Path t = tmp.resolve("t");
        table(t, 1.0);
        Files.delete(t.resolve("_SUCCESS"));
        DirectoryCommit.requireComplete(t); // a local table from another tool needs no marker
        assertEquals(1.0, ParquetTableReader.read(t).numeric("x")[0]);
    }

    private static void table(Path dir, double x) {
        new ParquetTableWriter().column("x", ParquetTableWriter.Kind.DOUBLE).row(x).write(dir, Map.of());
    }
}
