package org.cranisotropy.spark;

import static org.cranisotropy.spark.SubmitTestSupport.canBindLoopback;
import static org.cranisotropy.spark.SubmitTestSupport.compareTables;
import static org.cranisotropy.spark.SubmitTestSupport.copyTree;
import static org.cranisotropy.spark.SubmitTestSupport.fakeSparkHome;
import static org.cranisotropy.spark.SubmitTestSupport.jarOf;
import static org.cranisotropy.spark.SubmitTestSupport.jvmFlags;
import static org.cranisotropy.spark.SubmitTestSupport.projectDir;
import static org.cranisotropy.spark.SubmitTestSupport.simulateLocally;
import static org.cranisotropy.spark.SubmitTestSupport.tail;
import static org.cranisotropy.spark.SubmitTestSupport.testClassPath;
import static org.cranisotropy.spark.SubmitTestSupport.writeConfig;
import static org.cranisotropy.spark.SubmitTestSupport.writeInputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.apache.hadoop.yarn.server.resourcemanager.rmapp.RMApp;
import org.apache.hadoop.yarn.server.resourcemanager.rmapp.RMAppState;
import org.cranisotropy.io.StoragePath;
import org.cranisotropy.io.hadoop.MiniHdfs;
import org.cranisotropy.spark.SubmitTestSupport.ClassPathSplit;
import org.cranisotropy.spark.SubmitTestSupport.Processes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cra simulate} submitted with {@code submit/spark-submit.sh --master yarn --deploy-mode client} to
 * a YARN cluster started in this JVM (Hadoop's MiniYARNCluster: one ResourceManager, one NodeManager)
 * writes the same bands/ (and samples/) bit for bit as the same run in local[2] mode in this JVM. The
 * application master (ExecutorLauncher) and two executors run in YARN containers, JVMs started by the
 * NodeManager with YARN's launch scripts, which get Spark only through spark.yarn.jars and the
 * application only from the driver.
 *
 * <p>What YARN needs here: about 3.5 GB that the NodeManager may hand out (the AM container 1 GB: 512m
 * heap + 384m overhead rounded up to the 256 MB allocation step; two executor containers of 1.25 GB:
 * 768m + 384m), of which the JVMs really use a few hundred MB each; the physical and virtual memory
 * checks are off (a JVM's virtual size is far above its container size). Ports: the ResourceManager and
 * NodeManager services and web servers take free ephemeral ports on this host's name
 * ({@link MiniYARNCluster#getHostname()}, which must resolve to this machine); the driver, the AM and the
 * executors bind 127.0.0.1 (SPARK_LOCAL_IP, passed to the containers with spark.yarn.appMasterEnv and
 * spark.executorEnv). The disk health check is relaxed to 100 % so that a nearly full disk does not
 * mark the NodeManager unhealthy. Containers run as the test's user with the DefaultContainerExecutor
 * (no cgroups, no LinuxContainerExecutor) and need bash and {@code java.home} of this JVM (passed
 * as JAVA_HOME). The Hadoop configuration is written to a temporary HADOOP_CONF_DIR (yarn-site.xml,
 * core-site.xml) that spark-submit reads from its class path. The Java 17 flags of conf/spark-jvm.args go
 * to the AM with spark.yarn.am.extraJavaOptions and to the executors with spark.executor.extraJavaOptions
 * (spark-submit.sh adds those). The default file system is the local
 * one ({@code fs.defaultFS=file:///}), so Spark's staging directory (spark.yarn.stagingDir) is a local path,
 * which works only because every container runs on this host; the run's inputs, configuration and
 * {@code --out} are on an in-process HDFS (MiniDFSCluster) given by hdfs:// URLs.
 *
 * <p>What it does not check: cluster deploy mode (the driver in a YARN container), more than one node
 * (a shared {@code --out} on another machine), HDFS as the default file system or for staging, security (Kerberos, delegation tokens, ACLs), dynamic allocation, the external shuffle
 * service, queues and preemption, the shaded application jar of {@code mvn package} (the application
 * jar is made from target/classes), a Spark distribution's bin/spark-submit (SparkSubmit runs from the
 * Maven jars), YARN's log aggregation, or memory enforcement.
 *
 * <p>The NodeManager's directories (container logs) are under target/test/data/YarnSubmitTest and are
 * deleted when the test passes.
 *
 * <p>Tagged {@code yarn}, which the default {@code mvn test} excludes (it starts YARN and four more JVMs:
 * about 3 minutes on 2 cores, half a minute of it starting the MiniYARNCluster); run it with
 * {@code mvn -B test -Dtest=YarnSubmitTest -Dcra.test.excludedGroups=}.
 */
@Tag("yarn")
class YarnSubmitTest {
    private static final int SAMPLES = 40;
    private static final long SEED = 11;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 420, unit = TimeUnit.SECONDS)
    void simulateOnYarnEqualsTheLocalRunBitForBit() throws Exception {
        assumeTrue(canBindLoopback(), "cannot bind 127.0.0.1: no local cluster possible");
        long t0 = System.nanoTime();
        Path project = projectDir();
        Path inputs = writeInputs(tmp.resolve("in"), "YarnSubmitTest");
        Path events = inputs.resolve("events");
        Path exposure = inputs.resolve("exposure");
        Path config = writeConfig(project, tmp.resolve("yarn-test.conf"));

        ClassPathSplit split = ClassPathSplit.of(testClassPath(), project);
        assertTrue(split.spark().stream().anyMatch(p -> p.getFileName().toString().startsWith("spark-yarn_")),
                "spark-yarn is not on the test class path");
        Path sparkHome = fakeSparkHome(tmp.resolve("spark-home"), split.spark());
        Path appJar = jarOf(project.resolve("target/classes"), tmp.resolve("cr-anisotropy-test.jar"));
        Path logs = Files.createDirectories(tmp.resolve("logs"));

        MiniYARNCluster yarn = new MiniYARNCluster(YarnSubmitTest.class.getSimpleName(), 1, 1, 1);
        boolean passed = false;
        try (Processes processes = new Processes(); MiniHdfs hdfs = new MiniHdfs(tmp.resolve("dfs"))) {
            long tYarn = System.nanoTime();
            yarn.init(yarnConfiguration());
            yarn.start();
            Configuration running = waitForYarn(yarn);
            Path confDir = writeHadoopConf(running, Files.createDirectories(tmp.resolve("hadoop-conf")));
            System.out.printf("YarnSubmitTest: MiniYARNCluster up in %.1f s, ResourceManager %s%n",
                    (System.nanoTime() - tYarn) / 1e9, running.get(YarnConfiguration.RM_ADDRESS));

            long tLocal = System.nanoTime();
            Path localOut = tmp.resolve("out-local");
            String localText = simulateLocally(events, exposure, localOut, SAMPLES, SEED, config);
            System.out.printf("YarnSubmitTest: local[2] run %.1f s: %s", (System.nanoTime() - tLocal) / 1e9,
                    localText);

            // inputs, configuration and output of the YARN run on HDFS: the containers share no directory with it
            String dfs = hdfs.uri();
            Path hdfsIn = copyTree(inputs, StoragePath.of(dfs + "/in"));
            Path hdfsConfig = StoragePath.of(dfs + "/conf/yarn-test.conf");
            Files.copy(config, hdfsConfig);
            long tYarnRun = System.nanoTime();
            Path yarnOut = StoragePath.of(dfs + "/out-yarn");
            String javaHome = System.getProperty("java.home");
            String flags = jvmFlags(project);
            List<String> submit = new ArrayList<>(List.of("bash", project.resolve("submit/spark-submit.sh").toString(),
                    "--master", "yarn", "--deploy-mode", "client", "--name", "cra-yarn-test",
                    "--driver-memory", "1g",
                    // the Hadoop configuration for the client: spark-submit.sh starts SparkSubmit itself
                    "--driver-class-path", confDir.toString(),
                    // Spark for the containers: the jars of the test class path, already on this host
                    "--conf", "spark.yarn.jars=local:" + sparkHome.resolve("jars") + "/*",
                    "--conf", "spark.yarn.stagingDir=" + Files.createDirectories(tmp.resolve("staging")).toUri(),
                    "--conf", "spark.yarn.maxAppAttempts=1",
                    "--conf", "spark.yarn.am.memory=512m",
                    "--conf", "spark.yarn.am.extraJavaOptions=" + flags,
                    "--conf", "spark.yarn.appMasterEnv.JAVA_HOME=" + javaHome,
                    "--conf", "spark.executorEnv.JAVA_HOME=" + javaHome,
                    "--conf", "spark.yarn.appMasterEnv.SPARK_LOCAL_IP=127.0.0.1",
                    "--conf", "spark.executorEnv.SPARK_LOCAL_IP=127.0.0.1",
                    "--conf", "spark.executor.instances=2",
                    "--conf", "spark.executor.cores=1",
                    "--conf", "spark.executor.memory=768m",
                    // spark-submit.sh adds conf/spark-jvm.args to spark.executor.extraJavaOptions
                    "--conf", "spark.ui.enabled=false"));
            if (!split.app().isEmpty()) {
                submit.add("--jars");
                submit.add(String.join(",", split.app().stream().map(Path::toString).toList()));
            }
            submit.addAll(List.of("--", "simulate", "--events", hdfsIn.resolve("events").toString(), "--exposure",
                    hdfsIn.resolve("exposure").toString(), "--out", yarnOut.toString(), "--samples",
                    Integer.toString(SAMPLES), "--seed", Long.toString(SEED), "--partitions", "5", "--config",
                    hdfsConfig.toString(), "--master", ""));
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SPARK_HOME", sparkHome.toString());
            env.put("SPARK_LOCAL_IP", "127.0.0.1");
            env.put("SPARK_SCALA_VERSION", "2.13");
            env.put("HADOOP_CONF_DIR", confDir.toString());
            env.put("CRA_APP_JAR", appJar.toString());
            Path submitLog = logs.resolve("submit.log");
            Process driver = processes.start(submit, env, submitLog);
            if (!driver.waitFor(300, TimeUnit.SECONDS)) {
                fail("spark-submit did not finish in 300 s\n" + tail(submitLog) + containerLogs(yarn));
            }
            String submitText = Files.readString(submitLog, StandardCharsets.UTF_8);
            assertEquals(0, driver.exitValue(), () -> "spark-submit failed\n" + tail(submitLog) + containerLogs(yarn));
            assertTrue(submitText.contains(" on yarn:"), () -> "not run on YARN\n" + tail(submitLog));
            RMApp app = finishedApplication(yarn);
            assertEquals(FinalApplicationStatus.SUCCEEDED, app.getFinalApplicationStatus(),
                    () -> "YARN application " + app.getApplicationId() + ": " + app.getDiagnostics());
            List<Path> containers = containerLogDirs(yarn);
            assertTrue(containers.size() >= 3, () -> "expected the AM and 2 executor containers, found "
                    + containers + "\n" + containerLogs(yarn));
            System.out.printf("YarnSubmitTest: spark-submit to YARN %.1f s (%s, %d containers): %s%n",
                    (System.nanoTime() - tYarnRun) / 1e9, app.getApplicationId(), containers.size(),
                    submitText.lines().filter(l -> l.contains(" samples of ")).findFirst().orElse("?"));

            compareTables(localOut, yarnOut, SAMPLES, "YARN");
            passed = true;
        } finally {
            yarn.stop();
            if (passed) { // else its container logs stay for a look
                deleteTree(yarn.getTestWorkDir().toPath());
            } else {
                System.out.println("YarnSubmitTest: the NodeManager's directories are in " + yarn.getTestWorkDir());
            }
        }
        System.out.printf("YarnSubmitTest: total %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** One NodeManager with 3.5 GB and 2 vcores, no memory checks, the capacity scheduler with one queue. */
    private static YarnConfiguration yarnConfiguration() {
        YarnConfiguration c = new YarnConfiguration();
        c.set("fs.defaultFS", "file:///");
        c.setInt(YarnConfiguration.NM_PMEM_MB, 3584);
        c.setInt(YarnConfiguration.NM_VCORES, 2);
        c.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
        c.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, 2048);
        c.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        c.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        c.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 100.0f);
        c.set("yarn.scheduler.capacity.root.queues", "default");
        c.setInt("yarn.scheduler.capacity.root.default.capacity", 100);
        c.setInt("yarn.scheduler.capacity.root.default.maximum-capacity", 100);
        c.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 1.0f);
        c.setInt("yarn.scheduler.capacity.node-locality-delay", -1);
        return c;
    }

    /**
     * The running cluster's configuration once the ResourceManager has its real ports (MiniYARNCluster's
     * start can return before it writes them) and the NodeManager has registered.
     */
    private static Configuration waitForYarn(MiniYARNCluster yarn) throws Exception {
        Configuration c = yarn.getConfig();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (c.get(YarnConfiguration.RM_ADDRESS, ":0").endsWith(":0")
                || c.get(YarnConfiguration.RM_SCHEDULER_ADDRESS, ":0").endsWith(":0")) {
            if (System.nanoTime() > deadline) {
                fail("the ResourceManager has no address after 60 s: " + c.get(YarnConfiguration.RM_ADDRESS));
            }
            Thread.sleep(100);
        }
        assertTrue(yarn.waitForNodeManagersToConnect(60_000), "the NodeManager did not register in 60 s");
        return c;
    }

    /** HADOOP_CONF_DIR: yarn-site.xml (the running cluster's whole configuration) and core-site.xml. */
    private static Path writeHadoopConf(Configuration running, Path dir) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve("yarn-site.xml"))) {
            running.writeXml(out);
        }
        Configuration core = new Configuration(false);
        core.set("fs.defaultFS", "file:///");
        try (OutputStream out = Files.newOutputStream(dir.resolve("core-site.xml"))) {
            core.writeXml(out);
        }
        return dir;
    }

    /** The one application the ResourceManager knows, once it has finished (client mode: after the driver). */
    private static RMApp finishedApplication(MiniYARNCluster yarn) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Collection<RMApp> apps = yarn.getResourceManager().getRMContext().getRMApps().values();
            assertEquals(1, apps.size(), () -> "YARN applications: " + apps);
            RMApp app = apps.iterator().next();
            RMAppState s = app.getState();
            if (s == RMAppState.FINISHED || s == RMAppState.FAILED || s == RMAppState.KILLED) {
                return app;
            }
            if (System.nanoTime() > deadline) {
                fail("YARN application " + app.getApplicationId() + " still " + s + " 30 s after the driver ended");
            }
            Thread.sleep(200);
        }
    }

    /** The NodeManager's container log directories (container_...), under the cluster's work directory. */
    private static List<Path> containerLogDirs(MiniYARNCluster yarn) {
        try (Stream<Path> s = Files.walk(yarn.getTestWorkDir().toPath())) {
            return s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("container_")
                    && Files.exists(p.resolve("stderr"))).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The tails of every container's stderr, for failure messages. */
    private static String containerLogs(MiniYARNCluster yarn) {
        StringBuilder b = new StringBuilder();
        for (Path d : containerLogDirs(yarn)) {
            b.append("---- ").append(d.getFileName()).append("/stderr\n").append(tail(d.resolve("stderr")));
        }
        return b.length() == 0 ? "(no container logs under " + yarn.getTestWorkDir() + ")\n" : b.toString();
    }
}
