package org.cranisotropy.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cranisotropy.analysis.AnalysisFixtures;
import org.cranisotropy.cli.Cra;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.ExposureFiles;
import org.cranisotropy.io.ParquetTableWriter;
import org.cranisotropy.io.ParquetTableWriter.Kind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cra simulate} submitted with {@code submit/spark-submit.sh} to a real standalone Spark cluster
 * (a Master and a Worker started here as separate JVMs on 127.0.0.1, executors started by the Worker)
 * writes the same bands/ (and samples/) bit for bit as the same run in local[2] mode in this JVM.
 * In local mode the broadcast SimulationSpec, the task closures and the per-JVM engine cache are never
 * serialised; on the cluster they are, in executor JVMs that only get the application through spark-submit.
 *
 * <p>No Spark distribution is needed: a temporary SPARK_HOME holds jars/ with links to the Spark jars of
 * the test class path (what a Worker puts on its executors' class path). The application "jar" is made
 * here from target/classes (the shaded jar does not exist yet in the test phase); the other non-Spark
 * jars go with --jars. Which jars are Spark's is read from target/provided-classpath.txt when it is newer
 * than pom.xml (written by mvn package); without it every dependency jar goes into SPARK_HOME/jars and
 * only the application classes are shipped by spark-submit.
 */
@Tag("cluster")
class ClusterSubmitTest {
    private static final int SAMPLES = 40;
    private static final long SEED = 11;

    @TempDir
    Path tmp;

    private final List<Process> processes = new ArrayList<>();

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void simulateOnAStandaloneClusterEqualsTheLocalRunBitForBit() throws Exception {
        assumeTrue(canBindLoopback(), "cannot bind 127.0.0.1: no local cluster possible");
        long t0 = System.nanoTime();
        Path project = projectDir();
        Path inputs = writeInputs(tmp.resolve("in"));
        Path events = inputs.resolve("events");
        Path exposure = inputs.resolve("exposure");
        Path config = writeConfig(project, tmp.resolve("cluster-test.conf"));

        // the pieces of a Spark installation and of the application, from this JVM's class path
        ClassPathSplit split = ClassPathSplit.of(testClassPath(), project);
        Path sparkHome = fakeSparkHome(tmp.resolve("spark-home"), split.spark());
        Path appJar = jarOf(project.resolve("target/classes"), tmp.resolve("cr-anisotropy-test.jar"));

        int masterPort = freePort();
        int masterUi = freePort();
        int workerUi = freePort();
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_SCALA_VERSION", "2.13"); // what bin/load-spark-env.sh sets in a distribution
        env.put("SPARK_WORKER_DIR", Files.createDirectories(tmp.resolve("worker")).toString());
        String masterUrl = "spark://127.0.0.1:" + masterPort;
        try {
            Path masterLog = logs.resolve("master.log");
            start(sparkDaemon(project, sparkHome, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUi)), env, masterLog);
            Path workerLog = logs.resolve("worker.log");
            start(sparkDaemon(project, sparkHome, "org.apache.spark.deploy.worker.Worker", masterUrl, "--host",
                    "127.0.0.1", "--cores", "2", "--memory", "2g", "--webui-port", Integer.toString(workerUi)),
                    env, workerLog);

            // meanwhile: the reference run, local[2] in this JVM
            long tLocal = System.nanoTime();
            Path localOut = tmp.resolve("out-local");
            StringWriter localOutText = new StringWriter();
            StringWriter localErr = new StringWriter();
            int rc = Cra.execute(new String[] {"simulate", "--events", events.toString(), "--exposure",
                exposure.toString(), "--out", localOut.toString(), "--samples", Integer.toString(SAMPLES), "--seed",
                Long.toString(SEED), "--master", "local[2]", "--config", config.toString()},
                    new PrintWriter(localOutText, true), new PrintWriter(localErr, true));
            assertEquals(0, rc, () -> "local run failed: " + localErr);
            System.out.printf("ClusterSubmitTest: local[2] run %.1f s: %s", (System.nanoTime() - tLocal) / 1e9,
                    localOutText);

            waitFor(workerLog, "Successfully registered with master", 90, masterLog, workerLog);

            long tCluster = System.nanoTime();
            Path clusterOut = tmp.resolve("out-cluster");
            List<String> submit = new ArrayList<>(List.of("bash", project.resolve("submit/spark-submit.sh").toString(),
                    "--master", masterUrl, "--deploy-mode", "client", "--name", "cra-cluster-test",
                    "--driver-memory", "1g",
                    "--conf", "spark.executor.memory=1g",
                    "--conf", "spark.executor.cores=2",
                    "--conf", "spark.cores.max=2",
                    "--conf", "spark.ui.enabled=false"));
            if (!split.app().isEmpty()) {
                submit.add("--jars");
                submit.add(String.join(",", split.app().stream().map(Path::toString).toList()));
            }
            submit.addAll(List.of("--", "simulate", "--events", events.toString(), "--exposure", exposure.toString(),
                    "--out", clusterOut.toString(), "--samples", Integer.toString(SAMPLES), "--seed",
                    Long.toString(SEED), "--partitions", "5", "--config", config.toString(), "--master", ""));
            Map<String, String> submitEnv = new LinkedHashMap<>(env);
            submitEnv.remove("SPARK_WORKER_DIR");
            submitEnv.put("CRA_APP_JAR", appJar.toString());
            Path submitLog = logs.resolve("submit.log");
            Process driver = start(submit, submitEnv, submitLog);
            if (!driver.waitFor(180, TimeUnit.SECONDS)) {
                fail("spark-submit did not finish in 180 s\n" + tails(submitLog, masterLog, workerLog));
            }
            String submitText = Files.readString(submitLog, StandardCharsets.UTF_8);
            assertEquals(0, driver.exitValue(), () -> "spark-submit failed\n" + tails(submitLog, masterLog, workerLog));
            assertTrue(submitText.contains("on " + masterUrl), () -> "not run on the cluster\n" + tail(submitLog));
            assertTrue(Files.readString(workerLog, StandardCharsets.UTF_8).contains("Asked to launch executor"),
                    () -> "the worker started no executor\n" + tail(workerLog));
            System.out.printf("ClusterSubmitTest: spark-submit to %s %.1f s: %s%n", masterUrl,
                    (System.nanoTime() - tCluster) / 1e9, submitText.lines()
                            .filter(l -> l.contains(" samples of ")).findFirst().orElse("?"));

            compareTables(localOut, clusterOut);
        } finally {
            stopAll();
        }
        System.out.printf("ClusterSubmitTest: total %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** samples/ as sorted rows and bands/ row for row, every double bit for bit. */
    private static void compareTables(Path localOut, Path clusterOut) {
        SparkSession spark = SparkSessions.create("cluster-submit-test-read", "local[1]");
        try {
            Dataset<Row> ls = spark.read().parquet(localOut.resolve("samples").toString());
            Dataset<Row> cs = spark.read().parquet(clusterOut.resolve("samples").toString());
            String[] cols = ls.columns();
            String[] rest = Arrays.copyOfRange(cols, 1, cols.length);
            String[] order = {"kind", "threshold_gev", "emin_gev", "corrected"};
            List<Row> sa = ls.select(cols[0], rest).orderBy("sample_id", order).collectAsList();
            List<Row> sb = cs.select(cols[0], rest).orderBy("sample_id", order).collectAsList();
            assertEquals(sa.size(), sb.size(), "samples/ row counts");
            assertSame("samples/", sa, sb);

            Dataset<Row> localBands = spark.read().parquet(localOut.resolve("bands").toString());
            Dataset<Row> clusterBands = spark.read().parquet(clusterOut.resolve("bands").toString());
            assertEquals(localBands.schema().simpleString(), clusterBands.schema().simpleString());
            List<Row> a = localBands.collectAsList();
            assertFalse(a.isEmpty());
            for (Row r : a) {
                // energies drawn from the spectrum: near the top of the grid some samples hold no event
                long n = r.getLong(r.fieldIndex("n_samples"));
                assertTrue(n >= 1 && n <= SAMPLES, "n_samples " + n);
                if (r.getString(r.fieldIndex("kind")).equals("standard")) {
                    assertEquals((long) SAMPLES, n);
                }
            }
            assertSame("bands/", a, clusterBands.collectAsList());
        } finally {
            spark.stop();
        }
    }

    /** Equal rows, doubles compared by bit pattern; on failure a summary and the first differences. */
    private static void assertSame(String what, List<Row> local, List<Row> cluster) {
        assertEquals(local.size(), cluster.size(), what + " row counts");
        List<List<Object>> a = bits(local);
        List<List<Object>> b = bits(cluster);
        if (a.equals(b)) {
            return;
        }
        StringBuilder first = new StringBuilder();
        int cells = 0;
        int rows = 0;
        double maxRel = 0;
        for (int i = 0; i < a.size(); i++) {
            boolean rowDiffers = false;
            Row r = local.get(i);
            for (int j = 0; j < r.length(); j++) {
                if (!java.util.Objects.equals(a.get(i).get(j), b.get(i).get(j))) {
                    cells++;
                    rowDiffers = true;
                    Object x = r.get(j);
                    Object y = cluster.get(i).get(j);
                    if (x instanceof Double dx && y instanceof Double dy && dx != 0) {
                        maxRel = Math.max(maxRel, Math.abs(dx - dy) / Math.abs(dx));
                    }
                    if (cells <= 10) {
                        first.append(String.format("  row %d %s: local %s, cluster %s%n", i,
                                r.schema().fields()[j].name(), x, y));
                    }
                }
            }
            rows += rowDiffers ? 1 : 0;
        }
        fail(String.format("%s differ between local[2] and the standalone cluster: %d values in %d of %d rows "
                + "(max relative difference %.3g)%n%s", what, cells, rows, a.size(), maxRel, first));
    }

    /** Rows as lists with every double replaced by its bit pattern (so -0.0 != 0.0 and NaN == NaN). */
    private static List<List<Object>> bits(List<Row> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : rows) {
            List<Object> v = new ArrayList<>();
            for (int i = 0; i < r.length(); i++) {
                Object o = r.get(i);
                v.add(o instanceof Double d ? "0x" + Long.toHexString(Double.doubleToRawLongBits(d)) : o);
            }
            out.add(v);
        }
        return out;
    }

    // ---- inputs

    /** A closed-form exposure cube (Nside 16) and 1000 isotropic events drawn from it. */
    private static Path writeInputs(Path dir) {
        ExposureCube cube = AnalysisFixtures.bandExposure(16);
        ExposureFiles.write(cube, dir);
        EventSample ev = AnalysisFixtures.events(cube, 1000, 0.0, 5);
        ParquetTableWriter w = new ParquetTableWriter().column("energy_gev", Kind.DOUBLE).column("l_deg", Kind.DOUBLE)
                .column("b_deg", Kind.DOUBLE).column("event_class", Kind.STRING);
        for (int i = 0; i < ev.size(); i++) {
            w.row(ev.energyGev(i), ev.lDeg(i), ev.bDeg(i), ev.eventClass(i).name());
        }
        w.write(dir.resolve("events"), Map.of("cra.test", "ClusterSubmitTest"));
        return dir;
    }

    /** conf/demo.conf with a small scan: 3 standard and 3 grid thresholds, 3 bins. */
    private static Path writeConfig(Path project, Path file) throws IOException {
        String demo = project.resolve("conf/demo.conf").toAbsolutePath().toString().replace("\\", "\\\\");
        Files.writeString(file, String.join("\n",
                "include file(\"" + demo + "\")",
                "cra.analysis.standard-thresholds { emin-gev = 60, emax-gev = 300, count = 3 }",
                "cra.analysis.grid-count = 3",
                "cra.analysis.bin-edges-gev = [50, 80, 150, 1000]",
                ""), StandardCharsets.UTF_8);
        return file;
    }

    // ---- class path, SPARK_HOME, application jar

    /** Spark's jars (for SPARK_HOME/jars) and the application's other jars (for --jars). */
    record ClassPathSplit(List<Path> spark, List<Path> app) {
        static ClassPathSplit of(List<Path> classPath, Path project) throws IOException {
            Path providedFile = project.resolve("target/provided-classpath.txt");
            Set<Path> provided = null;
            if (Files.isRegularFile(providedFile) && Files.getLastModifiedTime(providedFile)
                    .compareTo(lastModified(project.resolve("pom.xml"))) > 0) {
                provided = new HashSet<>();
                for (String s : Files.readString(providedFile, StandardCharsets.UTF_8).trim().split(File.pathSeparator)) {
                    if (!s.isBlank()) {
                        provided.add(Path.of(s).toAbsolutePath().normalize());
                    }
                }
            }
            List<Path> spark = new ArrayList<>();
            List<Path> app = new ArrayList<>();
            for (Path p : classPath) {
                if (!p.toString().endsWith(".jar") || !Files.isRegularFile(p) || isTestFramework(p)) {
                    continue; // target/classes, target/test-classes; JUnit, surefire
                }
                if (provided == null || provided.contains(p)) {
                    spark.add(p);
                } else {
                    app.add(p);
                }
            }
            return new ClassPathSplit(spark, app);
        }

        private static boolean isTestFramework(Path p) {
            String s = p.toString().replace('\\', '/');
            return s.contains("/org/junit/") || s.contains("/org/opentest4j/") || s.contains("/org/apiguardian/")
                    || s.contains("surefire");
        }

        private static FileTime lastModified(Path p) throws IOException {
            return Files.exists(p) ? Files.getLastModifiedTime(p) : FileTime.fromMillis(0);
        }
    }

    /** This JVM's class path (surefire's manifest-only booter jar expanded if that is what it is). */
    private static List<Path> testClassPath() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String s : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (s.isBlank()) {
                continue;
            }
            Path p = Path.of(s).toAbsolutePath().normalize();
            out.add(p);
            if (p.getFileName().toString().startsWith("surefirebooter") && Files.isRegularFile(p)) {
                try (JarFile j = new JarFile(p.toFile())) {
                    Manifest m = j.getManifest();
                    String cp = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                    if (cp != null) {
                        for (String u : cp.trim().split("\\s+")) {
                            out.add(Path.of(p.getParent().toUri().resolve(URI.create(u))).toAbsolutePath().normalize());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Path fakeSparkHome(Path home, List<Path> jars) throws IOException {
        Path dir = Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("conf"));
        Set<String> names = new HashSet<>();
        int n = 0;
        for (Path j : jars) {
            String name = j.getFileName().toString();
            if (!names.add(name)) {
                name = (n++) + "-" + name;
                names.add(name);
            }
            try {
                Files.createSymbolicLink(dir.resolve(name), j);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(j, dir.resolve(name));
            }
        }
        return home;
    }

    /** A jar of a class directory (a snapshot: the directory may be recompiled while the test runs). */
    private static Path jarOf(Path classes, Path jar) throws IOException {
        assertTrue(Files.isDirectory(classes), classes + " missing: compile first");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m);
             Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                String name = classes.relativize(p).toString().replace(File.separatorChar, '/');
                if (name.isEmpty() || name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    out.putNextEntry(new JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(p, out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    // ---- processes

    private static List<String> sparkDaemon(Path project, Path sparkHome, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "@" + project.resolve("conf/spark-jvm.args"), "-Xmx512m",
                "-Dspark.master.rest.enabled=false", "-Dspark.ui.showConsoleProgress=false",
                "-cp", sparkHome.resolve("jars") + File.separator + "*", mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private Process start(List<String> cmd, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /** Stops every process started here and their children (the Worker's executors), newest first. */
    private void stopAll() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            List<ProcessHandle> children = p.descendants().toList();
            p.destroy();
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (ProcessHandle c : children) {
                if (c.isAlive()) {
                    c.destroy();
                    try {
                        c.onExit().get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        c.destroyForcibly();
                    }
                }
            }
        }
        processes.clear();
    }

    private void waitFor(Path log, String text, int seconds, Path... logs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            for (Process p : processes) {
                if (!p.isAlive()) {
                    fail("a Spark daemon exited with " + p.exitValue() + "\n" + tails(logs));
                }
            }
            Thread.sleep(200);
        }
        fail("no '" + text + "' in " + log + " after " + seconds + " s\n" + tails(logs));
    }

    private static String tails(Path... logs) {
        StringBuilder b = new StringBuilder();
        for (Path l : logs) {
            b.append("---- ").append(l.getFileName()).append('\n').append(tail(l));
        }
        return b.toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())) + "\n";
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")\n";
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path projectDir() {
        return Path.of(System.getProperty("cra.projectDir", ".")).toAbsolutePath().normalize();
    }

    private static boolean canBindLoopback() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return s.getLocalPort();
        }
    }
}
