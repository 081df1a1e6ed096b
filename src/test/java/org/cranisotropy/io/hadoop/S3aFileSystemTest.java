package org.cranisotropy.io.hadoop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.io.DirectoryCommit;
import org.cranisotropy.io.ParquetTable;
import org.cranisotropy.io.ParquetTableReader;
import org.cranisotropy.io.ParquetTableWriter;
import org.cranisotropy.io.StoragePath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * java.nio calls on s3a:// paths through Hadoop's S3A client, against an S3-compatible endpoint in this JVM
 * ({@link InMemoryS3}): files, listing, walking, deleting, and Parquet tables put in place by the object-store
 * protocol of {@link DirectoryCommit} (marker last), replaced whole.
 */
@Tag("s3")
class S3aFileSystemTest {
    static final String BUCKET = "cra-nio";
    static InMemoryS3 s3;
    static Configuration before;

    @BeforeAll
    static void start() throws Exception {
        s3 = new InMemoryS3();
        s3.createBucket(BUCKET);
        before = HadoopSettings.current();
        HadoopSettings.install(s3.configure(before));
    }

    @AfterAll
    static void stop() throws Exception {
        HadoopSettings.install(before);
        s3.close();
    }

    @Test
    void filesListingWalkingAndDeleting() throws IOException {
        Path root = StoragePath.of("s3a://" + BUCKET + "/files");
        assertEquals("s3a://" + BUCKET + "/files", root.toString());
        assertFalse(StoragePath.isLocal(root));
        assertFalse(DirectoryCommit.atomicDirectoryRename(root), "s3a renames a directory file by file");
        Path dir = root.resolve("x/y");
        Files.createDirectories(dir);
        assertTrue(Files.isDirectory(dir));
        Path f = dir.resolve("f.txt");
        Files.writeString(f, "hello, S3");
        assertEquals("hello, S3", Files.readString(f));
        assertEquals(9, Files.size(f));
        assertTrue(Files.isRegularFile(f));
        assertThrows(FileAlreadyExistsException.class, () -> Files.createFile(f));
        Path g = dir.resolve("g.txt");
        Files.move(f, g);
        assertFalse(Files.exists(f));
        assertEquals("hello, S3", Files.readString(g));
        Files.writeString(f, "other");
        assertThrows(FileAlreadyExistsException.class, () -> Files.move(f, g));
        Files.move(f, g, StandardCopyOption.REPLACE_EXISTING);
        assertEquals("other", Files.readString(g));
        Path moved = root.resolve("moved");
        Files.move(dir, moved);
        assertTrue(Files.exists(moved.resolve("g.txt")));
        try (Stream<Path> s = Files.list(root)) {
            assertEquals(List.of(root.resolve("moved"), root.resolve("x")), s.sorted().toList());
        }
        try (Stream<Path> s = Files.walk(root)) {
            assertEquals(4, s.count()); // files, files/moved, files/moved/g.txt, files/x
        }
        assertThrows(NoSuchFileException.class, () -> Files.readString(root.resolve("none")));
        byte[] bytes = new byte[3_000_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(root.resolve("big.bin"), bytes);
        assertArrayEquals(bytes, Files.readAllBytes(root.resolve("big.bin")));
        Files.delete(moved.resolve("g.txt"));
        Files.delete(root.resolve("big.bin"));
        assertFalse(Files.exists(moved.resolve("g.txt")));
        try (Stream<Path> s = Files.walk(root)) {
            assertTrue(s.noneMatch(Files::isRegularFile));
        }
    }

    @Test
    void parquetTablesRoundTripAndReplaceWholeMarkerLast() throws IOException {
        Path table = StoragePath.of("s3a://" + BUCKET + "/tables/t");
        new ParquetTableWriter().column("x", ParquetTableWriter.Kind.DOUBLE).column("s", ParquetTableWriter.Kind.STRING)
                .row(1.5, "a").row(-2.25, "b").write(table, Map.of("cra.seed", "7"));
        ParquetTable t = ParquetTableReader.read(table);
        assertArrayEquals(new double[] {1.5, -2.25}, t.numeric("x"));
        assertArrayEquals(new String[] {"a", "b"}, t.text("s"));
        assertEquals("7", t.metadata().get("cra.seed"));
        assertTrue(Files.exists(table.resolve("_SUCCESS")));
        new ParquetTableWriter().column("x", ParquetTableWriter.Kind.DOUBLE).row(3.0).write(table, Map.of());
        ParquetTable replaced = ParquetTableReader.read(table);
        assertArrayEquals(new double[] {3.0}, replaced.numeric("x"));
        assertEquals(List.of("x"), List.copyOf(replaced.columnNames()));
        try (Stream<Path> s = Files.list(table.getParent())) {
            assertEquals(List.of(table), s.toList(), "no temporary directory left");
        }
        // a directory without its marker is an unfinished one there: refused, not read
        Files.delete(table.resolve("_SUCCESS"));
        assertThrows(BadInputException.class, () -> ParquetTableReader.read(table));
    }
}
