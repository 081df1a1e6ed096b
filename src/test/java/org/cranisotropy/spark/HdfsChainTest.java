package org.cranisotropy.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cranisotropy.cli.Cra;
import org.cranisotropy.io.ParquetTable;
import org.cranisotropy.io.ParquetTableReader;
import org.cranisotropy.io.StoragePath;
import org.cranisotropy.io.hadoop.MiniHdfs;
import org.cranisotropy.montecarlo.SimulationSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain with every path on hdfs:// (an in-process HDFS), its configuration file included:
 * {@code cra run} makes the exposure, the events, the data step, the samples, the validation, the limits and
 * the model there, and every table equals, value for value, the same run on the local file system; the
 * report is written there too. A
 * simulation killed part-way on HDFS and resumed gives the bands of an uninterrupted one.
 */
class HdfsChainTest {
    @TempDir
    static Path tmp;
    static MiniHdfs hdfs;

    @BeforeAll
    static void start() throws IOException {
        hdfs = new MiniHdfs(tmp.resolve("dfs"));
    }

    @AfterAll
    static void stop() {
        hdfs.close();
    }

    record Run(int code, String out, String err) {}

    static Run cra(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cra.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** A small {@code cra run} configuration in dir, writing its results to out. */
    static Path smallRunConfig(Path dir, String name, String out) throws IOException {
        String measured = Path.of(System.getProperty("cra.projectDir", ".")).resolve("conf/measured/electron-spectrum.csv")
                .toAbsolutePath().toString();
        Path conf = dir.resolve(name + ".conf");
        Files.writeString(conf, String.join("\n",
                "cra.exposure { period { end = \"2015-11-13T00:00:00Z\", step-s = 60 }, nside = 16,"
                        + " dwell { nside = 8, azimuth-bins = 6 } }",
                "cra.events.count = 20000",
                "cra.analysis { grid-count = 8, every-event = true }",
                "cra.run { out = \"" + out + "\", samples = 24, seed = 5, validate-skies = 10, master = \"local[2]\" }",
                "cra.model.vela.measured-spectrum = \"" + measured + "\"",
                ""));
        return conf;
    }

    @Test
    void theWholeRunOnHdfsEqualsTheLocalRun() throws IOException {
        Path local = tmp.resolve("local");
        String remote = hdfs.uri() + "/runs/small";
        Run l = cra("run", "--config", smallRunConfig(tmp, "local", local.toString()).toString());
        assertEquals(0, l.code(), l.err());
        // the configuration itself on HDFS too
        Path remoteConf = StoragePath.of(hdfs.uri() + "/conf/remote.conf");
        Files.createDirectories(remoteConf.getParent());
        Files.copy(smallRunConfig(tmp, "remote", remote), remoteConf);
        Run r = cra("run", "--config", remoteConf.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(Path.of("hdfs:")), "nothing written to a local directory named after the scheme");

        Path out = StoragePath.of(remote);
        assertSameRun(local, out);
        // a second run finds every step up to date on HDFS too
        Run again = cra("run", "--config", remoteConf.toString());
        assertEquals(0, again.code(), again.err());
        for (String step : new String[] {"analyze", "simulate", "limits", "model"}) {
            assertTrue(again.err().contains("cra run: " + step + " is up to date"), again.err());
        }
        // the results are queried from HDFS like local ones, and the report is written there
        Run sql = cra("sql", "--results", remote, "SELECT count(*) AS n FROM bands");
        assertEquals(0, sql.code(), sql.err());
        Run report = cra("report", "--results", remote, "--out", remote + "/report");
        assertEquals(0, report.code(), report.err());
        assertTrue(Files.readString(out.resolve("report").resolve("index.html")).contains("<img src=\"vela_model.png\""));
        assertTrue(Files.size(out.resolve("report").resolve("vela_model.png")) > 1000);
    }

    /**
     * The results directory out holds the tables of the run in local (hidden leftovers aside), each equal to
     * its local twin value for value, the sample blocks too.
     */
    static void assertSameRun(Path local, Path out) throws IOException {
        List<String> tables;
        try (Stream<Path> s = Files.list(local)) {
            tables = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
        assertTrue(tables.containsAll(List.of("bands", "events", "exposure", "limits", "measured_thresholds", "model",
                "samples", "validation")), tables.toString());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(tables, s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted()
                    .toList());
        }
        for (String t : tables) {
            if (t.equals("exposure") || t.equals("samples") || t.equals("validation")) {
                continue; // directories of tables, compared below
            }
            assertSameTable(local.resolve(t), out.resolve(t));
        }
        try (Stream<Path> s = Files.walk(local.resolve("samples"))) {
            List<Path> parts = s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
            assertFalse(parts.isEmpty());
            for (Path p : parts) {
                assertSameTable(p, out.resolve(local.relativize(p).toString()));
            }
        }
    }

    static void assertSameTable(Path expected, Path actual) {
        ParquetTable a = ParquetTableReader.read(expected);
        ParquetTable b = ParquetTableReader.read(actual);
        assertEquals(a.rows(), b.rows(), actual.toString());
        assertEquals(a.columnNames(), b.columnNames(), actual.toString());
        for (String c : a.columnNames()) {
            if (a.isText(c)) {
                assertArrayEquals(a.text(c), b.text(c), actual + " " + c);
            } else {
                assertArrayEquals(a.numeric(c), b.numeric(c), actual + " " + c); // bit for bit, NaN equal to NaN
            }
        }
    }

    /** A simulation killed after two blocks on HDFS, resumed there, ends with the bands of a clean run. */
    @Test
    void aKilledSimulationResumedOnHdfsGivesTheSameBands() {
        SimulationSpec spec = SimulateJobTest.spec();
        Path clean = StoragePath.of(hdfs.uri() + "/resume/clean");
        Path killed = StoragePath.of(hdfs.uri() + "/resume/killed");
        List<Row> expected = bands(spec, clean, Map.of(), false);
        assertThrows(IllegalStateException.class,
                () -> bands(spec, killed, Map.of(SimulateJob.STOP_AFTER_BLOCKS, "2"), false));
        assertFalse(Files.exists(killed.resolve("bands")), "no bands/ under the final name");
        assertFalse(Files.exists(killed.resolve("samples")), "no samples/ under the final name");
        assertEquals(expected, bands(spec, killed, Map.of(), true));
    }

    static List<Row> bands(SimulationSpec spec, Path out, Map<String, String> conf, boolean resume) {
        SparkSession spark = SparkSessions.create("hdfs-test", "local[2]");
        try {
            conf.forEach(spark.conf()::set);
            SimulateJob.run(spark, spec, 60, 2, out, Map.of("cra.seed", "77"), null, resume);
            return spark.read().parquet(out.resolve("bands").toString()).collectAsList();
        } finally {
            conf.keySet().forEach(spark.conf()::unset);
            spark.stop();
        }
    }
}
