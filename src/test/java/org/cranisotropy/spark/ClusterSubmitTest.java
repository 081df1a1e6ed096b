package org.cranisotropy.spark;

import static org.cranisotropy.spark.SubmitTestSupport.canBindLoopback;
import static org.cranisotropy.spark.SubmitTestSupport.compareTables;
import static org.cranisotropy.spark.SubmitTestSupport.copyTree;
import static org.cranisotropy.spark.SubmitTestSupport.fakeSparkHome;
import static org.cranisotropy.spark.SubmitTestSupport.freePort;
import static org.cranisotropy.spark.SubmitTestSupport.jarOf;
import static org.cranisotropy.spark.SubmitTestSupport.javaBin;
import static org.cranisotropy.spark.SubmitTestSupport.projectDir;
import static org.cranisotropy.spark.SubmitTestSupport.simulateLocally;
import static org.cranisotropy.spark.SubmitTestSupport.tail;
import static org.cranisotropy.spark.SubmitTestSupport.tails;
import static org.cranisotropy.spark.SubmitTestSupport.testClassPath;
import static org.cranisotropy.spark.SubmitTestSupport.writeConfig;
import static org.cranisotropy.spark.SubmitTestSupport.writeInputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cranisotropy.io.StoragePath;
import org.cranisotropy.io.hadoop.MiniHdfs;
import org.cranisotropy.spark.SubmitTestSupport.ClassPathSplit;
import org.cranisotropy.spark.SubmitTestSupport.Processes;
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
 * The cluster run reads its inputs and configuration from, and writes its output to, an in-process HDFS
 * (MiniDFSCluster): driver and executors share no directory.
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

    private final Processes processes = new Processes();

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void simulateOnAStandaloneClusterEqualsTheLocalRunBitForBit() throws Exception {
        assumeTrue(canBindLoopback(), "cannot bind 127.0.0.1: no local cluster possible");
        long t0 = System.nanoTime();
        Path project = projectDir();
        MiniHdfs hdfs = new MiniHdfs(tmp.resolve("dfs"));
        Path inputs = writeInputs(tmp.resolve("in"), "ClusterSubmitTest");
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
            processes.start(sparkDaemon(project, sparkHome, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUi)), env, masterLog);
            Path workerLog = logs.resolve("worker.log");
            processes.start(sparkDaemon(project, sparkHome, "org.apache.spark.deploy.worker.Worker", masterUrl, "--host",
                    "127.0.0.1", "--cores", "2", "--memory", "2g", "--webui-port", Integer.toString(workerUi)),
                    env, workerLog);

            // meanwhile: the reference run, local[2] in this JVM
            long tLocal = System.nanoTime();
            Path localOut = tmp.resolve("out-local");
            String localText = simulateLocally(events, exposure, localOut, SAMPLES, SEED, config);
            System.out.printf("ClusterSubmitTest: local[2] run %.1f s: %s", (System.nanoTime() - tLocal) / 1e9,
                    localText);

            processes.waitFor(workerLog, "Successfully registered with master", 90, masterLog, workerLog);

            // the cluster run uses no directory of this machine: inputs, configuration and output on HDFS
            String dfs = hdfs.uri();
            Path hdfsIn = copyTree(inputs, StoragePath.of(dfs + "/in"));
            Path hdfsConfig = StoragePath.of(dfs + "/conf/cluster-test.conf");
            Files.copy(config, hdfsConfig);
            long tCluster = System.nanoTime();
            Path clusterOut = StoragePath.of(dfs + "/out-cluster");
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
            submit.addAll(List.of("--", "simulate", "--events", hdfsIn.resolve("events").toString(), "--exposure",
                    hdfsIn.resolve("exposure").toString(), "--out", clusterOut.toString(), "--samples",
                    Integer.toString(SAMPLES), "--seed", Long.toString(SEED), "--partitions", "5", "--config",
                    hdfsConfig.toString(), "--master", ""));
            Map<String, String> submitEnv = new LinkedHashMap<>(env);
            submitEnv.remove("SPARK_WORKER_DIR");
            submitEnv.put("CRA_APP_JAR", appJar.toString());
            Path submitLog = logs.resolve("submit.log");
            Process driver = processes.start(submit, submitEnv, submitLog);
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

            compareTables(localOut, clusterOut, SAMPLES, "the standalone cluster");
        } finally {
            processes.close();
            hdfs.close();
        }
        System.out.printf("ClusterSubmitTest: total %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static List<String> sparkDaemon(Path project, Path sparkHome, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "@" + project.resolve("conf/spark-jvm.args"), "-Xmx512m",
                "-Dspark.master.rest.enabled=false", "-Dspark.ui.showConsoleProgress=false",
                "-cp", sparkHome.resolve("jars") + File.separator + "*", mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
