package org.cranisotropy.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import org.cranisotropy.io.hadoop.HadoopSettings;

/**
 * The one way this project starts Spark: a SparkSession with the web UI off and quiet (WARN) logging.
 * The master comes from the caller (a --master option, default local[*]); null leaves it to
 * spark-submit / spark.master. The Java 17 module flags Spark needs are in conf/spark-jvm.args.
 */
public final class SparkSessions {
    /** Default master for command-line runs: all local cores. */
    public static final String DEFAULT_MASTER = "local[*]";

    private SparkSessions() {}

    /** getOrCreate a session named appName on master (null: keep spark.master as configured). */
    public static SparkSession create(String appName, String master) {
        quietLogging();
        SparkSession.Builder b = SparkSession.builder()
                .appName(appName)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.debug.maxToStringFields", "200");
        if (master != null && !master.isBlank()) {
            b = b.master(master);
        }
        SparkSession s = b.getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        // Hadoop paths (hdfs://, s3a://) on the driver open with Spark's Hadoop settings (spark.hadoop.*, HADOOP_CONF_DIR)
        HadoopSettings.install(s.sparkContext().hadoopConfiguration());
        return s;
    }

    /**
     * Root logger at WARN; at ERROR Hadoop's native-library notice and Spark's "hostname resolves to a
     * loopback address" notice (harmless in local mode; set SPARK_LOCAL_IP for a cluster).
     */
    public static void quietLogging() {
        Configurator.setRootLevel(Level.WARN);
        Configurator.setLevel("org.apache.spark", Level.WARN);
        Configurator.setLevel("org.apache.spark.util.Utils", Level.ERROR);
        Configurator.setLevel("org.apache.hadoop.util.NativeCodeLoader", Level.ERROR);
    }
}
