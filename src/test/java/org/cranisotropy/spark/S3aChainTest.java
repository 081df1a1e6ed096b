package org.cranisotropy.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.cranisotropy.io.StoragePath;
import org.cranisotropy.io.hadoop.HadoopSettings;
import org.cranisotropy.io.hadoop.InMemoryS3;
import org.cranisotropy.montecarlo.SimulationSpec;
import org.cranisotropy.spark.HdfsChainTest.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain with its output on s3a:// (S3A against an S3-compatible endpoint in this JVM,
 * {@link InMemoryS3}): {@code cra run} makes the exposure, the events, the data step, the samples, the validation,
 * the limits and the model there, every directory put in place by the object-store protocol (marker last), and
 * every table equals, value for value, the same run on the local file system; {@code cra sql} queries it. A
 * simulation killed part-way there and resumed gives the bands of an uninterrupted one. The S3A
 * settings are given the way spark-submit gives them, as {@code spark.hadoop.*} system properties: Spark's
 * hadoopConfiguration (its own reads, the tasks' shipped settings) and the commands without Spark read them.
 */
@Tag("s3")
class S3aChainTest {
    static final String BUCKET = "cra-chain";
    @TempDir
    static Path tmp;
    static InMemoryS3 s3;
    static Configuration before;

    @BeforeAll
    static void start() throws Exception {
        s3 = new InMemoryS3();
        s3.createBucket(BUCKET);
        s3.settings().forEach((k, v) -> System.setProperty("spark.hadoop." + k, v));
        before = HadoopSettings.current();
        HadoopSettings.install(s3.configure(before));
    }

    @AfterAll
    static void stop() {
        s3.settings().keySet().forEach(k -> System.clearProperty("spark.hadoop." + k));
        HadoopSettings.install(before);
        s3.close();
    }

    @Test
    void theWholeRunOnS3EqualsTheLocalRun() throws IOException {
        Path local = tmp.resolve("local");
        String remote = "s3a://" + BUCKET + "/runs/small";
        Run l = HdfsChainTest.cra("run", "--config", HdfsChainTest.smallRunConfig(tmp, "local", local.toString()).toString());
        assertEquals(0, l.code(), l.err());
        // the configuration itself on S3 too
        Path remoteConf = StoragePath.of("s3a://" + BUCKET + "/conf/remote.conf");
        Files.createDirectories(remoteConf.getParent());
        Files.copy(HdfsChainTest.smallRunConfig(tmp, "remote", remote), remoteConf);
        Run r = HdfsChainTest.cra("run", "--config", remoteConf.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(Path.of("s3a:")), "nothing written to a local directory named after the scheme");

        Path out = StoragePath.of(remote);
        HdfsChainTest.assertSameRun(local, out);
        try (Stream<Path> s = Files.list(out); Stream<Path> t = Files.list(local)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(t.map(p -> p.getFileName().toString()).sorted().toList(), names);
            assertTrue(names.stream().noneMatch(n -> n.contains(".tmp-") || n.contains(".old-")),
                    "no temporary directory left: " + names);
        }
        assertTrue(Files.exists(out.resolve("exposure/manifest.csv")));
        // a second run finds every step up to date on S3 too
        Run again = HdfsChainTest.cra("run", "--config", remoteConf.toString());
        assertEquals(0, again.code(), again.err());
        for (String step : new String[] {"analyze", "simulate", "limits", "model"}) {
            assertTrue(again.err().contains("cra run: " + step + " is up to date"), again.err());
        }
        // Spark's own reading of s3a:// (its hadoopConfiguration has the spark.hadoop.fs.s3a.* settings)
        Run sql = HdfsChainTest.cra("sql", "--results", remote, "SELECT count(*) AS n FROM bands");
        assertEquals(0, sql.code(), sql.err());
    }

    /**
     * A simulation killed after two blocks on S3 (each block a file renamed into place: a copy and a delete there),
     * resumed there, ends with the bands of a clean run, and leaves no samples/ or bands/ under the final names.
     */
    @Test
    void aKilledSimulationResumedOnS3GivesTheSameBands() {
        SimulationSpec spec = SimulateJobTest.spec();
        Path clean = StoragePath.of("s3a://" + BUCKET + "/resume/clean");
        Path killed = StoragePath.of("s3a://" + BUCKET + "/resume/killed");
        List<Row> expected = HdfsChainTest.bands(spec, clean, Map.of(), false);
        assertThrows(IllegalStateException.class,
                () -> HdfsChainTest.bands(spec, killed, Map.of(SimulateJob.STOP_AFTER_BLOCKS, "2"), false));
        assertFalse(Files.exists(killed.resolve("bands")), "no bands/ under the final name");
        assertFalse(Files.exists(killed.resolve("samples")), "no samples/ under the final name");
        assertEquals(expected, HdfsChainTest.bands(spec, killed, Map.of(), true));
    }
}
