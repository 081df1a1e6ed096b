package org.cranisotropy.io.hadoop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cranisotropy.io.ParquetTable;
import org.cranisotropy.io.ParquetTableReader;
import org.cranisotropy.io.ParquetTableWriter;
import org.cranisotropy.io.StoragePath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** java.nio calls on hdfs:// paths behave as on local paths, against a real (in-process) HDFS. */
class HadoopFileSystemProviderTest {
    @TempDir
    static Path base;
    static MiniHdfs hdfs;

    @BeforeAll
    static void start() throws IOException {
        hdfs = new MiniHdfs(base.resolve("dfs"));
    }

    @AfterAll
    static void stop() {
        hdfs.close();
    }

    @Test
    void pathsAreNamesOnTheRightFileSystem() {
        Path p = StoragePath.of(hdfs.uri() + "/a/b/c.parquet");
        assertEquals(hdfs.uri() + "/a/b/c.parquet", p.toString());
        assertEquals("c.parquet", p.getFileName().toString());
        assertEquals(hdfs.uri() + "/a/b", p.getParent().toString());
        assertEquals(p, p.getParent().resolve("c.parquet"));
        assertEquals(p, p.getParent().resolve("./x/../c.parquet").normalize());
        assertEquals("b/c.parquet", p.getParent().getParent().relativize(p).toString());
        assertTrue(p.startsWith(p.getParent()));
        assertEquals(3, p.getNameCount());
        assertEquals(p, StoragePath.of(p.toUri().toString()));
        // local forms stay java.nio's default file system
        assertTrue(StoragePath.isLocal(StoragePath.of("results/demo")));
        assertTrue(StoragePath.isLocal(StoragePath.of("file:///tmp/x")));
        assertFalse(StoragePath.isLocal(p));
    }

    @Test
    void aPathWithoutAuthorityIsOnTheConfiguredDefaultFileSystem() throws IOException {
        org.apache.hadoop.conf.Configuration before = HadoopSettings.current();
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(before);
        conf.set("fs.defaultFS", hdfs.uri());
        HadoopSettings.install(conf);
        try {
            Path p = StoragePath.of("hdfs:///default/x.txt");
            assertEquals("hdfs:///default/x.txt", p.toString());
            assertEquals(p, StoragePath.of(p.toString()), "the printed form names the same path");
            Files.writeString(p, "on the default HDFS");
            assertEquals("on the default HDFS", Files.readString(StoragePath.of(hdfs.uri() + "/default/x.txt")));
        } finally {
            HadoopSettings.install(before);
        }
    }

    @Test
    void filesDirectoriesAndRenames() throws IOException {
        Path root = StoragePath.of(hdfs.uri() + "/files");
        Path dir = root.resolve("x/y");
        Files.createDirectories(dir);
        Files.createDirectories(dir); // again: no error
        assertTrue(Files.isDirectory(dir));
        Path f = dir.resolve("f.txt");
        Files.writeString(f, "hello, HDFS");
        assertEquals("hello, HDFS", Files.readString(f));
        assertEquals(11, Files.size(f));
        assertTrue(Files.isRegularFile(f));
        assertThrows(FileAlreadyExistsException.class, () -> Files.createFile(f));
        assertThrows(DirectoryNotEmptyException.class, () -> Files.delete(dir));
        Path g = dir.resolve("g.txt");
        Files.move(f, g, StandardCopyOption.ATOMIC_MOVE);
        assertFalse(Files.exists(f));
        assertEquals("hello, HDFS", Files.readString(g));
        Files.writeString(f, "other");
        assertThrows(FileAlreadyExistsException.class, () -> Files.move(f, g));
        Files.move(f, g, StandardCopyOption.REPLACE_EXISTING);
        assertEquals("other", Files.readString(g));
        // a directory renamed onto a new name is moved, not nested (Hadoop's rename into an existing directory)
        Path d2 = root.resolve("moved");
        Files.move(dir, d2, StandardCopyOption.ATOMIC_MOVE);
        assertTrue(Files.exists(d2.resolve("g.txt")));
        try (Stream<Path> s = Files.list(root)) {
            assertEquals(List.of(root.resolve("moved"), root.resolve("x")), s.toList());
        }
        try (Stream<Path> s = Files.walk(root)) {
            assertEquals(4, s.count()); // files, files/moved, files/moved/g.txt, files/x
        }
        assertThrows(NoSuchFileException.class, () -> Files.readString(root.resolve("none")));
        assertFalse(Files.exists(root.resolve("none")));
        byte[] bytes = new byte[300_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(root.resolve("big.bin"), bytes);
        assertArrayEquals(bytes, Files.readAllBytes(root.resolve("big.bin")));
    }

    @Test
    void parquetTablesRoundTripAndReplaceWhole() throws IOException {
        Path table = StoragePath.of(hdfs.uri() + "/tables/t");
        new ParquetTableWriter().column("x", ParquetTableWriter.Kind.DOUBLE).column("s", ParquetTableWriter.Kind.STRING)
                .row(1.5, "a").row(-2.25, "b").write(table, Map.of("cra.seed", "7"));
        ParquetTable t = ParquetTableReader.read(table);
        assertArrayEquals(new double[] {1.5, -2.25}, t.numeric("x"));
        assertEquals("7", t.metadata().get("cra.seed"));
        assertTrue(Files.exists(table.resolve("_SUCCESS")));
        new ParquetTableWriter().column("x", ParquetTableWriter.Kind.DOUBLE).row(3.0).write(table, Map.of());
        assertArrayEquals(new double[] {3.0}, ParquetTableReader.read(table).numeric("x"));
        try (Stream<Path> s = Files.list(table.getParent())) {
            assertEquals(List.of(table), s.toList(), "no temporary or set-aside directory left");
        }
    }
}
