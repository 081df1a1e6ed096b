package org.cranisotropy.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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

/**
 * What the tests that submit {@code cra simulate} to a real cluster manager share (ClusterSubmitTest,
 * YarnSubmitTest): the small input and configuration, the split of the test class path into Spark's jars
 * and the application's, a temporary SPARK_HOME, the application jar made from target/classes, the
 * reference run in local[2] in the test JVM, the bit-for-bit comparison of the outputs, and child
 * processes with their logs.
 */
final class SubmitTestSupport {
    private SubmitTestSupport() {
    }

    // ---- inputs

    /** A closed-form exposure cube (Nside 16) and 1000 isotropic events drawn from it. */
    static Path writeInputs(Path dir, String writtenBy) {
        ExposureCube cube = AnalysisFixtures.bandExposure(16);
        ExposureFiles.write(cube, dir);
        EventSample ev = AnalysisFixtures.events(cube, 1000, 0.0, 5);
        ParquetTableWriter w = new ParquetTableWriter().column("energy_gev", Kind.DOUBLE).column("l_deg", Kind.DOUBLE)
                .column("b_deg", Kind.DOUBLE).column("event_class", Kind.STRING);
        for (int i = 0; i < ev.size(); i++) {
            w.row(ev.energyGev(i), ev.lDeg(i), ev.bDeg(i), ev.eventClass(i).name());
        }
        w.write(dir.resolve("events"), Map.of("cra.test", writtenBy));
        return dir;
    }

    /** conf/demo.conf with a small scan: 3 standard and 3 grid thresholds, 3 bins. */
    static Path writeConfig(Path project, Path file) throws IOException {
        String demo = project.resolve("conf/demo.conf").toAbsolutePath().toString().replace("\\", "\\\\");
        Files.writeString(file, String.join("\n",
                "include file(\"" + demo + "\")",
                "cra.analysis.standard-thresholds { emin-gev = 60, emax-gev = 300, count = 3 }",
                "cra.analysis.grid-count = 3",
                "cra.analysis.bin-edges-gev = [50, 80, 150, 1000]",
                ""), StandardCharsets.UTF_8);
        return file;
    }

    /** The reference: {@code cra simulate} in local[2] in this JVM; returns what it printed. */
    static String simulateLocally(Path events, Path exposure, Path out, int samples, long seed, Path config) {
        StringWriter text = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Cra.execute(new String[] {"simulate", "--events", events.toString(), "--exposure",
            exposure.toString(), "--out", out.toString(), "--samples", Integer.toString(samples), "--seed",
            Long.toString(seed), "--master", "local[2]", "--config", config.toString()},
                new PrintWriter(text, true), new PrintWriter(err, true));
        assertEquals(0, rc, () -> "local run failed: " + err);
        return text.toString();
    }

    // ---- comparison

    /**
     * samples/ as sorted rows and bands/ row for row, every double bit for bit; {@code where} names the
     * other run in failure messages.
     */
    static void compareTables(Path localOut, Path otherOut, int samples, String where) {
        SparkSession spark = SparkSessions.create("submit-test-read", "local[1]");
        try {
            Dataset<Row> ls = spark.read().parquet(localOut.resolve("samples").toString());
            Dataset<Row> cs = spark.read().parquet(otherOut.resolve("samples").toString());
            String[] cols = ls.columns();
            String[] rest = Arrays.copyOfRange(cols, 1, cols.length);
            String[] order = {"kind", "threshold_gev", "emin_gev", "corrected"};
            List<Row> sa = ls.select(cols[0], rest).orderBy("sample_id", order).collectAsList();
            List<Row> sb = cs.select(cols[0], rest).orderBy("sample_id", order).collectAsList();
            assertEquals(sa.size(), sb.size(), "samples/ row counts");
            assertSame("samples/", sa, sb, where);

            Dataset<Row> localBands = spark.read().parquet(localOut.resolve("bands").toString());
            Dataset<Row> otherBands = spark.read().parquet(otherOut.resolve("bands").toString());
            assertEquals(localBands.schema().simpleString(), otherBands.schema().simpleString());
            List<Row> a = localBands.collectAsList();
            assertFalse(a.isEmpty());
            for (Row r : a) {
                // energies drawn from the spectrum: near the top of the grid some samples hold no event
                long n = r.getLong(r.fieldIndex("n_samples"));
                assertTrue(n >= 1 && n <= samples, "n_samples " + n);
                if (r.getString(r.fieldIndex("kind")).equals("standard")) {
                    assertEquals((long) samples, n);
                }
            }
            assertSame("bands/", a, otherBands.collectAsList(), where);
        } finally {
            spark.stop();
        }
    }

    /** Equal rows, doubles compared by bit pattern; on failure a summary and the first differences. */
    private static void assertSame(String what, List<Row> local, List<Row> other, String where) {
        assertEquals(local.size(), other.size(), what + " row counts");
        List<List<Object>> a = bits(local);
        List<List<Object>> b = bits(other);
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
                    Object y = other.get(i).get(j);
                    if (x instanceof Double dx && y instanceof Double dy && dx != 0) {
                        maxRel = Math.max(maxRel, Math.abs(dx - dy) / Math.abs(dx));
                    }
                    if (cells <= 10) {
                        first.append(String.format("  row %d %s: local %s, %s %s%n", i,
                                r.schema().fields()[j].name(), x, where, y));
                    }
                }
            }
            rows += rowDiffers ? 1 : 0;
        }
        fail(String.format("%s differ between local[2] and %s: %d values in %d of %d rows "
                + "(max relative difference %.3g)%n%s", what, where, cells, rows, a.size(), maxRel, first));
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

    // ---- class path, SPARK_HOME, application jar

    /**
     * Spark's jars (for SPARK_HOME/jars) and the application's other jars (for --jars). Spark's YARN module
     * (a test dependency) counts as Spark's; the test frameworks and Hadoop's mini clusters with their own
     * dependencies are in neither.
     */
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
                    continue; // target/classes, target/test-classes; JUnit, surefire, mini clusters
                }
                if (provided == null || provided.contains(p) || p.getFileName().toString().startsWith("spark-yarn_")) {
                    spark.add(p);
                } else {
                    app.add(p);
                }
            }
            return new ClassPathSplit(spark, app);
        }

        /** JUnit and surefire; the MiniYARNCluster and what it needs (BouncyCastle, JAXB): test-scope only. */
        private static boolean isTestFramework(Path p) {
            String s = p.toString().replace('\\', '/');
            String name = p.getFileName().toString();
            return s.contains("/org/junit/") || s.contains("/org/opentest4j/") || s.contains("/org/apiguardian/")
                    || s.contains("surefire") || name.startsWith("hadoop-client-minicluster-")
                    || s.contains("/org/bouncycastle/") || name.startsWith("jaxb-api-");
        }

        private static FileTime lastModified(Path p) throws IOException {
            return Files.exists(p) ? Files.getLastModifiedTime(p) : FileTime.fromMillis(0);
        }
    }

    /** This JVM's class path (surefire's manifest-only booter jar expanded if that is what it is). */
    static List<Path> testClassPath() throws IOException {
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

    /** A SPARK_HOME with only jars/ (links to the given jars) and an empty conf/. */
    static Path fakeSparkHome(Path home, List<Path> jars) throws IOException {
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
    static Path jarOf(Path classes, Path jar) throws IOException {
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

    /** The flags of conf/spark-jvm.args on one line (comments and blank lines dropped), as spark-submit.sh has them. */
    static String jvmFlags(Path project) throws IOException {
        List<String> flags = new ArrayList<>();
        for (String line : Files.readAllLines(project.resolve("conf/spark-jvm.args"), StandardCharsets.UTF_8)) {
            String s = line.replaceAll("#.*$", "").trim();
            if (!s.isEmpty()) {
                flags.add(s);
            }
        }
        return String.join(" ", flags);
    }

    // ---- processes

    /** Child processes with their output in log files; {@link #close()} stops them and their children. */
    static final class Processes implements AutoCloseable {
        private final List<Process> started = new ArrayList<>();

        Process start(List<String> cmd, Map<String, String> env, Path log) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            started.add(p);
            return p;
        }

        /** Waits until {@code log} contains {@code text}; fails when a process exits or time runs out. */
        void waitFor(Path log, String text, int seconds, Path... logs) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                    return;
                }
                for (Process p : started) {
                    if (!p.isAlive()) {
                        fail("a Spark daemon exited with " + p.exitValue() + "\n" + tails(logs));
                    }
                }
                Thread.sleep(200);
            }
            fail("no '" + text + "' in " + log + " after " + seconds + " s\n" + tails(logs));
        }

        /** Stops every process started here and their children (a Worker's executors), newest first. */
        @Override
        public void close() {
            for (int i = started.size() - 1; i >= 0; i--) {
                Process p = started.get(i);
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
            started.clear();
        }
    }

    static String tails(Path... logs) {
        StringBuilder b = new StringBuilder();
        for (Path l : logs) {
            b.append("---- ").append(l.getFileName()).append('\n').append(tail(l));
        }
        return b.toString();
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())) + "\n";
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")\n";
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path projectDir() {
        return Path.of(System.getProperty("cra.projectDir", ".")).toAbsolutePath().normalize();
    }

    static boolean canBindLoopback() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return s.getLocalPort();
        }
    }

    /** A local directory tree copied to another file system (e.g. HDFS); returns the copy's root. */
    static Path copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        return to;
    }
}
